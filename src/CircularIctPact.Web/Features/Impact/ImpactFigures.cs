using System.Security.Claims;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Impact;

public sealed record YearCount(int Year, int Count);

public sealed record YearAverage(int Year, double Average);

public sealed record ThemeAverage(AssessmentTheme Theme, double Average);

public sealed record GroupAssessmentRow(Guid BuyerGroupId, string BuyerGroup, int ActiveMembers, int Submitted, double? AverageScore);

public sealed record SelfAssessmentSummary(
    int Year,
    int ActiveMembers,
    int Submitted,
    IReadOnlyList<ThemeAverage> Themes,
    IReadOnlyList<GroupAssessmentRow> Groups)
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
public sealed record DeviceFigures(
    DeviceType Type,
    int AwardedTenders,
    int Devices,
    int DevicesUnderCriteria,
    double AverageExpectedYears,
    double AvoidedKgCo2e);

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
    IReadOnlyList<BuyerGroupOption> Groups)
{
    /// <summary>
    /// When the pact-wide tenders were read (they are kept for up to a minute); null for a buyer group's figures, read just now.
    /// </summary>
    public DateTimeOffset? TendersReadAt { get; init; }
}

/// <summary>
/// Impact monitoring for coordinators (their groups) and the secretariat (pact-wide and per group).
/// Every figure is aggregated by PostgreSQL; nothing is counted row by row here. The whole pact's tender figures are kept
/// for up to a minute (<see cref="PactWideReads{TFigures}"/>).
/// </summary>
public sealed class ImpactFigures(
    IDbContextFactory<PortalDbContext> contextFactory,
    BuyerGroupAccess access,
    PactWideReads<TenderFigures> pactWideTenders,
    TimeProvider clock)
{
    /// <summary>The pact's first year: members and answers are counted from here.</summary>
    public const int FirstYear = SelfAssessment.FirstYear;

    /// <summary>
    /// Figures for <paramref name="buyerGroupId"/>, or pact-wide when it is null (secretariat only; a coordinator
    /// then gets their first group). Throws <see cref="ForbiddenException"/> for a group the caller does not coordinate.
    /// </summary>
    public async Task<ImpactView> GetAsync(
        ClaimsPrincipal user,
        Guid? buyerGroupId,
        int? year = null,
        CancellationToken cancellationToken = default)
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

        // The figures do not depend on each other: each comes from a pooled context of its own, so PostgreSQL works on
        // the pact-wide tender scans while the member and assessment figures are counted.
        var groupOptions = contextFactory.ReadAsync(db => db.BuyerGroups.AsNoTracking()
            .Where(g => visible.Contains(g.Id))
            .OrderBy(g => g.Name)
            .Select(g => new BuyerGroupOption(g.Id, g.Name))
            .ToListAsync(cancellationToken), cancellationToken);
        var memberCounts = contextFactory.ReadAsync(db => MemberCountsAsync(db, groups, thisYear, cancellationToken), cancellationToken);
        var assessment = contextFactory.ReadAsync(
            db => AssessmentSummaryAsync(db, groups, reportYear, cancellationToken),
            cancellationToken);
        var trend = contextFactory.ReadAsync(db => AssessmentTrendAsync(db, groups, cancellationToken), cancellationToken);
        var tenders = buyerGroupId is null ? PactWideTendersAsync() : GroupTendersAsync();
        await Task.WhenAll(groupOptions, memberCounts, assessment, trend, tenders);

        var options = await groupOptions;
        return new ImpactView(
            buyerGroupId,
            buyerGroupId is { } chosen ? options.Single(g => g.Id == chosen).Name : string.Empty,
            reportYear,
            await memberCounts,
            await assessment,
            await trend,
            (await tenders).Figures,
            options)
        {
            TendersReadAt = (await tenders).ReadAt,
        };

        async Task<(TenderFigures Figures, DateTimeOffset? ReadAt)> PactWideTendersAsync()
        {
            var read = await pactWideTenders.GetAsync(_ => true, token => TenderFiguresAsync(null, token), cancellationToken);
            return (read.Figures, read.ReadAt);
        }

        async Task<(TenderFigures Figures, DateTimeOffset? ReadAt)> GroupTendersAsync() =>
            (await TenderFiguresAsync(groups, cancellationToken), null);
    }

    /// <summary>The tender figures of <paramref name="groups"/> (the whole pact when null), read side by side.</summary>
    private async Task<TenderFigures> TenderFiguresAsync(Guid[]? groups, CancellationToken cancellationToken)
    {
        var years = contextFactory.ReadAsync(db => TenderYearsAsync(db, groups, cancellationToken), cancellationToken);
        var awarded = contextFactory.ReadAsync(db => AwardedDevicesAsync(db, groups, cancellationToken), cancellationToken);
        await Task.WhenAll(years, awarded);
        return TenderFigures(await years, await awarded);
    }

    /// <summary>
    /// Members at the end of each year: joined by then and not suspended or left by then. The status history holds
    /// only the latest change, so an organisation that left counts until the date of that change. Members are first
    /// counted per year of joining and year of leaving, so the years are joined with a handful of rows.
    /// </summary>
    private static async Task<IReadOnlyList<YearCount>> MemberCountsAsync(
        PortalDbContext db,
        Guid[] groups,
        int lastYear,
        CancellationToken cancellationToken)
    {
        var applied = nameof(MembershipStatus.Applied);
        var left = nameof(MembershipStatus.Left);
        var suspended = nameof(MembershipStatus.Suspended);
        return await db.Database.SqlQuery<YearCount>($"""
            WITH spans AS (
                SELECT extract(year FROM m.joined_on)::int AS joined,
                       CASE WHEN m.status IN ({left}, {suspended})
                            THEN extract(year FROM COALESCE(m.status_changed_on, m.joined_on))::int END AS gone,
                       count(*) AS members
                FROM member_organisations m
                WHERE m.buyer_group_id = ANY({groups}) AND m.status <> {applied}
                GROUP BY 1, 2
            )
            SELECT y.year AS "Year", COALESCE(sum(s.members), 0)::int AS "Count"
            FROM generate_series({FirstYear}, {lastYear}) AS y(year)
            LEFT JOIN spans s ON s.joined <= y.year AND (s.gone IS NULL OR s.gone > y.year)
            GROUP BY y.year
            ORDER BY y.year
            """).ToListAsync(cancellationToken);
    }

    private static async Task<SelfAssessmentSummary> AssessmentSummaryAsync(
        PortalDbContext db,
        Guid[] groups,
        int year,
        CancellationToken cancellationToken)
    {
        var members = db.MemberOrganisations.Where(m => groups.Contains(m.BuyerGroupId));
        var submitted = db.SelfAssessments.Where(s => s.Year == year && s.Status == SelfAssessmentStatus.Submitted);

        var themes = await submitted
            .Where(s => members.Any(m => m.Id == s.MemberOrganisationId))
            .SelectMany(s => s.Answers)
            .GroupBy(a => a.Theme)
            .Select(g => new ThemeAverage(g.Key, g.Average(a => (double)a.Score)))
            .ToListAsync(cancellationToken);

        var submittedStatus = nameof(SelfAssessmentStatus.Submitted);
        var active = nameof(MembershipStatus.Active);
        var perGroup = await db.Database.SqlQuery<GroupAssessmentRow>($"""
            WITH active AS (
                SELECT buyer_group_id, count(*) AS members FROM member_organisations
                WHERE buyer_group_id = ANY({groups}) AND status = {active} GROUP BY buyer_group_id
            ),
            submitted AS (
                SELECT m.buyer_group_id, s.id FROM self_assessments s JOIN member_organisations m ON m.id = s.member_organisation_id
                WHERE s.year = {year} AND s.status = {submittedStatus} AND m.buyer_group_id = ANY({groups})
            ),
            answered AS (
                SELECT s.buyer_group_id, count(DISTINCT s.id) AS submitted, avg(a.score::double precision) AS average
                FROM submitted s LEFT JOIN self_assessment_answers a ON a.self_assessment_id = s.id
                GROUP BY s.buyer_group_id
            )
            SELECT g.id AS buyer_group_id, g.name AS buyer_group, COALESCE(active.members, 0)::int AS active_members,
                   COALESCE(answered.submitted, 0)::int AS submitted, answered.average AS average_score
            FROM buyer_groups g
            LEFT JOIN active ON active.buyer_group_id = g.id
            LEFT JOIN answered ON answered.buyer_group_id = g.id
            WHERE g.id = ANY({groups})
            ORDER BY g.name
            """).ToListAsync(cancellationToken);

        return new SelfAssessmentSummary(
            year,
            perGroup.Sum(g => g.ActiveMembers),
            perGroup.Sum(g => g.Submitted),
            [.. themes.OrderBy(t => t.Theme)],
            perGroup);
    }

    private static async Task<IReadOnlyList<YearAverage>> AssessmentTrendAsync(
        PortalDbContext db,
        Guid[] groups,
        CancellationToken cancellationToken) =>
        await db.SelfAssessments
            .Where(s => s.Status == SelfAssessmentStatus.Submitted
                && db.MemberOrganisations.Any(m => m.Id == s.MemberOrganisationId && groups.Contains(m.BuyerGroupId)))
            .SelectMany(s => s.Answers, (s, a) => new { s.Year, a.Score })
            .GroupBy(x => x.Year)
            .OrderBy(g => g.Key)
            .Select(g => new YearAverage(g.Key, g.Average(x => (double)x.Score)))
            .ToListAsync(cancellationToken);

    /// <summary>Tenders per year of publication (planned or actual) and how many of them apply criteria; cancelled ones left out.</summary>
    private static async Task<List<TenderYear>> TenderYearsAsync(PortalDbContext db, Guid[]? groups, CancellationToken cancellationToken)
    {
        var cancelled = nameof(TenderStatus.Cancelled);
        var pactWide = groups is null;
        var scope = groups ?? [];
        return await db.Database.SqlQuery<TenderYear>($"""
            SELECT extract(year FROM COALESCE(t.actual_publication_on, t.planned_publication_on))::int AS year,
                   count(*)::int AS tenders, count(*) FILTER (WHERE cardinality(t.criterion_ids) > 0)::int AS with_criteria
            FROM tenders t
            WHERE t.status <> {cancelled}
              AND ({pactWide} OR t.member_organisation_id IN (
                  SELECT m.id FROM member_organisations m WHERE m.buyer_group_id = ANY({scope})))
            GROUP BY 1
            ORDER BY 1
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Awarded tenders per product group: devices, devices under criteria, and the sums the expected years of use and the
    /// emissions avoided are worked out from. Quantities are summed in double precision: multiplying by the numeric(4,1)
    /// years column would make PostgreSQL cast the quantity to numeric(4,1) too, which overflows from 1,000 devices on.
    /// </summary>
    private static async Task<List<AwardedDevicesRow>> AwardedDevicesAsync(
        PortalDbContext db,
        Guid[]? groups,
        CancellationToken cancellationToken)
    {
        var awarded = nameof(TenderStatus.Awarded);
        var pactWide = groups is null;
        var scope = groups ?? [];
        return await db.Database.SqlQuery<AwardedDevicesRow>($"""
            SELECT p.slug, count(*)::int AS awarded, sum(a.awarded_quantity)::int AS devices,
                   COALESCE(sum(a.awarded_quantity) FILTER (WHERE cardinality(t.criterion_ids) > 0), 0)::int AS devices_under_criteria,
                   sum(a.awarded_quantity::double precision * a.expected_years_of_use::double precision) AS device_years,
                   sum(CASE WHEN a.expected_years_of_use > 0
                            THEN a.awarded_quantity::double precision / a.expected_years_of_use::double precision
                            ELSE 0 END) AS devices_per_year
            FROM tender_awards a
            JOIN tenders t ON t.id = a.id AND t.status = {awarded}
            JOIN product_groups p ON p.id = t.product_group_id
            WHERE {pactWide} OR t.member_organisation_id IN (SELECT m.id FROM member_organisations m WHERE m.buyer_group_id = ANY({scope}))
            GROUP BY p.slug
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Devices per device type from the awarded product groups. Emissions avoided per device type:
    /// Σ quantity × embodied × (1 − baseline ÷ expected) = embodied × (Σ quantity − baseline × Σ quantity ÷ expected).
    /// </summary>
    private static TenderFigures TenderFigures(List<TenderYear> years, List<AwardedDevicesRow> awardedRows)
    {
        var awarded = awardedRows.Select(r => (Row: r, Type: PactAmbition.DeviceTypeOf(r.Slug))).ToList();
        var devices = awarded
            .Where(pair => pair.Type is not null)
            .GroupBy(pair => pair.Type!.Value)
            .Select(group =>
            {
                var defaults = DeviceDefaults.For(group.Key);
                var quantity = group.Sum(p => p.Row.Devices);
                var deviceYears = group.Sum(p => p.Row.DeviceYears);
                var devicesPerYear = group.Sum(p => p.Row.DevicesPerYear);
                var avoided = (double)defaults.EmbodiedKgCo2e.Value * (quantity
                    - ((double)defaults.BaselineYearsOfUse.Value * devicesPerYear));
                return new DeviceFigures(group.Key, group.Sum(p => p.Row.Awarded), quantity, group.Sum(p => p.Row.DevicesUnderCriteria),
                    quantity == 0 ? 0 : deviceYears / quantity, avoided);
            })
            .OrderBy(d => d.Type)
            .ToList();
        var other = awarded.Where(pair => pair.Type is null).Sum(pair => pair.Row.Devices);
        return new TenderFigures(years, devices, other);
    }
}

/// <summary>One product group's awarded tenders, as <see cref="ImpactFigures"/> sums them.</summary>
internal sealed record AwardedDevicesRow(
    string Slug,
    int Awarded,
    int Devices,
    int DevicesUnderCriteria,
    double DeviceYears,
    double DevicesPerYear);
