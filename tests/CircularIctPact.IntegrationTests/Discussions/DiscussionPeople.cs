using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Discussions;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Discussions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Discussions;

/// <summary>People the demo seed lacks (a stakeholder, procurers of other organisations) and the seed's space keys.</summary>
internal static class DiscussionPeople
{
    public static async Task<string> DutchSpaceAsync(this PortalFactory portal)
    {
        await using var db = portal.CreateDbContext();
        return DiscussionSpaceKey.ForBuyerGroup(
            await db.BuyerGroups.Where(g => g.Name == DemoDataSeeder.DutchBuyerGroup).Select(g => g.Id).SingleAsync())
            .ToString();
    }

    public static async Task<string> LaptopWorkingGroupSpaceAsync(this PortalFactory portal)
    {
        await using var db = portal.CreateDbContext();
        return DiscussionSpaceKey.ForWorkingGroup(
            await db.WorkingGroups.Where(g => g.Name == DemoDataSeeder.ChairedWorkingGroup).Select(g => g.Id).SingleAsync())
            .ToString();
    }

    public static async Task<Guid> ThreadIdAsync(this PortalFactory portal, string title)
    {
        await using var db = portal.CreateDbContext();
        return await db.DiscussionThreads.Where(t => t.Title == title).Select(t => t.Id).SingleAsync();
    }

    /// <summary>An external stakeholder taking part in the laptop working group.</summary>
    public static Task<ClaimsPrincipal> StakeholderAsync(this PortalFactory portal, string name = "Mira Okafor") =>
        portal.PersonAsync(name, PortalRoles.Stakeholder, organisation: null, workingGroup: DemoDataSeeder.ChairedWorkingGroup);

    /// <summary>A procurer of another member organisation of the given buyer group.</summary>
    public static Task<ClaimsPrincipal> ProcurerOfAsync(this PortalFactory portal, string name, string organisation) =>
        portal.PersonAsync(name, PortalRoles.Procurer, organisation, workingGroup: null);

    public static async Task<ClaimsPrincipal> PersonAsync(
        this PortalFactory portal,
        string name,
        string role,
        string? organisation,
        string? workingGroup)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await using var db = portal.CreateDbContext();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                MemberOrganisationId = organisation is null
                    ? null
                    : await db.MemberOrganisations.Where(m => m.LegalName == organisation).Select(m => m.Id).SingleAsync(),
                CreatedAt = DateTimeOffset.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            if (workingGroup is not null)
            {
                var group = await db.WorkingGroups.Include(g => g.Participants).SingleAsync(g => g.Name == workingGroup);
                group.AddParticipant(user.Id, ParticipantRole.Participant);
                await db.SaveChangesAsync();
            }
        }

        return await portal.PrincipalForAsync(email);
    }

    public static Task<T> Board<T>(this PortalFactory portal, Func<DiscussionBoard, Task<T>> action) => portal.WithServiceAsync(action);

    public static Task Board(this PortalFactory portal, Func<DiscussionBoard, Task> action) => portal.WithServiceAsync(action);
}
