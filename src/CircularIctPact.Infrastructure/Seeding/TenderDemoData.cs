using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Infrastructure.Seeding;

/// <summary>
/// Demo tenders of the demo member organisations in both buyer groups: planned laptop and smartphone tenders over
/// the next two years (some shared in the tender calendar), a few published and awarded ones with models and prices,
/// and a saved shortlist for the demo procurer. Runs after the criteria seed; running it again changes nothing.
/// </summary>
public sealed class TenderDemoData(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock)
{
    public const string ProcurerShortlist = "Laptops: core circular criteria";

    private static readonly string[] LaptopTitles =
    [
        "Laptops for office staff", "Replacement of field-worker laptops", "Laptops for students and lecturers", "Refurbished laptops for "
            + "flexible workplaces",
    ];

    private static readonly string[] PhoneTitles = ["Smartphones for mobile staff", "Replacement of service smartphones"];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Tenders.AnyAsync(cancellationToken))
        {
            return;
        }

        var laptops = await PublishedSetAsync(db, "laptops", cancellationToken);
        var phones = await PublishedSetAsync(db, "smartphones", cancellationToken);
        if (laptops is null || phones is null)
        {
            return;
        }

        var organisations = await db.MemberOrganisations.AsNoTracking()
            .Join(db.BuyerGroups, m => m.BuyerGroupId, g => g.Id, (m, g) => new { m.Id, m.LegalName, Group = g.Name, m.BuyerGroupId })
            .Where(x => x.Group == DemoDataSeeder.DutchBuyerGroup || x.Group == DemoDataSeeder.BelgianBuyerGroup)
            .OrderByDescending(x => x.Group == DemoDataSeeder.DutchBuyerGroup).ThenBy(x => x.LegalName)
            .ToListAsync(cancellationToken);
        var procurer = await db.Users.AsNoTracking()
            .Where(u => u.Email == DemoAccounts.Procurer)
            .Select(u => new { u.Id, u.MemberOrganisationId })
            .SingleAsync(cancellationToken);
        var coordinators = await db.BuyerGroupCoordinators.AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstQuarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);

        for (var i = 0; i < organisations.Count; i++)
        {
            var organisation = organisations[i];
            var author = organisation.Id == procurer.MemberOrganisationId
                ? procurer.Id
                : coordinators.First(c => c.BuyerGroupId == organisation.BuyerGroupId).UserId;

            // Two planned laptop tenders a year apart, spread so that most quarters have several organisations.
            foreach (var (offset, number) in new[] { (i % 8, 0), ((i + 4) % 8, 1) })
            {
                var planned = firstQuarter.AddMonths(3 * offset).AddDays(20 + (i % 5 * 7));
                var devices = 150 + (i * 37 % 400) + (number * 90);
                var tender = Planned(
                    organisation.Id,
                    $"{LaptopTitles[(i + number) % LaptopTitles.Length]} {planned.Year}",
                    laptops,
                    planned,
                    devices,
                    author,
                    now);
                tender.ApplyCriteria(laptops, Pick(laptops, i), now);
                db.Tenders.Add(tender);
            }

            if (i < 10)
            {
                var planned = firstQuarter.AddMonths(3 * (i * 3 % 8)).AddDays(10 + (i % 4 * 9));
                var tender = Planned(
                    organisation.Id,
                    $"{PhoneTitles[i % PhoneTitles.Length]} {planned.Year}",
                    phones,
                    planned,
                    80 + (i * 53 % 300),
                    author,
                    now);
                tender.ApplyCriteria(phones, Pick(phones, i), now);
                db.Tenders.Add(tender);
            }

            if (i % 3 == 0)
            {
                db.Tenders.Add(Awarded(organisation.Id, i, laptops, phones, today, author, now));
            }
        }

        var procurerTenders = db.ChangeTracker.Entries<Tender>()
            .Select(e => e.Entity)
            .Where(t => t.MemberOrganisationId == procurer.MemberOrganisationId)
            .ToList();
        var published = procurerTenders.FirstOrDefault(
            t => t.Status == TenderStatus.Planned && t.PlannedPublicationOn < today.AddMonths(6));
        if (published is not null)
        {
            published.Publish(today.AddDays(-14), today, now);
            published.Describe(
                Details(published) with { ContractStartOn = today.AddMonths(4), ContractEndOn = today.AddMonths(4).AddYears(4) }, now);
        }

        var core = laptops.Criteria.Where(c => c.AmbitionLevel == AmbitionLevel.Core)
            .OrderBy(c => c.Code.ToString(), StringComparer.Ordinal)
            .Select(c => c.Id)
            .ToList();
        if (core.Count > 0 && !await db.SavedShortlists.AnyAsync(
            s => s.OwnerUserId == procurer.Id && s.Name == ProcurerShortlist, cancellationToken))
        {
            db.SavedShortlists.Add(new SavedShortlist(procurer.Id, ProcurerShortlist, core, CriteriaLanguage.En, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Tender Planned(
        Guid organisationId,
        string title,
        CriteriaSet set,
        DateOnly planned,
        int devices,
        Guid author,
        DateTimeOffset now)
    {
        var shared = planned.DayNumber % 3 != 0;
        return new Tender(
            organisationId,
            new TenderDetails(title, set.ProductGroupId, planned, null, null, devices, devices * 950m, "EUR", shared),
            author,
            now);
    }

    private static Tender Awarded(
        Guid organisationId,
        int index,
        CriteriaSet laptops,
        CriteriaSet phones,
        DateOnly today,
        Guid author,
        DateTimeOffset now)
    {
        var laptop = index % 2 == 0;
        var set = laptop ? laptops : phones;
        var published = today.AddMonths(-10 - index);
        var devices = laptop ? 300 + (index * 41) : 120 + (index * 17);
        var unitPrice = laptop ? 890m + (index * 15) : 520m + (index * 8);
        var start = published.AddMonths(5);
        var tender = new Tender(
            organisationId,
            new TenderDetails(
                laptop ? "Framework contract laptops" : "Framework contract smartphones",
                set.ProductGroupId,
                published,
                start,
                start.AddYears(4),
                devices,
                devices * unitPrice,
                "EUR",
                false),
            author,
            now);
        tender.ApplyCriteria(set, Pick(set, index), now);
        tender.SetLots(
            laptop ? [
                new TenderLotDetails("Standard laptops", devices * 3 / 4), new TenderLotDetails("Refurbished laptops", devices / 4)] : [],
            now);
        var models = laptop
            ? (index % 4 == 0
                ? "Lenovo ThinkPad T14 Gen 5; refurbished HP EliteBook 840 G8"
                : "Dell Latitude 5450; Fairphone-compatible docking stations")
            : "Fairphone 5; Samsung Galaxy XCover7";
        var supplier = laptop ? (index % 4 == 0 ? "Circulair IT Partners BV" : "Groene Werkplek BV") : "MobiFair NV";
        tender.MoveTo(
            TenderStatus.Awarded,
            published,
            new TenderAwardDetails(
                published.AddMonths(3), supplier, models, devices, unitPrice, laptop ? 5 : 3, laptop ? 6m : 5m, index % 2 == 0),
            today,
            now);
        return tender;
    }

    /// <summary>All core criteria; comprehensive ones for two in three organisations; frontrunner ones for one in four.</summary>
    private static List<Guid> Pick(CriteriaSet set, int index) =>
        [.. set.Criteria
            .Where(c => c.AmbitionLevel == AmbitionLevel.Core
                || (c.AmbitionLevel == AmbitionLevel.Comprehensive && index % 3 != 0)
                || (c.AmbitionLevel == AmbitionLevel.Frontrunner && index % 4 == 0))
            .Select(c => c.Id)];

    private static TenderDetails Details(Tender t) =>
        new(
            t.Title,
            t.ProductGroupId,
            t.PlannedPublicationOn,
            t.ContractStartOn,
            t.ContractEndOn,
            t.EstimatedQuantity,
            t.EstimatedValue,
            t.Currency,
            t.SharedInCalendar);

    private static async Task<CriteriaSet?> PublishedSetAsync(PortalDbContext db, string slug, CancellationToken cancellationToken) =>
        await db.CriteriaSets.AsNoTracking().Include(s => s.Criteria)
            .Join(db.ProductGroups.Where(g => g.Slug == slug), s => s.ProductGroupId, g => g.Id, (s, g) => s)
            .Where(s => s.Status == CriteriaSetStatus.Published)
            .OrderByDescending(s => s.PublishedOn)
            .FirstOrDefaultAsync(cancellationToken);
}
