namespace CircularIctPact.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, FormField field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException($"{field.Key} is required.", field);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{field.Key} can be at most {maxLength} characters.", field);
        }

        return trimmed;
    }

    public static string? Optional(string? value, FormField field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > maxLength
            ? throw new DomainException($"{field.Key} can be at most {maxLength} characters.", field)
            : trimmed;
    }
}
