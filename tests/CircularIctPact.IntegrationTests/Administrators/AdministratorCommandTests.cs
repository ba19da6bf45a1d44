using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Administrators;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Administrators;

/// <summary>The operator's commands <c>admin create</c> and <c>admin reset-access</c>, run through the dispatcher in-process.</summary>
public sealed class AdministratorCommandTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string BaseUrl = "https://portal.example.org/pact";

    [Fact]
    public async Task Admin_create_makes_a_secretariat_admin_without_password_and_prints_the_set_up_address_last()
    {
        var email = NewEmail();

        var (exitCode, lines) = await RunAsync("admin", "create", "--email", email, "--name", "Ada Lovelace", "--base-url", BaseUrl);

        Assert.Equal(0, exitCode);
        Assert.True(Uri.TryCreate(lines[^1], UriKind.Absolute, out var address), lines[^1]);
        Assert.StartsWith("https://portal.example.org/pact/Account/SetUp?user=", address.AbsoluteUri, StringComparison.Ordinal);
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.Equal("Ada Lovelace", user.DisplayName);
        Assert.True(user.EmailConfirmed);
        Assert.False(await users.HasPasswordAsync(user));
        Assert.False(user.TwoFactorEnabled);
        Assert.True(await users.IsInRoleAsync(user, PortalRoles.SecretariatAdmin));
        await using var db = portal.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityId == user.Id && e.Action == "AdministratorCreated");
        Assert.Equal($"command line on {Environment.MachineName}", entry.ActorName);
        Assert.Null(entry.ActorUserId);
    }

    [Fact]
    public async Task Admin_create_refuses_an_e_mail_address_that_already_has_an_account()
    {
        await using var before = portal.CreateDbContext();
        var auditCount = await before.AuditEntries.CountAsync();

        var (exitCode, lines) =
            await RunAsync("admin", "create", "--email", DemoAccounts.Procurer, "--name", "Someone Else", "--base-url", BaseUrl);

        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", lines[^1], StringComparison.Ordinal);
        await using var after = portal.CreateDbContext();
        Assert.Equal(auditCount, await after.AuditEntries.CountAsync());
    }

    [Theory]
    [InlineData("not-an-address", "Ada Lovelace", "is not an e-mail address")]
    [InlineData("Ada <ada@pact.example.org>", "Ada Lovelace", "is not an e-mail address")]
    [InlineData("ada@localhost", "Ada Lovelace", "is not an e-mail address")]
    [InlineData("{0}", "   ", "full name")]
    public async Task Admin_create_refuses_malformed_input_and_creates_nothing(string email, string name, string message)
    {
        var address = string.Format(System.Globalization.CultureInfo.InvariantCulture, email, NewEmail());

        var (exitCode, lines) = await RunAsync("admin", "create", "--email", address, "--name", name, "--base-url", BaseUrl);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Refused:", lines[^1], StringComparison.Ordinal);
        Assert.Contains(message, lines[^1], StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == address));
    }

    [Theory]
    [InlineData("--name", "Ada Lovelace", "--base-url", BaseUrl, "--email")]
    [InlineData("--email", "x@pact.example.org", "--name", "Ada", "--colour", "blue")]
    [InlineData("--email", "x@pact.example.org", "--name", "Ada", "--base-url", "ftp://files.example.org")]
    public async Task Admin_create_refuses_missing_unknown_or_bad_arguments(params string[] arguments)
    {
        var (exitCode, lines) = await RunAsync(["admin", "create", .. arguments]);

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain(lines, line => line.Contains("/Account/SetUp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admin_create_without_a_base_url_or_configured_public_address_says_to_pass_one()
    {
        var email = NewEmail();

        var (exitCode, lines) = await RunAsync("admin", "create", "--email", email, "--name", "Ada Lovelace");

        Assert.Equal(1, exitCode);
        Assert.Contains("--base-url", lines[^1], StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Admin_create_takes_the_configured_public_address_when_no_base_url_is_given()
    {
        using var configured = portal.WithWebHostBuilder(builder => builder.UseSetting(PortalAddress.Setting, "https://pact.example.eu"));

        var output = new StringWriter();
        var exitCode = await PortalCommandLine.RunAsync(
            configured.Services,
            ["admin", "create", "--email", NewEmail(), "--name", "Grace Hopper"],
            output,
            CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("https://pact.example.eu/Account/SetUp?user=", Lines(output)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_access_refuses_an_unknown_e_mail_address()
    {
        var (exitCode, lines) = await RunAsync("admin", "reset-access", "--email", NewEmail(), "--base-url", BaseUrl);

        Assert.Equal(1, exitCode);
        Assert.Contains("No account has the e-mail address", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_access_refuses_an_account_that_is_not_a_secretariat_admin_and_leaves_it_alone()
    {
        var (exitCode, lines) = await RunAsync("admin", "reset-access", "--email", DemoAccounts.Procurer, "--base-url", BaseUrl);

        Assert.Equal(1, exitCode);
        Assert.Contains("is not a secretariat administrator", lines[^1], StringComparison.Ordinal);
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.HasPasswordAsync((await users.FindByEmailAsync(DemoAccounts.Procurer))!));
    }

    [Fact]
    public async Task Reset_access_clears_password_and_authenticator_lifts_the_lockout_and_gives_a_new_address()
    {
        var email = NewEmail();
        var (_, created) = await RunAsync("admin", "create", "--email", email, "--name", "Ada Lovelace", "--base-url", BaseUrl);
        await AdministratorSetUpFlow.CompleteAsync(portal, new Uri(created[^1]));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True(user.TwoFactorEnabled);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var (exitCode, lines) = await RunAsync("admin", "reset-access", "--email", email, "--base-url", BaseUrl);

        Assert.Equal(0, exitCode);
        var newAddress = new Uri(lines[^1]);
        await using var check = portal.Services.CreateAsyncScope();
        var checkUsers = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var reset = (await checkUsers.FindByEmailAsync(email))!;
        Assert.False(await checkUsers.HasPasswordAsync(reset));
        Assert.False(reset.TwoFactorEnabled);
        Assert.False(await checkUsers.IsLockedOutAsync(reset));
        var setUp = check.ServiceProvider.GetRequiredService<AdministratorSetup>();
        Assert.NotNull(
            await setUp.DescribeAsync(AdministratorSetUpFlow.Query(newAddress, "user"), AdministratorSetUpFlow.Query(newAddress, "code")));
        await using var db = portal.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityId == reset.Id && e.Action == "AdministratorAccessReset");
        Assert.Equal($"command line on {Environment.MachineName}", entry.ActorName);
    }

    [Fact]
    public async Task Reset_access_makes_an_unused_earlier_set_up_address_stop_working()
    {
        var email = NewEmail();
        var (_, created) = await RunAsync("admin", "create", "--email", email, "--name", "Ada Lovelace", "--base-url", BaseUrl);
        var firstAddress = new Uri(created[^1]);

        var (exitCode, lines) = await RunAsync("admin", "reset-access", "--email", email, "--base-url", BaseUrl);

        Assert.Equal(0, exitCode);
        var newAddress = new Uri(lines[^1]);
        await using var scope = portal.Services.CreateAsyncScope();
        var setUp = scope.ServiceProvider.GetRequiredService<AdministratorSetup>();
        Assert.Null(await setUp.DescribeAsync(
            AdministratorSetUpFlow.Query(firstAddress, "user"),
            AdministratorSetUpFlow.Query(firstAddress, "code")));
        Assert.NotNull(
            await setUp.DescribeAsync(AdministratorSetUpFlow.Query(newAddress, "user"), AdministratorSetUpFlow.Query(newAddress, "code")));
    }

    [Fact]
    public async Task Reset_access_removes_linked_organisation_sign_ins_and_records_them()
    {
        var email = NewEmail();
        var (_, created) = await RunAsync("admin", "create", "--email", email, "--name", "Ada Lovelace", "--base-url", BaseUrl);
        await AdministratorSetUpFlow.CompleteAsync(portal, new Uri(created[^1]));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var linked = await users.AddLoginAsync(
                user,
                new UserLoginInfo("contoso-entra", $"subject-{Guid.NewGuid():N}", "Contoso Entra ID"));
            Assert.True(linked.Succeeded);
        }

        var (exitCode, _) = await RunAsync("admin", "reset-access", "--email", email, "--base-url", BaseUrl);

        Assert.Equal(0, exitCode);
        await using var check = portal.Services.CreateAsyncScope();
        var checkUsers = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var reset = (await checkUsers.FindByEmailAsync(email))!;
        Assert.Empty(await checkUsers.GetLoginsAsync(reset));
        await using var db = portal.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityId == reset.Id && e.Action == "AdministratorAccessReset");
        Assert.Contains("Contoso Entra ID (contoso-entra)", entry.Before, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin", "frobnicate")]
    [InlineData("--help")]
    [InlineData("admin", "create", "--help")]
    [InlineData("serve")]
    public async Task Help_and_unknown_commands_print_the_usage_and_exit_non_zero(params string[] commandLine)
    {
        var (exitCode, lines) = await RunAsync(commandLine);

        Assert.Equal(PortalCommandLine.UsageExitCode, exitCode);
        Assert.StartsWith("Usage:", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains("admin create --email", StringComparison.Ordinal));
    }

    [Fact]
    public void A_command_s_arguments_never_reach_the_host_configuration()
    {
        var withCommand = PortalCommandLine.Parse(
            ["admin", "create", "--email", "x@pact.example.org", "--name", "Ada", "--", "--Database:MigrateOnStartup=false"]);
        var serving = PortalCommandLine.Parse(["--urls", "http://127.0.0.1:8080"]);

        Assert.Equal("admin create", withCommand.Command?.Name);
        Assert.Equal(["--email", "x@pact.example.org", "--name", "Ada"], withCommand.CommandArguments);
        Assert.Equal(["--Database:MigrateOnStartup=false"], withCommand.HostArguments);
        Assert.Null(serving.Command);
        Assert.False(serving.AsksForUsage);
        Assert.Equal(["--urls", "http://127.0.0.1:8080"], serving.HostArguments);
    }

    private static string NewEmail() => $"admin-{Guid.NewGuid():N}@pact.example.org";

    private async Task<(int ExitCode, string[] Lines)> RunAsync(params string[] commandLine)
    {
        var output = new StringWriter();
        var exitCode = await PortalCommandLine.RunAsync(portal.Services, commandLine, output, CancellationToken.None);
        return (exitCode, Lines(output));
    }

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
