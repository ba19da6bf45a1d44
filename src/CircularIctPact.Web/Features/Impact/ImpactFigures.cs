using System.Security.Claims;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Domain.Members;
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

/// <summary>The figures of one scope: a buyer group, or the whole pact when <see cref="BuyerGroupId"/> is null.</summary>
public sealed record ImpactView(
    Guid? BuyerGroupId,
    string Scope,
    int Year,
    IReadOnlyList<YearCount> MemberCounts,
    SelfAssessmentSummary Assessment,
    IReadOnlyList<YearAverage> AssessmentTrend,
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
}
