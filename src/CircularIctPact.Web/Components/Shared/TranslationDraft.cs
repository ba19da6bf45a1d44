using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Web.Components.Shared;

/// <summary>One translation on an editor's form, every input kept as typed (by the key of its field).</summary>
public sealed class TranslationDraft
{
    public CriteriaLanguage Language { get; set; }

    /// <summary>The typed texts by <see cref="FormField.Key"/>; public and settable so a prerendered form can be kept.</summary>
    public Dictionary<string, string?> Texts { get; set; } = [];

    public string? Text(FormField field) => Texts.GetValueOrDefault(field.Key);

    public void Write(FormField field, string? text) => Texts[field.Key] = text;

    /// <summary>The drafts of stored translations, with the inputs <paramref name="fields"/> reads from each text.</summary>
    public static List<TranslationDraft> From<TText>(
        IEnumerable<Translation<TText>> translations,
        Func<TText, IEnumerable<(FormField Field, string? Text)>> fields)
        where TText : class, IContentText<TText>
    {
        ArgumentNullException.ThrowIfNull(fields);
        return [.. (translations ?? []).Select(translation => new TranslationDraft
        {
            Language = translation.Language,
            Texts = fields(translation.Text).ToDictionary(field => field.Field.Key, field => field.Text),
        })];
    }

    /// <summary>The translations the drafts say, each text made from its inputs by <paramref name="text"/>.</summary>
    public static List<Translation<TText>> ToTranslations<TText>(IEnumerable<TranslationDraft> drafts, Func<TranslationDraft, TText> text)
        where TText : class, IContentText<TText>
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. (drafts ?? []).Select(draft => new Translation<TText>(draft.Language, text(draft)))];
    }
}

/// <summary>The inputs the translations editor shows for <paramref name="fields"/> in every language, for a form's list of
/// the fields it places its messages beside.</summary>
public static class TranslationInputs
{
    public static IEnumerable<FormField> Of(params FormField[] fields) =>
        CriteriaLanguages.All.Select(CommonFields.Translation)
            .SelectMany(group => fields.Append(CommonFields.Language).Select(field => field.In(group)));
}

/// <summary>One text input of a member's content, as the translations editor repeats it for each language.</summary>
/// <param name="Field">The field the domain's rules name (inside a translation, it stands within that translation's group).</param>
/// <param name="Label">The label in the person's language.</param>
/// <param name="MaxLength">The most characters the rules allow.</param>
/// <param name="Lines">1 for a single line; more for a text area.</param>
/// <param name="Required">Whether a translation must give it (as the original must).</param>
public sealed record ContentField(FormField Field, string Label, int MaxLength, int Lines = 1, bool Required = true);
