using CircularIctPact.Domain.Impact;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Infrastructure.Seeding;

/// <summary>
/// Last year's submitted self-assessments of the Dutch demo members (not the demo procurer's own organisation, which
/// fills in its own), so the impact pages have answers to summarise. Runs once: nothing happens when any exist.
/// </summary>
internal static class ImpactDemoData
{
    // Scores per theme (criteria, lifetime, reuse, recycling, fair supply chain): leading-group members further than the peloton.
    private static readonly int[][] Profiles =
    [
        [4, 3, 3, 4, 2],
        [3, 3, 2, 3, 1],
        [2, 2, 1, 3, 1],
        [3, 4, 2, 2, 2],
    ];

    private static readonly Dictionary<AssessmentTheme, string> Comments = new()
    {
        [AssessmentTheme.DeviceLifetime] = "Laptops now stay in use for five years; batteries are replaced in year three.",
        [AssessmentTheme.FairSupplyChain] = "We joined a supply-chain monitoring organisation this year.",
    };

    public static async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.SelfAssessments.AnyAsync(cancellationToken))
        {
            return;
        }

        var coordinator = await db.Users.Where(u => u.Email == DemoAccounts.CoordinatorNetherlands)
            .Select(u => (Guid?)u.Id)
            .SingleOrDefaultAsync(cancellationToken);
        var members = await db.MemberOrganisations
            .Where(m => m.Status == MembershipStatus.Active && m.LegalName != DemoDataSeeder.ProcurerOrganisation)
            .Join(db.BuyerGroups.Where(g => g.Name == DemoDataSeeder.DutchBuyerGroup), m => m.BuyerGroupId, g => g.Id, (m, g) => m.Id)
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        if (coordinator is null || members.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var year = now.Year - 1;

        // Three in four members answered, as in a typical first round.
        foreach (var (member, index) in members.Select((member, index) => (member, index)).Where(pair => pair.index % 4 != 3))
        {
            var profile = Profiles[index % Profiles.Length];
            var assessment = new SelfAssessment(member, year, now);
            assessment.Answer(
                Enum.GetValues<AssessmentTheme>()
                    .Select((theme, i) => new ThemeAnswer(theme, profile[i], index == 0 ? Comments.GetValueOrDefault(theme) : null)),
                coordinator.Value,
                now);
            assessment.Submit(coordinator.Value, now);
            db.SelfAssessments.Add(assessment);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
