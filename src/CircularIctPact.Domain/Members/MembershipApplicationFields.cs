using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Members;

/// <summary>The form fields that the rules of applications to join a buyer group name.</summary>
public static class MembershipApplicationFields
{
    public static readonly FormField LegalName = new("Legal name");
    public static readonly FormField Sector = new("Sector");
    public static readonly FormField Country = CommonFields.Country;
    public static readonly FormField Website = new("Website");
    public static readonly FormField ContactName = new("Contact name");
    public static readonly FormField ContactEmail = new("Contact e-mail");
    public static readonly FormField ContactFunction = new("Contact function");
    public static readonly FormField Motivation = new("Motivation");
    public static readonly FormField Reason = new("Reason");
    public static readonly FormField Decision = new("Decision");
}
