using System.Net;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Users;
using CircularIctPact.Web.Features.WorkingGroups;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Identity;

/// <summary>
/// A sign-in made before someone's rights or password changed: the stamps tell open pages and the cookie what to do
/// (decision record 0023), and the very next request is served with the rights the account has now.
/// </summary>
public sealed class SignInRevalidationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "A new and quite long password 2";

    private delegate Task Change(ClaimsPrincipal admin, ApplicationUser person, Ids ids);

    private sealed record Ids(Guid DutchGroup, Guid WorkingGroup, Guid Organisation);

    [Fact]
    public async Task Every_change_of_a_persons_rights_makes_earlier_sign_ins_take_new_claims_and_keeps_them_signed_in()
    {
        var changes = new (string Name, Change? Before, Change Change)[]
        {
            ("role added", null, (admin, person, _) => Users(s => s.AddRoleAsync(admin, person.Id, PortalRoles.Stakeholder))),
            ("role removed", null, (admin, person, _) => Users(s => s.RemoveRoleAsync(admin, person.Id, PortalRoles.Procurer))),
            (
                "member organisation changed",
                null,
                (admin, person, ids) => Users(s => s.SetOrganisationAsync(admin, person.Id, ids.Organisation))),
            (
                "buyer group given",
                null,
                (admin, person, ids) => Users(s => s.AssignCoordinatedGroupAsync(admin, person.Id, ids.DutchGroup))),
            (
                "buyer group taken",
                (admin, person, ids) => Users(s => s.AssignCoordinatedGroupAsync(admin, person.Id, ids.DutchGroup)),
                (admin, person, ids) => Users(s => s.RemoveCoordinatedGroupAsync(admin, person.Id, ids.DutchGroup))),
            ("chair given", null, (admin, person, ids) => Users(s => s.AddChairAsync(admin, person.Id, ids.WorkingGroup))),
            (
                "chair taken",
                (admin, person, ids) => Users(s => s.AddChairAsync(admin, person.Id, ids.WorkingGroup)),
                (admin, person, ids) => Users(s => s.RemoveChairAsync(admin, person.Id, ids.WorkingGroup))),
            (
                "chair given on the working group's page",
                null,
                (admin, person, ids) => portal.WithServiceAsync<WorkingGroupAdministration>(
                    s => s.AssignChairAsync(admin, ids.WorkingGroup, person.Email))),
            (
                "chair taken on the working group's page",
                (admin, person, ids) => Users(s => s.AddChairAsync(admin, person.Id, ids.WorkingGroup)),
                (admin, person, ids) => portal.WithServiceAsync<WorkingGroupAdministration>(
                    s => s.RemoveChairAsync(admin, ids.WorkingGroup, person.Id))),
            (
                "working group joined",
                null,
                (admin, person, ids) => portal.WithServiceAsync<WorkingGroupWorkspace>(
                    s => s.AddParticipantAsync(admin, ids.WorkingGroup, person.Id, StakeholderType.MemberOrganisation, null))),
            (
                "working group left",
                (admin, person, ids) => portal.WithServiceAsync<WorkingGroupWorkspace>(
                    s => s.AddParticipantAsync(admin, ids.WorkingGroup, person.Id, StakeholderType.MemberOrganisation, null)),
                (admin, person, ids) => portal.WithServiceAsync<WorkingGroupWorkspace>(
                    s => s.RemoveParticipantAsync(admin, ids.WorkingGroup, person.Id))),
            ("account unlocked", null, (admin, person, _) => Users(s => s.UnlockAsync(admin, person.Id))),
        };
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var ids = await IdsAsync();
        var wrong = new List<string>();

        foreach (var (name, before, change) in changes)
        {
            var person = await NewPersonAsync();
            if (before is not null)
            {
                await before(admin, person, ids);
            }

            var signIn = await portal.PrincipalForAsync(person.Email!);
            var untouched = await StandingAsync(signIn);
            await change(admin, person, ids);
            var standing = await StandingAsync(signIn);
            if (untouched != SignInStanding.Current || standing != SignInStanding.RightsChanged)
            {
                wrong.Add($"{name}: {untouched} before, {standing} after");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task A_lock_or_a_new_password_ends_earlier_sign_ins()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var locked = await NewPersonAsync();
        var lockedSignIn = await portal.PrincipalForAsync(locked.Email!);
        var renewed = await NewPersonAsync();
        var renewedSignIn = await portal.PrincipalForAsync(renewed.Email!);

        await Users(s => s.LockAsync(admin, locked.Id));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(renewed.Id.ToString()))!;
            Assert.True((await users.ChangePasswordAsync(account, DemoAccounts.Password, NewPassword)).Succeeded);
        }

        Assert.Equal(SignInStanding.Ended, await StandingAsync(lockedSignIn));
        Assert.Equal(SignInStanding.Ended, await StandingAsync(renewedSignIn));
        Assert.Equal(SignInStanding.Ended, await StandingAsync(PortalFactoryExtensions.Anonymous));
    }

    [Fact]
    public async Task A_removed_role_is_refused_at_the_next_request_and_the_person_stays_signed_in_with_what_is_left()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var ids = await IdsAsync();
        var person = await NewPersonAsync();
        await Users(s => s.AssignCoordinatedGroupAsync(admin, person.Id, ids.DutchGroup));
        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.SignInAsync(client, person.Email!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/members")).StatusCode);

        await Users(s => s.RemoveRoleAsync(admin, person.Id, PortalRoles.BuyerGroupCoordinator));
        using var members = await client.GetAsync("/members");
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, members.StatusCode);
        Assert.Contains("/Account/AccessDenied", members.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Welcome,", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_password_signs_the_other_sessions_out_at_their_next_request()
    {
        var person = await NewPersonAsync();
        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.SignInAsync(client, person.Email!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(person.Id.ToString()))!;
            Assert.True((await users.ChangePasswordAsync(account, DemoAccounts.Password, NewPassword)).Succeeded);
        }

        using var manage = await client.GetAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.Contains("/Account/Login", manage.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient NewClient() => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private Task<SignInStanding> StandingAsync(ClaimsPrincipal signIn) =>
        portal.WithServiceAsync<SignInStamps, SignInStanding>(stamps => stamps.CheckAsync(signIn));

    private Task Users(Func<UserAdministration, Task> action) => portal.WithServiceAsync(action);

    private async Task<ApplicationUser> NewPersonAsync() =>
        await SecretariatPrincipals.CreateUserAsync(
            portal,
            SecretariatPrincipals.UniqueEmail("revalidated"),
            "Revalidated Person",
            PortalRoles.Procurer);

    private async Task<Ids> IdsAsync()
    {
        await using var db = portal.CreateDbContext();
        return new Ids(
            await db.BuyerGroups.Where(g => g.Name == DemoDataSeeder.DutchBuyerGroup).Select(g => g.Id).SingleAsync(),
            await db.WorkingGroups.Where(g => g.Name == DemoDataSeeder.ChairedWorkingGroup).Select(g => g.Id).SingleAsync(),
            await db.MemberOrganisations.Where(m => m.LegalName == DemoDataSeeder.ProcurerOrganisation).Select(m => m.Id).SingleAsync());
    }
}
