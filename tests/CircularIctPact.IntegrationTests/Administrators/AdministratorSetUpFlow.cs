using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Administrators;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace CircularIctPact.IntegrationTests.Administrators;

/// <summary>Walks a set-up address through the set-up service as the page does, for tests that need a finished set-up.</summary>
internal static class AdministratorSetUpFlow
{
    public const string Password = "First-Setup-2026!";

    public static string? Query(Uri address, string name) =>
        QueryHelpers.ParseQuery(address.Query).TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>Chooses <see cref="Password"/>, enrols the authenticator with its current code; returns the authenticator key.</summary>
    public static async Task<string> CompleteAsync(PortalFactory portal, Uri address)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var setUp = scope.ServiceProvider.GetRequiredService<AdministratorSetup>();
        var enrolment = await setUp.ChoosePasswordAsync(Query(address, "user"), Query(address, "code"), Password, Password);
        var key = enrolment.FormattedKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await setUp.EnrolAuthenticatorAsync(enrolment.UserId.ToString(), enrolment.EnrolmentToken, CurrentCode(key));
        return key;
    }

    public static string CurrentCode(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
}
