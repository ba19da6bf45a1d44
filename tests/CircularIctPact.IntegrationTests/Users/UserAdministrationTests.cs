using System.Security.Claims;
using System.Text.Json;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Users;

public sealed class UserAdministrationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_operation_is_refused_to_anyone_but_the_secretariat_with_two_factors()
    {
        var person = await NewPersonAsync();
        var ids = await IdsAsync();

        foreach (var (who, outsider) in await SecretariatPrincipals.OutsidersAsync(portal))
        {
            await AssertRefused(who, () => Service(s => s.SearchAsync(outsider, new UserQuery(null, null, 0, 10))));
            await AssertRefused(who, () => Service(s => s.GetAsync(outsider, person.Id)));
            await AssertRefused(who, () => Service(s => s.ScopeOptionsAsync(outsider)));
            await AssertRefused(who, () => Service(s => s.FindOrganisationsAsync(outsider, "Gemeente")));
            await AssertRefused(who, () => Service(s => s.AddRoleAsync(outsider, person.Id, PortalRoles.SecretariatAdmin)));
            await AssertRefused(who, () => Service(s => s.RemoveRoleAsync(outsider, person.Id, PortalRoles.Procurer)));
            await AssertRefused(who, () => Service(s => s.AssignCoordinatedGroupAsync(outsider, person.Id, ids.DutchGroup)));
            await AssertRefused(who, () => Service(s => s.RemoveCoordinatedGroupAsync(outsider, person.Id, ids.DutchGroup)));
            await AssertRefused(who, () => Service(s => s.AddChairAsync(outsider, person.Id, ids.WorkingGroup)));
            await AssertRefused(who, () => Service(s => s.RemoveChairAsync(outsider, person.Id, ids.WorkingGroup)));
            await AssertRefused(who, () => Service(s => s.SetOrganisationAsync(outsider, person.Id, ids.Organisation)));
            await AssertRefused(who, () => Service(s => s.LockAsync(outsider, person.Id)));
            await AssertRefused(who, () => Service(s => s.UnlockAsync(outsider, person.Id)));
        }

        var after = await FindUserAsync(person.Email!);
        Assert.Equal(person.SecurityStamp, after.SecurityStamp);
        Assert.Equal(person.RightsStamp, after.RightsStamp);
        Assert.Null(after.LockoutEnd);
    }

    [Fact]
    public async Task Search_finds_people_by_name_or_email_with_roles_and_scopes_and_pages_on_the_server()
    {
        var admin = await Admin();

        var byName = await Service(s => s.SearchAsync(admin, new UserQuery("bakker", null, 0, 10)));
        var byEmail = await Service(s => s.SearchAsync(admin, new UserQuery("procurer@", null, 0, 10)));
        var coordinators = await Service(s => s.SearchAsync(admin, new UserQuery(null, PortalRoles.BuyerGroupCoordinator, 0, 10)));
        var firstPage = await Service(s => s.SearchAsync(admin, new UserQuery(null, null, 0, 2)));
        var secondPage = await Service(s => s.SearchAsync(admin, new UserQuery(null, null, 1, 2)));
        var wildcard = await Service(s => s.SearchAsync(admin, new UserQuery("%", null, 0, 10)));

        var joost = Assert.Single(byName.Rows);
        Assert.Equal(DemoAccounts.CoordinatorNetherlands, joost.Email);
        Assert.Equal([PortalRoles.BuyerGroupCoordinator], joost.Roles);
        Assert.Equal([DemoDataSeeder.DutchBuyerGroup], joost.CoordinatedGroups);
        Assert.False(joost.TwoFactorEnabled);
        Assert.Equal(DemoDataSeeder.ProcurerOrganisation, Assert.Single(byEmail.Rows).Organisation);
        Assert.All(coordinators.Rows, row => Assert.Contains(PortalRoles.BuyerGroupCoordinator, row.Roles));
        Assert.Contains(coordinators.Rows, row => row.Email == DemoAccounts.CoordinatorBelgium);
        Assert.Equal(2, firstPage.Rows.Count);
        Assert.True(firstPage.Total >= 5);
        Assert.Empty(firstPage.Rows.Select(r => r.Id).Intersect(secondPage.Rows.Select(r => r.Id)));
        Assert.Empty(wildcard.Rows);
    }

    [Fact]
    public async Task Adding_and_removing_a_role_renews_the_rights_stamp_but_not_the_security_stamp_and_is_audited()
    {
        var admin = await Admin();
        var person = await NewPersonAsync();

        await Service(s => s.AddRoleAsync(admin, person.Id, PortalRoles.Stakeholder));
        var afterAdd = await FindUserAsync(person.Email!);
        Assert.NotEqual(person.RightsStamp, afterAdd.RightsStamp);
        Assert.True((await portal.PrincipalForAsync(person.Email!)).IsInRole(PortalRoles.Stakeholder));

        await Service(s => s.RemoveRoleAsync(admin, person.Id, PortalRoles.Stakeholder));
        Assert.False((await portal.PrincipalForAsync(person.Email!)).IsInRole(PortalRoles.Stakeholder));
        var afterRemove = await FindUserAsync(person.Email!);
        Assert.NotEqual(afterAdd.RightsStamp, afterRemove.RightsStamp);
        Assert.Equal(person.SecurityStamp, afterRemove.SecurityStamp);

        await using var db = portal.CreateDbContext();
        var added = await db.AuditEntries.SingleAsync(e => e.EntityType == "User" && e.EntityId == person.Id && e.Action == "RoleAdded");
        Assert.Equal(admin.UserId(), added.ActorUserId);
        Assert.Equal(
            [PortalRoles.Procurer],
            JsonDocument.Parse(added.Before!).RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(
            [PortalRoles.Procurer, PortalRoles.Stakeholder],
            JsonDocument.Parse(added.After!).RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "User" && e.EntityId == person.Id && e.Action == "RoleRemoved"));
    }

    [Fact]
    public async Task Unknown_role_and_role_already_held_are_refused_with_a_message()
    {
        var admin = await Admin();
        var person = await NewPersonAsync();

        var unknown = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.AddRoleAsync(admin, person.Id, "Emperor")));
        var twice = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.AddRoleAsync(admin, person.Id, PortalRoles.Procurer)));

        Assert.Equal("'Emperor' is not a portal role.", unknown.Message);
        Assert.Equal("New Person already has the role Procurer.", twice.Message);
    }

    [Fact]
    public async Task Admin_cannot_remove_their_own_secretariat_role_or_lock_themselves_out()
    {
        var admin = await Admin();
        var self = admin.UserId()!.Value;

        var role = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.RemoveRoleAsync(admin, self, PortalRoles.SecretariatAdmin)));
        var locked = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.LockAsync(admin, self)));

        Assert.Equal("You cannot remove your own SecretariatAdmin role; ask another secretariat admin.", role.Message);
        Assert.Equal("You cannot lock your own account.", locked.Message);
        Assert.True((await portal.PrincipalForAsync(DemoAccounts.Admin)).IsSecretariat());
    }

    [Fact]
    public async Task Locked_account_stays_locked_far_into_the_future_until_unlocked()
    {
        var admin = await Admin();
        var person = await NewPersonAsync();

        await Service(s => s.LockAsync(admin, person.Id));
        var locked = await FindUserAsync(person.Email!);
        Assert.True(locked.LockoutEnd > DateTimeOffset.UtcNow.AddYears(50));
        Assert.NotEqual(person.SecurityStamp, locked.SecurityStamp);
        Assert.True(await IsLockedOutAsync(person.Email!));
        Assert.True((await Service(s => s.GetAsync(admin, person.Id))).LockedUntil > DateTimeOffset.UtcNow);

        await Service(s => s.UnlockAsync(admin, person.Id));
        Assert.False(await IsLockedOutAsync(person.Email!));
        await using var db = portal.CreateDbContext();
        Assert.Equal(["Locked", "Unlocked"], await db.AuditEntries
            .Where(e => e.EntityType == "User" && e.EntityId == person.Id)
            .OrderBy(e => e.Id)
            .Select(e => e.Action)
            .ToListAsync());
    }

    [Fact]
    public async Task Chair_scope_grants_the_chair_role_and_removing_the_last_one_revokes_it()
    {
        var admin = await Admin();
        var person = await NewPersonAsync();
        var ids = await IdsAsync();

        await Service(s => s.AddChairAsync(admin, person.Id, ids.WorkingGroup));
        var chair = await Service(s => s.GetAsync(admin, person.Id));
        Assert.Equal([DemoDataSeeder.ChairedWorkingGroup], chair.ChairedWorkingGroups.Select(g => g.Name));
        Assert.Contains(PortalRoles.WorkingGroupChair, chair.Roles);

        await Service(s => s.RemoveChairAsync(admin, person.Id, ids.WorkingGroup));
        var former = await Service(s => s.GetAsync(admin, person.Id));
        Assert.Empty(former.ChairedWorkingGroups);
        Assert.DoesNotContain(PortalRoles.WorkingGroupChair, former.Roles);
        var notChair = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.RemoveChairAsync(admin, person.Id, ids.WorkingGroup)));
        Assert.Equal("This person does not chair the working group.", notChair.Message);
    }

    [Fact]
    public async Task Coordinated_group_scope_is_assigned_from_the_user_page_too()
    {
        var admin = await Admin();
        var person = await NewPersonAsync();
        var ids = await IdsAsync();

        await Service(s => s.AssignCoordinatedGroupAsync(admin, person.Id, ids.DutchGroup));
        var coordinator = await Service(s => s.GetAsync(admin, person.Id));
        await Service(s => s.RemoveCoordinatedGroupAsync(admin, person.Id, ids.DutchGroup));
        var former = await Service(s => s.GetAsync(admin, person.Id));

        Assert.Equal([DemoDataSeeder.DutchBuyerGroup], coordinator.CoordinatedGroups.Select(g => g.Name));
        Assert.Contains(PortalRoles.BuyerGroupCoordinator, coordinator.Roles);
        Assert.Empty(former.CoordinatedGroups);
        Assert.DoesNotContain(PortalRoles.BuyerGroupCoordinator, former.Roles);
    }

    [Fact]
    public async Task Member_organisation_link_is_set_and_cleared()
    {
        var admin = await Admin();
        var person = await NewPersonAsync();
        var ids = await IdsAsync();

        var found = await Service(s => s.FindOrganisationsAsync(admin, "rivierstad"));
        await Service(s => s.SetOrganisationAsync(admin, person.Id, found.Single().Id));
        var linked = await portal.PrincipalForAsync(person.Email!);
        var unknown = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.SetOrganisationAsync(admin, person.Id, Guid.NewGuid())));
        await Service(s => s.SetOrganisationAsync(admin, person.Id, null));

        Assert.Equal(ids.Organisation, found.Single().Id);
        Assert.Equal(ids.Organisation.ToString(), linked.FindFirstValue(PortalClaims.MemberOrganisationId));
        Assert.Equal("Choose an existing member organisation.", unknown.Message);
        Assert.Null((await Service(s => s.GetAsync(admin, person.Id))).Organisation);
    }

    private async Task<ApplicationUser> NewPersonAsync() =>
        await SecretariatPrincipals.CreateUserAsync(
            portal,
            SecretariatPrincipals.UniqueEmail("person"),
            "New Person",
            PortalRoles.Procurer);

    private async Task<(Guid DutchGroup, Guid WorkingGroup, Guid Organisation)> IdsAsync()
    {
        await using var db = portal.CreateDbContext();
        return (
            await db.BuyerGroups.Where(g => g.Name == DemoDataSeeder.DutchBuyerGroup).Select(g => g.Id).SingleAsync(),
            await db.WorkingGroups.Where(g => g.Name == DemoDataSeeder.ChairedWorkingGroup).Select(g => g.Id).SingleAsync(),
            await db.MemberOrganisations.Where(m => m.LegalName == DemoDataSeeder.ProcurerOrganisation).Select(m => m.Id).SingleAsync());
    }

    private async Task<ApplicationUser> FindUserAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private async Task<bool> IsLockedOutAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
    }

    private static async Task AssertRefused(string who, Func<Task> action)
    {
        var error = await Record.ExceptionAsync(action);
        Assert.True(error is ForbiddenException, $"{who} was not refused: {error?.GetType().Name ?? "no exception"} {error?.Message}");
    }

    private Task<ClaimsPrincipal> Admin() => portal.PrincipalForAsync(DemoAccounts.Admin);

    private Task<T> Service<T>(Func<UserAdministration, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Service(Func<UserAdministration, Task> action) => portal.WithServiceAsync(action);
}
