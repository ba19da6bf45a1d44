using System.Globalization;

namespace CircularIctPact.Domain.Common;

/// <summary>
/// One broken rule: the input it concerns and its message as an English composite format (<c>"{0} is required."</c>)
/// with the values it names. The format is also the key of the message's translations, so the portal renders it in the
/// person's language; a <see cref="FormField"/> among the arguments is shown as that field's label.
/// </summary>
public sealed class RuleViolation
{
    public RuleViolation(FormField? field, string format, params object?[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        Field = field;
        Format = format;
        Arguments = arguments ?? [];
    }

    /// <summary>The input the rule concerns; null when it concerns the whole form.</summary>
    public FormField? Field { get; }

    /// <summary>The English composite format, also the resource key of its translations.</summary>
    public string Format { get; }

    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The English message, naming each field by its key.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, Format, [.. Arguments.Select(a => a is FormField field ? field.Key : a)]);
}
