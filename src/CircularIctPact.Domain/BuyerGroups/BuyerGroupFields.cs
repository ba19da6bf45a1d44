using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.BuyerGroups;

/// <summary>The form fields that the rules of buyer groups, their tiers, documents and coordinators name.</summary>
public static class BuyerGroupFields
{
    public static readonly FormField Name = new("Name");
    public static readonly FormField CoordinatingOrganisation = new("Coordinating organisation");
    public static readonly FormField SupportingOrganisation = new("Supporting organisation");
    public static readonly FormField Description = new("Description");
    public static readonly FormField Tier = new("Tier");
    public static readonly FormField Title = new("Title");
    public static readonly FormField Reason = new("Reason");
    public static readonly FormField Coordinator = new("Coordinator");
}
