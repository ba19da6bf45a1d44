using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.WorkingGroups;

/// <summary>The words of a working group's outcome: its title and text, in the language the chair wrote them in or a translation.</summary>
public sealed record OutcomeText(string? Title, string? Body) : IContentText<OutcomeText>
{
    public OutcomeText Checked(RuleViolations rules, FormField? group)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(
            rules.Required(Title, WorkingGroupOutcomeFields.Title.Within(group), WorkingGroupOutcome.TitleMaxLength),
            rules.Required(Body, WorkingGroupOutcomeFields.Body.Within(group), WorkingGroupOutcome.BodyMaxLength));
    }
}
