using System.Text.RegularExpressions;
using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>
/// The stable code of a criterion, e.g. <c>LAP-REP-02</c>: a product prefix, a theme abbreviation and a
/// two- or three-digit number, upper case. The code stays the same across versions of a set.
/// </summary>
public sealed partial record CriterionCode
{
    public const int MaxLength = 20;

    private CriterionCode(string value) => Value = value;

    public string Value { get; }

    public static CriterionCode Parse(string? value, FormField? field = null)
    {
        var input = field ?? CriteriaSetFields.Code;
        var normalised = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normalised))
        {
            throw new DomainException(input, "{0} is required.", input);
        }

        return IsValid(normalised)
            ? new CriterionCode(normalised)
            : throw new DomainException(
                input,
                "'{0}' is not a criterion code; write it like LAP-REP-02 (letters, letters, number).",
                value);
    }

    public static bool IsValid(string? value) =>
        value is not null && value.Length <= MaxLength && Pattern().IsMatch(value.Trim().ToUpperInvariant());

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z]{2,5}-[A-Z]{2,5}-[0-9]{2,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
