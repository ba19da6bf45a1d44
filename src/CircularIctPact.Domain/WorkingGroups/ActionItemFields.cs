using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.WorkingGroups;

/// <summary>The form fields that the rules of action items of a working group name.</summary>
public static class ActionItemFields
{
    public static readonly FormField Description = new("Description");
    public static readonly FormField Owner = new("Owner");
    public static readonly FormField DueOn = new("DueOn");
    public static readonly FormField Status = new("Status");
}
