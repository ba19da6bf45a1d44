using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Domain.Common;

/// <summary>
/// Text a member writes (a title with its description, a case's sections, …) in the shape one kind of content has.
/// The same shape holds the text in the language it was written in and each translation of it.
/// </summary>
/// <typeparam name="TText">The record itself.</typeparam>
public interface IContentText<TText>
    where TText : class, IContentText<TText>
{
    /// <summary>
    /// The text trimmed and within its limits; each broken rule is reported to <paramref name="rules"/> with its field
    /// inside <paramref name="group"/> (a translation's inputs), or as it is when the group is null (the original's).
    /// </summary>
    TText Checked(RuleViolations rules, FormField? group);
}

/// <summary>A member's text in another portal language than the one it was written in.</summary>
/// <typeparam name="TText">The shape of the text.</typeparam>
public sealed record Translation<TText>(CriteriaLanguage Language, TText Text)
    where TText : class, IContentText<TText>;

/// <summary>
/// The rules of content written in several languages: it is written in one portal language (its original, required as
/// before), and may be translated into each of the others once. Readers get their own language where it exists,
/// otherwise the original.
/// </summary>
public static class ContentTranslations
{
    /// <summary>
    /// The translations checked against the <paramref name="original"/> language, in the portal's order of languages.
    /// A translation into the original language, into a language the portal does not have, or a second one into the same
    /// language is refused; each translation's text follows the same rules as the original's.
    /// </summary>
    public static IReadOnlyList<Translation<TText>> Checked<TText>(
        RuleViolations rules,
        CriteriaLanguage original,
        IEnumerable<Translation<TText>>? translations)
        where TText : class, IContentText<TText>
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!Enum.IsDefined(original))
        {
            rules.Report(CommonFields.Language, "Choose the language the text is written in.");
        }

        var checkedTranslations = new List<Translation<TText>>();
        foreach (var translation in translations ?? [])
        {
            if (!Enum.IsDefined(translation.Language))
            {
                rules.Report(CommonFields.Language, "A translation can only be into English, Dutch, French or German.");
                continue;
            }

            var group = CommonFields.Translation(translation.Language);
            if (translation.Language == original)
            {
                rules.Report(
                    CommonFields.Language.In(group),
                    "The text is already written in this language; a translation must be into another language.");
                continue;
            }

            if (checkedTranslations.Any(t => t.Language == translation.Language))
            {
                rules.Report(CommonFields.Language.In(group), "There is already a translation into this language.");
                continue;
            }

            checkedTranslations.Add(new Translation<TText>(translation.Language, translation.Text.Checked(rules, group)));
        }

        return [.. checkedTranslations.OrderBy(t => t.Language)];
    }

    /// <summary>
    /// The text a reader of <paramref name="reader"/> gets: its translation into that language when there is one,
    /// otherwise the original, each with the language it is in.
    /// </summary>
    public static Translation<TText> For<TText>(
        CriteriaLanguage reader,
        CriteriaLanguage original,
        TText originalText,
        IEnumerable<Translation<TText>>? translations)
        where TText : class, IContentText<TText> =>
        reader == original
            ? new Translation<TText>(original, originalText)
            : translations?.FirstOrDefault(t => t.Language == reader) ?? new Translation<TText>(original, originalText);

    /// <summary>The field as it stands among the inputs of <paramref name="group"/>, or itself when there is no group.</summary>
    public static FormField Within(this FormField field, FormField? group) => group is { } inside ? field.In(inside) : field;
}
