using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>
/// The portal's password rules beyond Identity's length rule (OWASP ASVS 5.0 6.2.4 and 6.2.11): a password must not be one
/// of the <see cref="CommonPasswords"/>, nor contain the name part of the person's e-mail address or their display name,
/// ignoring case. Only parts of at least <see cref="ShortestNamePart"/>
/// characters count, so that a short part ("jan", "de") does not forbid every password that happens to contain it.
/// </summary>
public sealed class PortalPasswordValidator(IdentityErrorDescriber errors) : IPasswordValidator<ApplicationUser>
{
    public const int ShortestNamePart = 4;

    private static readonly char[] NameSeparators = [' ', '.', '-', '_', '+', '\'', ','];

    private readonly PortalIdentityErrorDescriber _errors = errors as PortalIdentityErrorDescriber ?? new PortalIdentityErrorDescriber();

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var problems = new List<IdentityError>();
        if (CommonPasswords.Contains(password))
        {
            problems.Add(_errors.PasswordTooCommon());
        }

        var email = user.Email ?? user.UserName ?? string.Empty;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (ContainsAnyPart(password, at > 0 ? email[..at] : string.Empty))
        {
            problems.Add(_errors.PasswordContainsEmailName());
        }
        else if (ContainsAnyPart(password, user.DisplayName))
        {
            problems.Add(_errors.PasswordContainsName());
        }

        return Task.FromResult(problems.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. problems]));
    }

    private static bool ContainsAnyPart(string password, string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Append(name.Trim())
            .Any(part => part.Length >= ShortestNamePart && password.Contains(part, StringComparison.OrdinalIgnoreCase));
}
