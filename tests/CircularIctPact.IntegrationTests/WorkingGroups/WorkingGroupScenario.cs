using System.Security.Claims;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.WorkingGroups;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.WorkingGroups;

/// <summary>
/// The people of the working-group tests: the demo chair runs group A with the NGO stakeholder and the
/// procurer in it; the Belgian coordinator chairs another group B; the Dutch coordinator is a member
/// outside both. Each test makes its own groups, so tests do not see each other's changes.
/// </summary>
internal sealed class WorkingGroupScenario(PortalFactory portal)
{
    public ClaimsPrincipal Admin { get; private set; } = null!;
    public ClaimsPrincipal Chair { get; private set; } = null!;
    public ClaimsPrincipal OtherChair { get; private set; } = null!;
    public ClaimsPrincipal Stakeholder { get; private set; } = null!;
    public ClaimsPrincipal Procurer { get; private set; } = null!;
    public ClaimsPrincipal Member { get; private set; } = null!;
    public ClaimsPrincipal Anonymous { get; } = PortalFactoryExtensions.Anonymous;
    public Guid GroupA { get; private set; }
    public Guid GroupB { get; private set; }
    public Guid StakeholderId { get; private set; }
    public Guid ProcurerId { get; private set; }

    public static async Task<WorkingGroupScenario> CreateAsync(PortalFactory portal)
    {
        var scenario = new WorkingGroupScenario(portal);
        await scenario.InitialiseAsync();
        return scenario;
    }

    public Task<T> Directory<T>(Func<WorkingGroupDirectory, Task<T>> action) => portal.WithServiceAsync(action);

    public Task<T> Workspace<T>(Func<WorkingGroupWorkspace, Task<T>> action) => portal.WithServiceAsync(action);

    public Task Workspace(Func<WorkingGroupWorkspace, Task> action) => portal.WithServiceAsync(action);

    public Task Administration(Func<WorkingGroupAdministration, Task> action) => portal.WithServiceAsync(action);

    /// <summary>Creates a published outcome in group A (or a draft when <paramref name="publish"/> is false).</summary>
    public async Task<Guid> OutcomeAsync(string title, OutcomeVisibility visibility, bool publish = true)
    {
        var id = await Workspace(w => w.CreateOutcomeAsync(
            Chair,
            GroupA,
            new OutcomeDraft(title, OutcomeType.Recommendation, "Body of " + title, visibility, null, null)));
        if (publish)
        {
            var outcome = await Directory(d => d.GetOutcomeAsync(id, Chair));
            await Workspace(w => w.PublishOutcomeAsync(Chair, id, outcome.RowVersion));
        }

        return id;
    }

    public async Task<Guid> MeetingAsync(Guid groupId, ClaimsPrincipal chair) =>
        await Workspace(w => w.PlanMeetingAsync(chair, groupId, new MeetingDraft(
            "Meeting",
            new DateTime(2026, 12, 3, 10, 0, 0),
            "Europe/Brussels",
            null,
            "https://meet.example.org/x",
            "1. Welcome")));

    public static byte[] Pdf() => SecretariatPrincipals.Pdf();

    private async Task InitialiseAsync()
    {
        Admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        GroupA = await portal.WithServiceAsync<WorkingGroupAdministration, Guid>(
            a => a.CreateAsync(Admin, "Group A " + suffix, "Repairable laptops", "Propose repair criteria."));
        GroupB = await portal.WithServiceAsync<WorkingGroupAdministration, Guid>(
            a => a.CreateAsync(Admin, "Group B " + suffix, "Fair minerals", null));
        await Administration(a => a.AssignChairAsync(Admin, GroupA, DemoAccounts.Chair));
        await Administration(a => a.AssignChairAsync(Admin, GroupB, DemoAccounts.CoordinatorBelgium));
        Chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        OtherChair = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        Stakeholder = await portal.PrincipalForAsync(DemoAccounts.Stakeholder);
        Procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        Member = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        await using var db = portal.CreateDbContext();
        StakeholderId = await db.Users.Where(u => u.Email == DemoAccounts.Stakeholder).Select(u => u.Id).SingleAsync();
        ProcurerId = await db.Users.Where(u => u.Email == DemoAccounts.Procurer).Select(u => u.Id).SingleAsync();
        await Workspace(w => w.AddParticipantAsync(Chair, GroupA, StakeholderId, StakeholderType.Ngo, "Fair Tech Watch"));
        await Workspace(w => w.AddParticipantAsync(Chair, GroupA, ProcurerId, StakeholderType.MemberOrganisation, "Gemeente Rivierstad"));
    }
}
