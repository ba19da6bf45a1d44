namespace CircularIctPact.Domain.Common;

/// <summary>
/// The input of a form that a broken rule concerns, so the form can show the message beside it. Each field is declared
/// once, beside the rules that name it (<c>&lt;Aggregate&gt;Fields</c> in the domain, or the web feature that owns a form no
/// domain rule names); pages match on the same instance, so a misspelt field does not compile.
/// </summary>
/// <param name="Key">
/// Tells fields apart. Until labels get their own translations, <see cref="Guard"/> and the value objects also name the
/// input by it in their messages ("Legal name is required."), so for those fields it is the English label.
/// </param>
public readonly record struct FormField(string Key)
{
    /// <summary>This field of one row in a list on the form, e.g. the title of the third lot: <c>Lots[2].Title</c>.</summary>
    public FormField In(FormField list, int index) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{list.Key}[{index}].{Key}"));

    /// <summary>This field inside a group of inputs on the form, e.g. the award date: <c>Award.AwardedOn</c>.</summary>
    public FormField In(FormField group) => new($"{group.Key}.{Key}");

    public override string ToString() => Key;
}
