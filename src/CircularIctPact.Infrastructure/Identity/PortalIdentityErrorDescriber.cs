using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>
/// Identity's error descriptions plus those of the portal's own password rules (<see cref="PortalPasswordValidator"/>), in
/// English; the web host registers a subclass that describes every error in the request's language.
/// </summary>
public class PortalIdentityErrorDescriber : IdentityErrorDescriber
{
    public virtual IdentityError PasswordTooCommon() => new()
    {
        Code = nameof(PasswordTooCommon),
        Description = "This password is one of the most commonly used ones. Choose a less predictable password.",
    };

    public virtual IdentityError PasswordContainsEmailName() => new()
    {
        Code = nameof(PasswordContainsEmailName),
        Description = "Passwords must not contain the name in your e-mail address.",
    };

    public virtual IdentityError PasswordContainsName() => new()
    {
        Code = nameof(PasswordContainsName),
        Description = "Passwords must not contain your name.",
    };
}
