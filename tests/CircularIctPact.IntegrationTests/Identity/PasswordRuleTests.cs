using System.Net;
using System.Text;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using static CircularIctPact.Testing.FieldErrorMarkup;

namespace CircularIctPact.IntegrationTests.Identity;

/// <summary>
/// A new password must be long enough, not one of the most common passwords, and not contain the person's name; Identity
/// asks the portal's validator wherever a password is set, and the forms show the refusal under the password's input.
/// </summary>
public sealed class PasswordRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string StrongPassword = "Tulpen-veld-onder-regen-42";

    [Fact]
    public void The_common_password_list_holds_at_least_a_hundred_thousand_passwords() =>
        Assert.True(CommonPasswords.Count >= 100_000, $"The list holds {CommonPasswords.Count} passwords.");

    [Theory]
    [InlineData("Password1!")]
    [InlineData("PASSWORD1!")]
    [InlineData("pAsSwOrD1!")]
    [InlineData("password123")]
    [InlineData("Qwertyuiop")]
    [InlineData("1q2w3e4r5t")]
    public async Task Common_passwords_are_refused_whatever_their_case(string password)
    {
        var codes = await RefusalsAsync(Person("marieke.jansen@gemeente.example", "Marieke Jansen"), password);

        Assert.Contains(nameof(PortalIdentityErrorDescriber.PasswordTooCommon), codes);
    }

    [Theory]
    [InlineData("Jansen-tulip-garden")]
    [InlineData("MARIEKE-rides-a-bike")]
    [InlineData("blue-fields-of-jansen")]
    public async Task A_password_containing_the_name_in_the_email_address_is_refused(string password)
    {
        var codes = await RefusalsAsync(Person("marieke.jansen@gemeente.example", "M. J."), password);

        Assert.Equal([nameof(PortalIdentityErrorDescriber.PasswordContainsEmailName)], codes);
    }

    [Fact]
    public async Task A_password_containing_the_display_name_is_refused()
    {
        var codes = await RefusalsAsync(Person("inkoop@gemeente.example", "Marieke Jansen"), "Purple-marieke-skies");

        Assert.Equal([nameof(PortalIdentityErrorDescriber.PasswordContainsName)], codes);
    }

    [Fact]
    public async Task Name_parts_shorter_than_four_characters_do_not_forbid_a_password()
    {
        var codes = await RefusalsAsync(Person("jo.de@gemeente.example", "Jo de Wit"), "Jo-de-wit-plants-trees-7");

        Assert.Empty(codes);
    }

    [Fact]
    public async Task A_long_uncommon_password_without_the_name_is_accepted_without_character_class_rules()
    {
        Assert.Empty(await RefusalsAsync(Person("marieke.jansen@gemeente.example", "Marieke Jansen"), StrongPassword));
        Assert.Empty(await RefusalsAsync(Person("marieke.jansen@gemeente.example", "Marieke Jansen"), "tulpen veld onder regen"));
    }

    [Fact]
    public async Task The_demo_password_passes_for_every_demo_account()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var email in new[] { DemoAccounts.Admin, DemoAccounts.CoordinatorNetherlands, DemoAccounts.Procurer, DemoAccounts.Chair })
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Empty(await RefusalsAsync(user, DemoAccounts.Password));
        }
    }

    [Theory]
    [InlineData("Password1!", "This password is one of the most commonly used ones. Choose a less predictable password.")]
    [InlineData("Procurer-on-a-long-bike-ride", "Passwords must not contain the name in your e-mail address.")]
    public async Task Reset_password_form_shows_the_refusal_under_the_password(string password, string message)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await portal.WithServiceAsync<UserManager<ApplicationUser>, string>(async users =>
            await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(DemoAccounts.Procurer))!));
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

        var response = await FormSignIn.PostFormAsync(
            client,
            $"/Account/ResetPassword?code={code}&culture=en",
            "reset-password",
            new Dictionary<string, string>
            {
                ["Input.Email"] = DemoAccounts.Procurer,
                ["Input.Password"] = password,
                ["Input.ConfirmPassword"] = password,
                ["Input.Code"] = token,
            });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertTiedError(html, "Input.Password", message);
        Assert.DoesNotContain("alert-danger", html, StringComparison.Ordinal);
        Assert.True(await portal.WithServiceAsync<UserManager<ApplicationUser>, bool>(async users =>
            await users.CheckPasswordAsync((await users.FindByEmailAsync(DemoAccounts.Procurer))!, DemoAccounts.Password)));
    }

    private static ApplicationUser Person(string email, string displayName) =>
        new() { UserName = email, Email = email, DisplayName = displayName };

    private async Task<List<string>> RefusalsAsync(ApplicationUser user, string password)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var codes = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            codes.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(error => error.Code));
        }

        return codes;
    }
}
