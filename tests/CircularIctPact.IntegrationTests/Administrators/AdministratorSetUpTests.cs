using System.Net;
using System.Text;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Administrators;
using CircularIctPact.Web.Features.Onboarding;
using CircularIctPact.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CircularIctPact.Testing.FieldErrorMarkup;

namespace CircularIctPact.IntegrationTests.Administrators;

/// <summary>The set-up address printed by the commands: single use, 24 hours, password rules, authenticator enrolment.</summary>
public sealed class AdministratorSetUpTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Set_up_address_works_once()
    {
        var address = await CreateAdministratorAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var setUp = scope.ServiceProvider.GetRequiredService<AdministratorSetup>();
        var user = AdministratorSetUpFlow.Query(address, "user");
        var code = AdministratorSetUpFlow.Query(address, "code");
        Assert.NotNull(await setUp.DescribeAsync(user, code));

        await setUp.ChoosePasswordAsync(user, code, AdministratorSetUpFlow.Password, AdministratorSetUpFlow.Password);

        Assert.Null(await setUp.DescribeAsync(user, code));
        await Assert.ThrowsAsync<SetUpAddressUnavailableException>(() =>
            setUp.ChoosePasswordAsync(user, code, "Another-Password-1!", "Another-Password-1!"));
    }

    [Fact]
    public async Task Set_up_address_expires_after_24_hours()
    {
        var address = await CreateAdministratorAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(AdministratorSetUpFlow.Query(address, "user")!))!;

        // Identity's data-protection tokens read the system clock, not the portal's TimeProvider; so the test writes tokens
        // as the provider does (creation time, user id, purpose, security stamp) with creation times around the limit.
        Assert.Equal(
            TimeSpan.FromHours(24),
            scope.ServiceProvider.GetRequiredService<IOptions<AdministratorSetupTokenProviderOptions>>().Value.TokenLifespan);
        var almostDayOld = await TokenCreatedAtAsync(scope.ServiceProvider, users, user, DateTimeOffset.UtcNow.AddHours(-24).AddMinutes(1));
        var dayOld = await TokenCreatedAtAsync(scope.ServiceProvider, users, user, DateTimeOffset.UtcNow.AddHours(-24).AddMinutes(-1));
        var setUp = scope.ServiceProvider.GetRequiredService<AdministratorSetup>();

        Assert.NotNull(await setUp.DescribeAsync(user.Id.ToString(), almostDayOld));
        Assert.Null(await setUp.DescribeAsync(user.Id.ToString(), dayOld));
    }

    [Fact]
    public async Task Password_errors_are_all_reported_at_once()
    {
        var address = await CreateAdministratorAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var setUp = scope.ServiceProvider.GetRequiredService<AdministratorSetup>();

        var refused = await Assert.ThrowsAsync<FieldErrorsException>(() =>
            setUp.ChoosePasswordAsync(
                AdministratorSetUpFlow.Query(address, "user"),
                AdministratorSetUpFlow.Query(address, "code"),
                "admin",
                "shorter"));

        Assert.True(
            refused.Errors.Count(e => e.Field == AdministratorSetup.PasswordField) >= 2,
            string.Join(" | ", refused.Errors.Select(e => e.Message)));
        Assert.Contains(refused.Errors, e => e.Field == AdministratorSetup.ConfirmPasswordField);
        Assert.NotNull(
            await setUp.DescribeAsync(AdministratorSetUpFlow.Query(address, "user"), AdministratorSetUpFlow.Query(address, "code")));
    }

    [Theory]
    [InlineData("en", "The password and its confirmation do not match.")]
    [InlineData("nl", "Het wachtwoord en de bevestiging komen niet overeen.")]
    [InlineData("fr", "Le mot de passe et sa confirmation ne correspondent pas.")]
    [InlineData("de", "Das Passwort und seine Bestätigung stimmen nicht überein.")]
    public async Task Set_up_page_shows_each_password_error_beside_its_field_in_the_interface_language(string culture, string mismatch)
    {
        var address = await CreateAdministratorAsync();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var path = $"{address.PathAndQuery}&culture={culture}";

        var response = await FormSignIn.PostFormAsync(client, path, "choose-password", new Dictionary<string, string>
        {
            ["Input.User"] = AdministratorSetUpFlow.Query(address, "user")!,
            ["Input.Code"] = AdministratorSetUpFlow.Query(address, "code")!,
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        AssertTiedError(html, "Input.ConfirmPassword", mismatch);
        Assert.Contains("aria-invalid=\"true\"", InputTag(html, "Input.Password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolment_needs_the_app_s_current_code_then_switches_two_factor_on_once()
    {
        var address = await CreateAdministratorAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var setUp = scope.ServiceProvider.GetRequiredService<AdministratorSetup>();
        var enrolment =
            await setUp.ChoosePasswordAsync(AdministratorSetUpFlow.Query(address, "user"), AdministratorSetUpFlow.Query(address, "code"),
                AdministratorSetUpFlow.Password, AdministratorSetUpFlow.Password);
        var key = enrolment.FormattedKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", enrolment.FormattedKey);

        var wrong = await Assert.ThrowsAsync<FieldErrorsException>(() =>
            setUp.EnrolAuthenticatorAsync(
                enrolment.UserId.ToString(),
                enrolment.EnrolmentToken,
                "000000" == AdministratorSetUpFlow.CurrentCode(key) ? "111111" : "000000"));
        Assert.Equal(AdministratorSetup.CodeField, wrong.Errors.Single().Field);
        var done = await setUp.EnrolAuthenticatorAsync(
            enrolment.UserId.ToString(),
            enrolment.EnrolmentToken,
            AdministratorSetUpFlow.CurrentCode(key));

        Assert.True(done.User.TwoFactorEnabled);
        Assert.Equal(AdministratorSetup.RecoveryCodeCount, done.RecoveryCodes.Count);
        await Assert.ThrowsAsync<SetUpAddressUnavailableException>(() =>
            setUp.EnrolAuthenticatorAsync(enrolment.UserId.ToString(), enrolment.EnrolmentToken, AdministratorSetUpFlow.CurrentCode(key)));
        await using var db = portal.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(
            e => e.EntityId == enrolment.UserId && e.Action == "AdministratorSetUpCompleted" && e.ActorUserId == enrolment.UserId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?user=not-a-guid&code=abc")]
    [InlineData("?user=01a24e88-0611-70d6-a8fb-65127acae1a8&code=%25%25%25")]
    [InlineData("?code=CfDJ8only")]
    public async Task Malformed_set_up_address_shows_a_page_that_says_to_ask_for_reset_access(string query)
    {
        using var client = portal.CreateClient();

        var response = await client.GetAsync($"/Account/SetUp{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"setup-unavailable\"", html, StringComparison.Ordinal);
        Assert.Contains("admin reset-access", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_the_authenticator_step_with_a_token_that_no_longer_works_shows_the_unavailable_page()
    {
        var address = await CreateAdministratorAsync();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await FormSignIn.PostFormAsync(client, address.PathAndQuery, "enrol-authenticator", new Dictionary<string, string>
        {
            ["Enrol.User"] = AdministratorSetUpFlow.Query(address, "user")!,
            ["Enrol.Token"] = AdministratorSetUpFlow.Query(address, "code")!,
            ["Enrol.Code"] = "123456",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"setup-unavailable\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Used_set_up_address_shows_the_unavailable_page_in_the_person_s_language()
    {
        var address = await CreateAdministratorAsync();
        await AdministratorSetUpFlow.CompleteAsync(portal, address);
        using var client = portal.CreateClient();

        var html = await client.GetStringAsync($"{address.PathAndQuery}&culture=de");

        Assert.Contains("Diese Einrichtungsadresse funktioniert nicht", html, StringComparison.Ordinal);
    }

    private async Task<Uri> CreateAdministratorAsync()
    {
        var output = new StringWriter();
        var email = $"admin-{Guid.NewGuid():N}@pact.example.org";
        var exitCode = await PortalCommandLine.RunAsync(portal.Services,
            ["admin", "create", "--email", email, "--name", "Ada Lovelace", "--base-url", "http://localhost/"],
            output, CancellationToken.None);
        Assert.Equal(0, exitCode);
        return new Uri(output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    private static async Task<string> TokenCreatedAtAsync(
        IServiceProvider services,
        UserManager<ApplicationUser> users,
        ApplicationUser user,
        DateTimeOffset createdAt)
    {
        var protector = services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(AdministratorSetupTokenProvider.ProviderName);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, new UTF8Encoding(false, true), leaveOpen: true))
        {
            writer.Write(createdAt.UtcTicks);
            writer.Write(user.Id.ToString());
            writer.Write(AdministratorSetupTokenProvider.ChoosePasswordPurpose);
            writer.Write(await users.GetSecurityStampAsync(user) ?? string.Empty);
        }

        return Convert.ToBase64String(protector.Protect(payload.ToArray()));
    }
}
