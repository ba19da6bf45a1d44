using System.Net;
using System.Text.RegularExpressions;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Identity;

/// <summary>
/// The account pages' validation messages speak the person's language, name the field as its label does,
/// and are tied to their input with aria-describedby.
/// </summary>
public sealed partial class AccountValidationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("en", "E-mail is required.", "Password is required.")]
    [InlineData("nl", "E-mail is verplicht.", "Wachtwoord is verplicht.")]
    [InlineData("fr", "Le champ « E-mail » est obligatoire.", "Le champ « Mot de passe » est obligatoire.")]
    [InlineData("de", "Das Feld „E-Mail“ ist erforderlich.", "Das Feld „Passwort“ ist erforderlich.")]
    public async Task Empty_sign_in_form_names_the_missing_fields_in_the_interface_language(string culture, string emailMessage, string passwordMessage)
    {
        using var client = NewClient();

        var response = await FormSignIn.PostFormAsync(client, $"/Account/Login?culture={culture}", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = string.Empty,
            ["Input.Password"] = string.Empty,
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFieldError(html, "Input.Email", emailMessage);
        AssertFieldError(html, "Input.Password", passwordMessage);
        Assert.DoesNotContain("field is required", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_password_form_refuses_a_short_new_password_and_a_different_confirmation_in_dutch()
    {
        using var client = NewClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);

        var response = await FormSignIn.PostFormAsync(client, "/Account/Manage/ChangePassword?culture=nl", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = DemoAccounts.Password,
            ["Input.NewPassword"] = "kort",
            ["Input.ConfirmPassword"] = "anders",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFieldError(html, "Input.NewPassword", "Nieuw wachtwoord moet tussen 6 en 100 tekens lang zijn.");
        AssertFieldError(html, "Input.ConfirmPassword", "Het wachtwoord en de bevestiging komen niet overeen.");
        Assert.DoesNotContain("aria-invalid", InputTag(html, "Input.OldPassword"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_password_form_names_its_fields_in_dutch()
    {
        using var client = NewClient();
        var code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode("not-a-real-code"u8.ToArray());

        var response = await FormSignIn.PostFormAsync(client, $"/Account/ResetPassword?code={code}&culture=nl", "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = "geen-adres",
            ["Input.Password"] = "Lang genoeg 1!",
            ["Input.ConfirmPassword"] = "Iets anders 1!",
            ["Input.Code"] = "not-a-real-code",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        AssertFieldError(html, "Input.Email", "Vul bij E-mail een geldig e-mailadres in.");
        AssertFieldError(html, "Input.ConfirmPassword", "Het wachtwoord en de bevestiging komen niet overeen.");
    }

    /// <summary>The input carries aria-invalid and names, in aria-describedby, the element that holds the message.</summary>
    private static void AssertFieldError(string html, string inputId, string message)
    {
        var input = InputTag(html, inputId);
        Assert.Contains("aria-invalid=\"true\"", input, StringComparison.Ordinal);
        var describedBy = Attribute().Match(input);
        Assert.True(describedBy.Success, $"{inputId} has no aria-describedby: {input}");
        var errorId = describedBy.Groups["value"].Value;
        var error = Regex.Match(html, $"<div id=\"{Regex.Escape(errorId)}\"[^>]*>(?<text>.*?)</div>\\s*</div>", RegexOptions.Singleline);
        Assert.True(error.Success, $"No element with id {errorId} for {inputId}.");
        Assert.Contains(message, Tags().Replace(error.Groups["text"].Value, string.Empty), StringComparison.Ordinal);
    }

    private static string InputTag(string html, string inputId)
    {
        var input = Regex.Match(html, $"<input[^>]*id=\"{Regex.Escape(inputId)}\"[^>]*>");
        Assert.True(input.Success, $"No input {inputId} on the page.");
        return input.Value;
    }

    private HttpClient NewClient() => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex("aria-describedby=\"(?<value>[^\"]+)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
