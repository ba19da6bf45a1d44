using OtpNet;

namespace CircularIctPact.Testing;

/// <summary>
/// Authenticator codes as a person's app shows them. The portal accepts a code once per account and allows one
/// 30-second step of clock drift, so when a test signs the same account in twice within one step, the second sign-in
/// needs the next step's code, and a third one must wait for the clock.
/// </summary>
public static class AuthenticatorCodes
{
    private const int StepSeconds = 30;

    /// <summary>The code to try first, then the next step's, then (after waiting for the step to pass) the one after.</summary>
    public static IEnumerable<Task<string>> Candidates(string base32Key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(base32Key), StepSeconds);
        var now = DateTime.UtcNow;
        yield return Task.FromResult(totp.ComputeTotp(now));
        yield return Task.FromResult(totp.ComputeTotp(now.AddSeconds(StepSeconds)));
        yield return AfterThisStepAsync(totp);
    }

    // Both codes above may have been used within this step; once it has passed, the step after the new one is still fresh.
    private static async Task<string> AfterThisStepAsync(Totp totp)
    {
        await Task.Delay(TimeSpan.FromSeconds(totp.RemainingSeconds(DateTime.UtcNow) + 1));
        return totp.ComputeTotp(DateTime.UtcNow.AddSeconds(StepSeconds));
    }
}
