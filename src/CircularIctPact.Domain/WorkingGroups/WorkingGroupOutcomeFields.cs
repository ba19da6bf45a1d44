using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.WorkingGroups;

/// <summary>The form fields that the rules of outcomes a working group publishes name.</summary>
public static class WorkingGroupOutcomeFields
{
    public static readonly FormField Title = new("Title");
    public static readonly FormField Type = new("Type");
    public static readonly FormField Visibility = new("Visibility");
    public static readonly FormField CriteriaSet = new("CriteriaSet");
    public static readonly FormField Body = new("Body");
    public static readonly FormField Status = new("Status");
}
