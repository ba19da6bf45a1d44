using System.Net;
using System.Text.RegularExpressions;
using CircularIctPact.Infrastructure.Seeding;
using OtpNet;

namespace CircularIctPact.Bench;

/// <summary>An HTTP client with its own cookies, signed in through the portal's real forms like a browser without JavaScript.</summary>
internal sealed partial class PortalSession : IDisposable
{
    private readonly HttpClientHandler _handler;

    private PortalSession(Uri address)
    {
        Cookies = new CookieContainer();
        _handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true };
        Client = new HttpClient(_handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; }

    public static PortalSession Anonymous(Uri address) => new(address);

    /// <summary>Signs in with the demo password; the secretariat admin also gives the authenticator code from the demo key.</summary>
    public static async Task<PortalSession> SignInAsync(Uri address, string email)
    {
        var session = new PortalSession(address);
        var response = await session.PostFormAsync("Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoAccounts.Password,
        });
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains(
            "LoginWith2fa", StringComparison.OrdinalIgnoreCase) == true)
        {
            var code = new Totp(Base32Encoding.ToBytes(DemoAccounts.AdminAuthenticatorKey)).ComputeTotp();
            response = await session.PostFormAsync(
                response.Headers.Location.OriginalString.TrimStart('/'),
                "login-with-2fa",
                new Dictionary<string, string>
                {
                    ["Input.TwoFactorCode"] = code,
                });
        }

        if (response.StatusCode != HttpStatusCode.Redirect || !session.Cookies.GetCookies(address)
            .Any(c => c.Name.StartsWith("cfit.auth", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: HTTP {(int)response.StatusCode}.");
        }

        return session;
    }

    /// <summary>Fetches a form page, then posts it back with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        string path,
        string formName,
        IDictionary<string, string> fields,
        string? action = null)
    {
        var page = await Client.GetStringAsync(path);
        var content = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = AntiforgeryTokenOn(page),
            ["_handler"] = formName,
        };
        using var form = new FormUrlEncodedContent(content);
        return await Client.PostAsync(action ?? path, form);
    }

    public static string AntiforgeryTokenOn(string page)
    {
        var token = AntiforgeryToken().Match(page);
        return token.Success ? WebUtility.HtmlDecode(
            token.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");
    }

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
