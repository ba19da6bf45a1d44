using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>Password hashing parameters: PBKDF2-HMAC-SHA512 at the OWASP-recommended iteration count.</summary>
public static class PortalPasswordHashing
{
    public const int Iterations = 210_000;

    public static void Configure(PasswordHasherOptions options)
    {
        options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
        options.IterationCount = Iterations;
    }
}
