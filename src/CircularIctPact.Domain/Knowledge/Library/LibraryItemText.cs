using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Knowledge.Library;

/// <summary>The words of a library item: its title and description, in the language they are written in or a translation.</summary>
public sealed record LibraryItemText(string? Title, string? Description) : IContentText<LibraryItemText>
{
    public LibraryItemText Checked(RuleViolations rules, FormField? group)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(
            rules.Required(Title, LibraryItemFields.Title.Within(group), LibraryItem.TitleMaxLength),
            rules.Required(Description, LibraryItemFields.Description.Within(group), LibraryItem.DescriptionMaxLength));
    }
}
