using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>Password hashing parameters: PBKDF2-HMAC-SHA512 at the OWASP-recommended iteration count.</summary>
public static class PortalPasswordHashing
{
    public const int Iterations = 210_000;

    private static readonly Lazy<string> Unmatchable = new(() =>
    {
        var options = new PasswordHasherOptions();
        Configure(options);
        return new PasswordHasher<ApplicationUser>(Options.Create(options))
            .HashPassword(new ApplicationUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    });

    /// <summary>
    /// A hash of a random password that nobody knows, made with these parameters: a sign-in with an address that has no
    /// password is verified against it, so that it costs as much as a wrong password for a real account.
    /// </summary>
    public static string UnmatchableHash => Unmatchable.Value;

    public static void Configure(PasswordHasherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
        options.IterationCount = Iterations;
    }
}
