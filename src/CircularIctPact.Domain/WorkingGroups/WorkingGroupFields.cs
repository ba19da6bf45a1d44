using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.WorkingGroups;

/// <summary>The form fields that the rules of working groups, their chairs and participants name.</summary>
public static class WorkingGroupFields
{
    public static readonly FormField Name = new("Name");
    public static readonly FormField Topic = new("Topic");
    public static readonly FormField Mandate = new("Mandate");
    public static readonly FormField Chair = new("Chair");
    public static readonly FormField Participant = new("Participant");
    public static readonly FormField StakeholderType = new("StakeholderType");
    public static readonly FormField Organisation = new("Organisation");
}
