namespace CircularIctPact.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException($"{field} is required.", field);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{field} can be at most {maxLength} characters.", field);
        }

        return trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > maxLength
            ? throw new DomainException($"{field} can be at most {maxLength} characters.", field)
            : trimmed;
    }
}
