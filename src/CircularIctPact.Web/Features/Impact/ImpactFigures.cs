using System.Security.Claims;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Impact;

public sealed record YearCount(int Year, int Count);

public sealed record YearAverage(int Year, double Average);

public sealed record ThemeAverage(AssessmentTheme Theme, double Average);

public sealed record GroupAssessmentRow(Guid BuyerGroupId, string BuyerGroup, int ActiveMembers, int Submitted, double? AverageScore);

public sealed record SelfAssessmentSummary(int Year, int ActiveMembers, int Submitted, IReadOnlyList<ThemeAverage> Themes, IReadOnlyList<GroupAssessmentRow> Groups)
{
    /// <summary>Share of active member organisations that submitted, 0–1.</summary>
    public double ResponseRate => ActiveMembers == 0 ? 0 : (double)Submitted / ActiveMembers;
}

public sealed record BuyerGroupOption(Guid Id, string Name);

/// <summary>Tenders reported in one year (by publication date, planned or actual; cancelled ones left out).</summary>
public sealed record TenderYear(int Year, int Tenders, int WithCriteria)
{
    public double SharePercent => Tenders == 0 ? 0 : 100.0 * WithCriteria / Tenders;
}

/// <summary>Awarded tenders of one device type: devices bought, under criteria, expected use and emissions avoided.</summary>
public sealed record DeviceFigures(DeviceType Type, int AwardedTenders, int Devices, int DevicesUnderCriteria, double AverageExpectedYears, double AvoidedKgCo2e);

public sealed record TenderFigures(IReadOnlyList<TenderYear> Years, IReadOnlyList<DeviceFigures> Devices, int OtherProductGroupDevices)
{
    public int Tenders => Years.Sum(y => y.Tenders);

    public int WithCriteria => Years.Sum(y => y.WithCriteria);

    public double SharePercent => Tenders == 0 ? 0 : 100.0 * WithCriteria / Tenders;

    public int DevicesUnderCriteria => Devices.Sum(d => d.DevicesUnderCriteria);

    public double AvoidedKgCo2e => Devices.Sum(d => d.AvoidedKgCo2e);
}

/// <summary>The figures of one scope: a buyer group, or the whole pact when <see cref="BuyerGroupId"/> is null.</summary>
public sealed record ImpactView(
    Guid? BuyerGroupId,
    string Scope,
    int Year,
    IReadOnlyList<YearCount> MemberCounts,
    SelfAssessmentSummary Assessment,
    IReadOnlyList<YearAverage> AssessmentTrend,
    TenderFigures Tenders,
    IReadOnlyList<BuyerGroupOption> Groups);

/// <summary>
/// Impact monitoring for coordinators (their groups) and the secretariat (pact-wide and per group).
/// Every figure is aggregated by PostgreSQL; nothing is counted row by row here.
/// </summary>
public sealed class ImpactFigures(IDbContextFactory<PortalDbContext> contextFactory, BuyerGroupAccess access, TimeProvider clock)
{
    /// <summary>The pact's first year: members and answers are counted from here.</summary>
    public const int FirstYear = SelfAssessment.FirstYear;

    /// <summary>
    /// Figures for <paramref name="buyerGroupId"/>, or pact-wide when it is null (secretariat only; a coordinator
    /// then gets their first group). Throws <see cref="ForbiddenException"/> for a group the caller does not coordinate.
    /// </summary>
    public async Task<ImpactView> GetAsync(ClaimsPrincipal user, Guid? buyerGroupId, int? year = null, CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleGroupIdsAsync(user, cancellationToken);
        if (visible.Count == 0)
        {
            throw new ForbiddenException("Impact figures are for buyer-group coordinators and the secretariat.");
        }

        if (buyerGroupId is null && !user.IsSecretariat())
        {
            buyerGroupId = visible[0];
        }

        if (buyerGroupId is { } requested)
        {
            await access.EnsureAsync(user, requested, BuyerGroupOperations.Read);
        }

        Guid[] groups = buyerGroupId is { } id ? [id] : [.. visible];
        var thisYear = clock.GetUtcNow().Year;
        var reportYear = Math.Clamp(year ?? thisYear, FirstYear, thisYear);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groupOptions = await db.BuyerGroups.AsNoTracking()
            .Where(g => visible.Contains(g.Id))
            .OrderBy(g => g.Name)
            .Select(g => new BuyerGroupOption(g.Id, g.Name))
            .ToListAsync(cancellationToken);
        var scope = buyerGroupId is { } chosen ? groupOptions.Single(g => g.Id == chosen).Name : null;

        return new ImpactView(
            buyerGroupId,
            scope ?? string.Empty,
            reportYear,
            await MemberCountsAsync(db, groups, thisYear, cancellationToken),
            await AssessmentSummaryAsync(db, groups, reportYear, cancellationToken),
            await AssessmentTrendAsync(db, groups, cancellationToken),
            await TenderFiguresAsync(db, groups, cancellationToken),
            groupOptions);
    }

    /// <summary>
    /// Members at the end of each year: joined by then and not suspended or left by then. The status history holds
    /// only the latest change, so an organisation that left counts until the date of that change.
    /// </summary>
    private static async Task<IReadOnlyList<YearCount>> MemberCountsAsync(PortalDbContext db, Guid[] groups, int lastYear, CancellationToken cancellationToken)
    {
        var applied = nameof(MembershipStatus.Applied);
        var left = nameof(MembershipStatus.Left);
        var suspended = nameof(MembershipStatus.Suspended);
        return await db.Database.SqlQuery<YearCount>($"""
            SELECT y.year AS "Year", COUNT(m.id)::int AS "Count"
            FROM generate_series({FirstYear}, {lastYear}) AS y(year)
            LEFT JOIN member_organisations m
              ON m.buyer_group_id = ANY({groups})
             AND m.status <> {applied}
             AND m.joined_on <= make_date(y.year, 12, 31)
             AND NOT (m.status IN ({left}, {suspended}) AND COALESCE(m.status_changed_on, m.joined_on) <= make_date(y.year, 12, 31))
            GROUP BY y.year
            ORDER BY y.year
            """).ToListAsync(cancellationToken);
    }

    private static async Task<SelfAssessmentSummary> AssessmentSummaryAsync(PortalDbContext db, Guid[] groups, int year, CancellationToken cancellationToken)
    {
        var members = db.MemberOrganisations.Where(m => groups.Contains(m.BuyerGroupId));
        var submitted = db.SelfAssessments.Where(s => s.Year == year && s.Status == SelfAssessmentStatus.Submitted);

        var themes = await submitted
            .Where(s => members.Any(m => m.Id == s.MemberOrganisationId))
            .SelectMany(s => s.Answers)
            .GroupBy(a => a.Theme)
            .Select(g => new ThemeAverage(g.Key, g.Average(a => (double)a.Score)))
            .ToListAsync(cancellationToken);

        var perGroup = await db.BuyerGroups.AsNoTracking()
            .Where(g => groups.Contains(g.Id))
            .OrderBy(g => g.Name)
            .Select(g => new GroupAssessmentRow(
                g.Id,
                g.Name,
                db.MemberOrganisations.Count(m => m.BuyerGroupId == g.Id && m.Status == MembershipStatus.Active),
                submitted.Count(s => db.MemberOrganisations.Any(m => m.Id == s.MemberOrganisationId && m.BuyerGroupId == g.Id)),
                submitted.Where(s => db.MemberOrganisations.Any(m => m.Id == s.MemberOrganisationId && m.BuyerGroupId == g.Id))
                    .SelectMany(s => s.Answers)
                    .Average(a => (double?)a.Score)))
            .ToListAsync(cancellationToken);

        return new SelfAssessmentSummary(
            year,
            perGroup.Sum(g => g.ActiveMembers),
            perGroup.Sum(g => g.Submitted),
            [.. themes.OrderBy(t => t.Theme)],
            perGroup);
    }

    private static async Task<IReadOnlyList<YearAverage>> AssessmentTrendAsync(PortalDbContext db, Guid[] groups, CancellationToken cancellationToken) =>
        await db.SelfAssessments
            .Where(s => s.Status == SelfAssessmentStatus.Submitted && db.MemberOrganisations.Any(m => m.Id == s.MemberOrganisationId && groups.Contains(m.BuyerGroupId)))
            .SelectMany(s => s.Answers, (s, a) => new { s.Year, a.Score })
            .GroupBy(x => x.Year)
            .OrderBy(g => g.Key)
            .Select(g => new YearAverage(g.Key, g.Average(x => (double)x.Score)))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Tender shares per year and, for awarded tenders, devices and expected years per product group. Emissions avoided
    /// per device type: Σ quantity × embodied × (1 − baseline ÷ expected) = embodied × (Σ quantity − baseline × Σ quantity ÷ expected).
    /// </summary>
    private static async Task<TenderFigures> TenderFiguresAsync(PortalDbContext db, Guid[] groups, CancellationToken cancellationToken)
    {
        var tenders = db.Tenders.Where(t => t.Status != TenderStatus.Cancelled && db.MemberOrganisations.Any(m => m.Id == t.MemberOrganisationId && groups.Contains(m.BuyerGroupId)));
        var years = await tenders
            .GroupBy(t => (t.ActualPublicationOn ?? t.PlannedPublicationOn).Year)
            .OrderBy(g => g.Key)
            .Select(g => new TenderYear(g.Key, g.Count(), g.Count(t => t.CriterionIds.Count > 0)))
            .ToListAsync(cancellationToken);

        var awarded = await tenders
            .Where(t => t.Status == TenderStatus.Awarded && t.Award != null)
            .Join(db.ProductGroups, t => t.ProductGroupId, p => p.Id, (t, p) => new { p.Slug, t.Award!.AwardedQuantity, t.Award.ExpectedYearsOfUse, WithCriteria = t.CriterionIds.Count > 0 })
            .GroupBy(x => x.Slug)
            .Select(g => new
            {
                Slug = g.Key,
                Tenders = g.Count(),
                Devices = g.Sum(x => x.AwardedQuantity),
                DevicesUnderCriteria = g.Sum(x => x.WithCriteria ? x.AwardedQuantity : 0),
                // In double precision: multiplying by the numeric(4,1) column would make PostgreSQL cast the
                // quantity to numeric(4,1) too, which overflows from 1,000 devices on.
                DeviceYears = g.Sum(x => (double)x.AwardedQuantity * (double)x.ExpectedYearsOfUse),
                DevicesPerYear = g.Sum(x => x.ExpectedYearsOfUse > 0 ? (double)x.AwardedQuantity / (double)x.ExpectedYearsOfUse : 0d),
            })
            .ToListAsync(cancellationToken);

        var devices = awarded
            .Select(row => (Row: row, Type: PactAmbition.DeviceTypeOf(row.Slug)))
            .Where(pair => pair.Type is not null)
            .GroupBy(pair => pair.Type!.Value)
            .Select(group =>
            {
                var defaults = DeviceDefaults.For(group.Key);
                var quantity = group.Sum(p => p.Row.Devices);
                var deviceYears = group.Sum(p => p.Row.DeviceYears);
                var devicesPerYear = group.Sum(p => p.Row.DevicesPerYear);
                var avoided = (double)defaults.EmbodiedKgCo2e.Value * (quantity - ((double)defaults.BaselineYearsOfUse.Value * devicesPerYear));
                return new DeviceFigures(group.Key, group.Sum(p => p.Row.Tenders), quantity, group.Sum(p => p.Row.DevicesUnderCriteria),
                    quantity == 0 ? 0 : deviceYears / quantity, avoided);
            })
            .OrderBy(d => d.Type)
            .ToList();
        var other = awarded.Where(row => PactAmbition.DeviceTypeOf(row.Slug) is null).Sum(row => row.Devices);
        return new TenderFigures(years, devices, other);
    }
}
