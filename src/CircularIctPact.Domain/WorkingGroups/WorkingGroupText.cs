using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.WorkingGroups;

/// <summary>How a working group describes itself (name, topic and mandate), in the language it was written in or a translation.</summary>
public sealed record WorkingGroupText(string? Name, string? Topic, string? Mandate) : IContentText<WorkingGroupText>
{
    public WorkingGroupText Checked(RuleViolations rules, FormField? group)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(
            rules.Required(Name, WorkingGroupFields.Name.Within(group), WorkingGroup.NameMaxLength),
            rules.Required(Topic, WorkingGroupFields.Topic.Within(group), WorkingGroup.TopicMaxLength),
            rules.Optional(Mandate, WorkingGroupFields.Mandate.Within(group), WorkingGroup.MandateMaxLength));
    }
}
