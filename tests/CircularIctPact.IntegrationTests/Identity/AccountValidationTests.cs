using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CircularIctPact.Testing.FieldErrorMarkup;

namespace CircularIctPact.IntegrationTests.Identity;

/// <summary>
/// The account pages' validation messages speak the person's language, name the field as its label does,
/// and are tied to their input with aria-describedby; Identity's own errors speak the person's language too.
/// </summary>
public sealed partial class AccountValidationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("en", "E-mail is required.", "Password is required.")]
    [InlineData("nl", "E-mail is verplicht.", "Wachtwoord is verplicht.")]
    [InlineData("fr", "Le champ « E-mail » est obligatoire.", "Le champ « Mot de passe » est obligatoire.")]
    [InlineData("de", "Das Feld „E-Mail“ ist erforderlich.", "Das Feld „Passwort“ ist erforderlich.")]
    public async Task Empty_sign_in_form_names_the_missing_fields_in_the_interface_language(
        string culture,
        string emailMessage,
        string passwordMessage)
    {
        using var client = NewClient();

        var response = await FormSignIn.PostFormAsync(client, $"/Account/Login?culture={culture}", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = string.Empty,
            ["Input.Password"] = string.Empty,
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertTiedError(html, "Input.Email", emailMessage);
        AssertTiedError(html, "Input.Password", passwordMessage);
        Assert.DoesNotContain("field is required", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_password_form_refuses_a_new_password_shorter_than_identity_accepts_and_a_different_confirmation_in_dutch()
    {
        using var client = NewClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);

        var response = await FormSignIn.PostFormAsync(
            client,
            "/Account/Manage/ChangePassword?culture=nl",
            "change-password",
            new Dictionary<string, string>
            {
                ["Input.OldPassword"] = DemoAccounts.Password,
                ["Input.NewPassword"] = "Kort1!abc",
                ["Input.ConfirmPassword"] = "anders",
            });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertTiedError(html, "Input.NewPassword", "Nieuw wachtwoord moet tussen 10 en 100 tekens lang zijn.");
        AssertTiedError(html, "Input.ConfirmPassword", "Het wachtwoord en de bevestiging komen niet overeen.");
        Assert.DoesNotContain("aria-invalid", InputTag(html, "Input.OldPassword"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_password_shows_the_rule_identity_refuses_under_the_new_password_in_dutch()
    {
        using var client = NewClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);
        const string common = "Wachtwoord12";

        var response = await FormSignIn.PostFormAsync(
            client,
            "/Account/Manage/ChangePassword?culture=nl",
            "change-password",
            new Dictionary<string, string>
            {
                ["Input.OldPassword"] = DemoAccounts.Password,
                ["Input.NewPassword"] = common,
                ["Input.ConfirmPassword"] = common,
            });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertTiedError(html, "Input.NewPassword", "Dit is een van de meest gebruikte wachtwoorden.");
        Assert.DoesNotContain("This password", html, StringComparison.Ordinal);
        Assert.False(Alert().IsMatch(html), "The refused rule is shown in the status alert as well as under the field.");
    }

    [Fact]
    public async Task Reset_password_with_a_code_identity_refuses_says_so_in_german()
    {
        using var client = NewClient();
        var code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode("not-a-real-code"u8.ToArray());
        const string password = "Lang genug 1!";

        var response = await FormSignIn.PostFormAsync(
            client,
            $"/Account/ResetPassword?code={code}&culture=de",
            "reset-password",
            new Dictionary<string, string>
            {
                ["Input.Email"] = DemoAccounts.Procurer,
                ["Input.Password"] = password,
                ["Input.ConfirmPassword"] = password,
                ["Input.Code"] = "not-a-real-code",
            });
        var alert = StatusAlert(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Dieser Link oder Code ist ungültig oder abgelaufen. Fordern Sie einen neuen an.", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid token", alert, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_identity_error_keeps_identitys_code_and_is_described_in_the_interface_language()
    {
        using var scope = portal.Services.CreateScope();
        var describer = scope.ServiceProvider.GetRequiredService<IdentityErrorDescriber>();
        var identityDefaults = new PortalIdentityErrorDescriber();
        var errors = typeof(PortalIdentityErrorDescriber)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(method => method.ReturnType == typeof(IdentityError))
            .ToList();
        var interfaceLanguage = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
        try
        {
            Assert.NotEmpty(errors);
            foreach (var error in errors)
            {
                object[] arguments = [.. error.GetParameters()
                    .Select(parameter => parameter.ParameterType == typeof(int) ? (object)10 : "someone@example.org")];
                var identitys = (IdentityError)error.Invoke(identityDefaults, arguments)!;
                var portals = (IdentityError)error.Invoke(describer, arguments)!;

                Assert.Equal(identitys.Code, portals.Code);
                Assert.False(
                    identitys.Description == portals.Description,
                    $"{error.Name} is described in Identity's English: {portals.Description}");
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = interfaceLanguage;
        }
    }

    [Fact]
    public async Task Reset_password_form_names_its_fields_in_dutch()
    {
        using var client = NewClient();
        var code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode("not-a-real-code"u8.ToArray());

        var response = await FormSignIn.PostFormAsync(
            client,
            $"/Account/ResetPassword?code={code}&culture=nl",
            "reset-password",
            new Dictionary<string, string>
            {
                ["Input.Email"] = "geen-adres",
                ["Input.Password"] = "Lang genoeg 1!",
                ["Input.ConfirmPassword"] = "Iets anders 1!",
                ["Input.Code"] = "not-a-real-code",
            });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        AssertTiedError(html, "Input.Email", "Vul bij E-mail een geldig e-mailadres in.");
        AssertTiedError(html, "Input.ConfirmPassword", "Het wachtwoord en de bevestiging komen niet overeen.");
    }

    /// <summary>The text of the page's status alert, where the account pages show what Identity refused.</summary>
    private static string StatusAlert(string html)
    {
        var alert = Alert().Match(html);
        Assert.True(alert.Success, "The page shows no error alert.");
        return alert.Groups["text"].Value;
    }

    private HttpClient NewClient() => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex("<div class=\"alert alert-danger\" role=\"alert\">(?<text>.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Alert();
}
