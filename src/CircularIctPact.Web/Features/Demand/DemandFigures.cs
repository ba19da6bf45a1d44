using System.Globalization;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>Planned devices summed over the tenders of one cell, with how many distinct organisations and tenders they come from.</summary>
public sealed record DemandCell(long Devices, int Organisations, int Tenders)
{
    public static readonly DemandCell Empty = new(0, 0, 0);

    public bool IsEmpty => Tenders == 0;
}

/// <summary>
/// One product group's planned demand, summed per cell. A tender counts under every ambition level of which it applies
/// at least one criterion (once per level), and under every criterion it applies.
/// </summary>
/// <param name="Quarters">One cell per quarter, <see cref="DemandFigures.QuarterCount"/> in all.</param>
/// <param name="HalfYears">Quarters 1–2, 3–4, … taken together (an organisation in both quarters counts once).</param>
/// <param name="Criteria">Devices per criterion.</param>
public sealed record ProductGroupDemand(
    Guid ProductGroupId,
    DemandCell Total,
    IReadOnlyList<DemandCell> Quarters,
    IReadOnlyList<DemandCell> HalfYears,
    IReadOnlyDictionary<string, DemandCell> Countries,
    IReadOnlyDictionary<AmbitionLevel, DemandCell> Levels,
    IReadOnlyDictionary<Guid, long> Criteria);

/// <summary>
/// Planned and published tenders of the next eight quarters, summed per product group and quarter, half-year, country,
/// ambition level and criterion by PostgreSQL. A tender's quarter is that of its contract start when known, otherwise of
/// its actual, else planned publication date. Its country is that of its organisation's buyer group's signatory.
/// </summary>
/// <param name="All">Every product group together.</param>
/// <param name="Countries">Every country with demand in scope, also when the figures are narrowed to one country.</param>
public sealed record DemandFigures(DemandCell All, IReadOnlyList<ProductGroupDemand> ProductGroups, IReadOnlyList<string> Countries)
{
    public const int QuarterCount = 8;

    /// <summary>Label used when a buyer group's signatory has no country (e.g. an international signatory).</summary>
    public const string NoCountry = "—";

    /// <summary>
    /// Loads the figures of <paramref name="buyerGroupIds"/> (pact-wide when null), narrowed to <paramref name="country"/>
    /// when given; devices per criterion only when <paramref name="withCriteria"/>.
    /// </summary>
    public static async Task<DemandFigures> LoadAsync(
        PortalDbContext db, IReadOnlyList<Guid>? buyerGroupIds, string? country, DateOnly firstQuarter, bool withCriteria, CancellationToken cancellationToken)
    {
        var first = Tenders.Quarters.StartOf(firstQuarter);
        var end = first.AddMonths(3 * QuarterCount);
        var firstQuarterNumber = QuarterNumber(first);
        var pactWide = buyerGroupIds is null;
        var groups = buyerGroupIds?.ToArray() ?? [];
        var onlyCountry = string.IsNullOrWhiteSpace(country) ? string.Empty : country;
        var planned = nameof(TenderStatus.Planned);
        var published = nameof(TenderStatus.Published);

        // The organisation decides the country (organisation → buyer group → signatory), so organisations of different
        // countries never overlap. Criterion sets are resolved to ambition levels once per distinct set, not per tender.
        var rows = await db.Database.SqlQuery<DemandCellRow>($"""
            WITH demand AS MATERIALIZED (
                SELECT t.member_organisation_id AS organisation_id, t.product_group_id, t.estimated_quantity AS devices, t.criterion_ids,
                       COALESCE(s.country_code, {NoCountry}) AS country,
                       extract(year FROM d.demand_on)::int * 4 + (extract(month FROM d.demand_on)::int - 1) / 3 - {firstQuarterNumber} AS quarter
                FROM tenders t
                CROSS JOIN LATERAL (SELECT COALESCE(t.contract_start_on, t.actual_publication_on, t.planned_publication_on) AS demand_on) AS d
                JOIN member_organisations m ON m.id = t.member_organisation_id
                JOIN buyer_groups g ON g.id = m.buyer_group_id
                JOIN signatories s ON s.id = g.signatory_id
                WHERE t.status IN ({planned}, {published}) AND t.estimated_quantity > 0
                  AND d.demand_on >= {first} AND d.demand_on < {end}
                  AND ({pactWide} OR m.buyer_group_id = ANY({groups}))
            ),
            scoped AS MATERIALIZED (
                SELECT *, quarter / 2 AS half FROM demand WHERE {onlyCountry} = '' OR upper(country) = upper({onlyCountry})
            ),
            set_levels AS (
                SELECT DISTINCT sets.criterion_ids, c.ambition_level
                FROM (SELECT DISTINCT criterion_ids FROM scoped) AS sets
                CROSS JOIN LATERAL unnest(sets.criterion_ids) AS x(criterion_id)
                JOIN criteria c ON c.id = x.criterion_id
            )
            SELECT CASE GROUPING(product_group_id, quarter, half, country)
                       WHEN 3 THEN 'Quarter' WHEN 5 THEN 'HalfYear' WHEN 6 THEN 'Country' WHEN 7 THEN 'ProductGroup' ELSE 'All' END AS kind,
                   product_group_id, COALESCE(quarter::text, half::text, country) AS key,
                   COALESCE(sum(devices), 0) AS devices, count(DISTINCT organisation_id)::int AS organisations, count(*)::int AS tenders
            FROM scoped
            GROUP BY GROUPING SETS ((product_group_id, quarter), (product_group_id, half), (product_group_id, country), (product_group_id), ())
            UNION ALL
            SELECT 'Level', s.product_group_id, l.ambition_level, sum(s.devices), count(DISTINCT s.organisation_id)::int, count(*)::int
            FROM scoped s JOIN set_levels l ON l.criterion_ids = s.criterion_ids
            GROUP BY s.product_group_id, l.ambition_level
            UNION ALL
            SELECT 'Criterion', sets.product_group_id, c.id::text, sum(sets.devices)::bigint, 0, sum(sets.tenders)::int
            FROM (SELECT product_group_id, criterion_ids, sum(devices) AS devices, count(*) AS tenders
                  FROM scoped WHERE {withCriteria} GROUP BY product_group_id, criterion_ids) AS sets
            CROSS JOIN LATERAL unnest(sets.criterion_ids) AS x(criterion_id)
            JOIN criteria c ON c.id = x.criterion_id
            GROUP BY sets.product_group_id, c.id
            UNION ALL
            SELECT 'Listed', NULL, country, 0, 0, 0 FROM demand GROUP BY country
            """).ToListAsync(cancellationToken);

        var all = rows.Where(r => r.Kind == "All").Select(r => r.Cell).SingleOrDefault() ?? DemandCell.Empty;
        var productGroups = rows.Where(r => r.ProductGroupId is not null).GroupBy(r => r.ProductGroupId!.Value)
            .Select(g => ProductGroup(g.Key, [.. g]))
            .ToList();
        var countries = rows.Where(r => r.Kind == "Listed").Select(r => r.Key!).Order(StringComparer.Ordinal).ToList();
        return new DemandFigures(all, productGroups, countries);
    }

    private static ProductGroupDemand ProductGroup(Guid id, IReadOnlyList<DemandCellRow> rows)
    {
        DemandCell[] Positions(string kind, int count)
        {
            var cells = Enumerable.Repeat(DemandCell.Empty, count).ToArray();
            foreach (var row in rows.Where(r => r.Kind == kind))
            {
                cells[int.Parse(row.Key!, CultureInfo.InvariantCulture)] = row.Cell;
            }

            return cells;
        }

        return new ProductGroupDemand(
            id,
            rows.Single(r => r.Kind == "ProductGroup").Cell,
            Positions("Quarter", QuarterCount),
            Positions("HalfYear", (QuarterCount + 1) / 2),
            rows.Where(r => r.Kind == "Country").ToDictionary(r => r.Key!, r => r.Cell, StringComparer.Ordinal),
            rows.Where(r => r.Kind == "Level").ToDictionary(r => Enum.Parse<AmbitionLevel>(r.Key!), r => r.Cell),
            rows.Where(r => r.Kind == "Criterion").ToDictionary(r => Guid.Parse(r.Key!), r => r.Devices));
    }

    private static int QuarterNumber(DateOnly date) => (date.Year * 4) + ((date.Month - 1) / 3);
}

/// <summary>One aggregated row of <see cref="DemandFigures.LoadAsync"/>: its kind, product group (none for the totals) and cell key.</summary>
internal sealed record DemandCellRow(string Kind, Guid? ProductGroupId, string? Key, long Devices, int Organisations, int Tenders)
{
    public DemandCell Cell => new(Devices, Organisations, Tenders);
}
