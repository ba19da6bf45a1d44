using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Events;

/// <summary>The words of an event: its title and description, in the language the organiser wrote them in or a translation.</summary>
public sealed record EventText(string? Title, string? Description) : IContentText<EventText>
{
    public EventText Checked(RuleViolations rules, FormField? group)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(
            rules.Required(Title, PactEventFields.Title.Within(group), PactEvent.TitleMaxLength),
            rules.Required(Description, PactEventFields.Description.Within(group), PactEvent.DescriptionMaxLength));
    }
}
