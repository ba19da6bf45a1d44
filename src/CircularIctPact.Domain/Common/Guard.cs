namespace CircularIctPact.Domain.Common;

/// <summary>The text rules of <see cref="RuleViolations"/> for a single input, throwing at once.</summary>
internal static class Guard
{
    public static string Required(string? value, FormField field, int maxLength)
    {
        var rules = new RuleViolations();
        var trimmed = rules.Required(value, field, maxLength);
        rules.ThrowIfAny();
        return trimmed;
    }

    public static string? Optional(string? value, FormField field, int maxLength)
    {
        var rules = new RuleViolations();
        var trimmed = rules.Optional(value, field, maxLength);
        rules.ThrowIfAny();
        return trimmed;
    }
}
