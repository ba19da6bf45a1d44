using System.Net;
using System.Text.RegularExpressions;
using CircularIctPact.Infrastructure.Seeding;

namespace CircularIctPact.Testing;

/// <summary>Signs in through the portal's real sign-in forms over HTTP, as a browser without JavaScript would.</summary>
public static partial class FormSignIn
{
    /// <summary>Submits the sign-in form (and the authenticator code when asked); returns the final response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(
        HttpClient client,
        string email,
        string password = DemoAccounts.Password,
        string? authenticatorKey = null)
    {
        var response = await PostFormAsync(client, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains(
            "LoginWith2fa", StringComparison.OrdinalIgnoreCase) == true)
        {
            var key = authenticatorKey ?? throw new InvalidOperationException($"{email} needs an authenticator key to sign in.");
            var codePage = response.Headers.Location.OriginalString;
            foreach (var code in AuthenticatorCodes.Candidates(key))
            {
                response = await PostFormAsync(client, codePage, "login-with-2fa", new Dictionary<string, string>
                {
                    ["Input.TwoFactorCode"] = await code,
                });
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    break;
                }
            }
        }

        return response;
    }

    /// <summary>Fetches a static form page, then posts it back with its antiforgery token.</summary>
    /// <param name="action">Where the form posts to, when not back to <paramref name="path"/>.</param>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client,
        string path,
        string formName,
        IDictionary<string, string> fields,
        string? action = null)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {path}.");
        }

        var content = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        using var form = new FormUrlEncodedContent(content);
        return await client.PostAsync(action ?? path, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
