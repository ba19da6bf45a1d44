using System.Net.Mail;

namespace CircularIctPact.Domain.Common;

/// <summary>A syntactically valid e-mail address, trimmed and lower-cased in the domain part.</summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static EmailAddress Parse(string? value, FormField? field = null)
    {
        var input = field ?? CommonFields.Email;
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(input, "{0} is required.", input);
        }

        if (trimmed.Length > MaxLength
            || !MailAddress.TryCreate(trimmed, out var parsed)
            || parsed.Address != trimmed
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new DomainException(input, "'{0}' is not a valid e-mail address.", trimmed);
        }

        return new EmailAddress(trimmed);
    }

    public override string ToString() => Value;
}
