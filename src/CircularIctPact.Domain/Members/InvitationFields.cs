using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Members;

/// <summary>The form fields that the rules of invitations to the portal name.</summary>
public static class InvitationFields
{
    public static readonly FormField Name = new("Name");
    public static readonly FormField Roles = new("Roles");
    public static readonly FormField Organisation = new("Organisation");
    public static readonly FormField BuyerGroups = new("Buyer groups");
    public static readonly FormField WorkingGroups = new("Working groups");
    public static readonly FormField Invitation = new("Invitation");
    public static readonly FormField Token = new("Token");
}
