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
/// ambition level and criterion from one slim row per tender. A tender's quarter is that of its contract start when known, otherwise of
/// its actual, else planned publication date. Its country is that of its organisation's buyer group's signatory.
/// </summary>
/// <param name="All">Every product group together.</param>
/// <param name="Countries">Every country with demand in scope, also when the figures are narrowed to one country.</param>
public sealed record DemandFigures(DemandCell All, IReadOnlyList<ProductGroupDemand> ProductGroups, IReadOnlyList<string> Countries)
{
    public const int QuarterCount = 8;

    /// <summary>
    /// When the tenders were read, for figures summed from rows read earlier (<see cref="PactWideDemand"/>); null when read just now.
    /// </summary>
    public DateTimeOffset? ReadAt { get; init; }

    /// <summary>Label used when a buyer group's signatory has no country (e.g. an international signatory).</summary>
    public const string NoCountry = "—";

    /// <summary>
    /// Loads the figures of <paramref name="buyerGroupIds"/> (pact-wide when null), narrowed to <paramref name="country"/>
    /// when given; devices per criterion only when <paramref name="withCriteria"/>.
    /// </summary>
    public static async Task<DemandFigures> LoadAsync(
        PortalDbContext db,
        IReadOnlyList<Guid>? buyerGroupIds,
        string? country,
        DateOnly firstQuarter,
        bool withCriteria,
        CancellationToken cancellationToken) =>
        Sum(await ReadAsync(db, buyerGroupIds, firstQuarter, cancellationToken), country, withCriteria);

    /// <summary>
    /// The planned tenders of <paramref name="buyerGroupIds"/> (pact-wide when null) in the eight quarters from
    /// <paramref name="firstQuarter"/>, with the criteria of each distinct criterion set and the country of each buyer group,
    /// as <see cref="Sum"/> sums them.
    /// </summary>
    internal static async Task<IReadOnlyList<DemandRow>> ReadAsync(
        PortalDbContext db, IReadOnlyList<Guid>? buyerGroupIds, DateOnly firstQuarter, CancellationToken cancellationToken)
    {
        var first = Tenders.Quarters.StartOf(firstQuarter);
        var end = first.AddMonths(3 * QuarterCount);
        var firstQuarterNumber = QuarterNumber(first);
        var pactWide = buyerGroupIds is null;
        var groups = buyerGroupIds?.ToArray() ?? [];
        var planned = nameof(TenderStatus.Planned);
        var published = nameof(TenderStatus.Published);

        // PostgreSQL hands over one slim row per tender and the criteria of each distinct criterion set; the cells are
        // summed here. Counting distinct organisations per cell in SQL sorts every tender once per kind of cell, which
        // took 170–240 ms pact-wide (16,000 tenders); the rows arrive in a fraction of that and are summed in a few ms.
        return await db.Database.SqlQuery<DemandRow>($"""
            WITH demand AS MATERIALIZED (
                SELECT t.member_organisation_id AS organisation_id, m.buyer_group_id, t.product_group_id,
                       t.estimated_quantity AS devices, t.criterion_ids,
                       extract(year FROM d.demand_on)::int * 4 + (extract(month FROM d.demand_on)::int - 1) / 3
                           - {firstQuarterNumber} AS quarter
                FROM tenders t
                CROSS JOIN LATERAL (
                    SELECT COALESCE(t.contract_start_on, t.actual_publication_on, t.planned_publication_on) AS demand_on) AS d
                JOIN member_organisations m ON m.id = t.member_organisation_id
                WHERE t.status IN ({planned}, {published}) AND t.estimated_quantity > 0
                  AND d.demand_on >= {first} AND d.demand_on < {end}
                  AND ({pactWide} OR m.buyer_group_id = ANY({groups}))
            ),
            criterion_sets AS MATERIALIZED (
                SELECT criterion_ids, (row_number() OVER ())::int AS number FROM demand GROUP BY criterion_ids
            )
            SELECT 'Tender' AS kind, d.organisation_id AS id, d.buyer_group_id, d.product_group_id, d.quarter AS number,
                   NULL AS key, d.devices::bigint AS devices, s.number AS criterion_set
            FROM demand d JOIN criterion_sets s ON s.criterion_ids = d.criterion_ids
            UNION ALL
            SELECT 'Criterion', c.id, NULL, NULL, 0, c.ambition_level, 0, s.number
            FROM criterion_sets s
            CROSS JOIN LATERAL unnest(s.criterion_ids) AS x(criterion_id)
            JOIN criteria c ON c.id = x.criterion_id
            UNION ALL
            SELECT 'Country', NULL, g.id, NULL, 0, COALESCE(s.country_code, {NoCountry}), 0, 0
            FROM buyer_groups g JOIN signatories s ON s.id = g.signatory_id
            """).ToListAsync(cancellationToken);
    }

    /// <summary>Sums the rows <see cref="ReadAsync"/> read into the cells, narrowed to <paramref name="country"/> when given.</summary>
    internal static DemandFigures Sum(IReadOnlyList<DemandRow> rows, string? country, bool withCriteria)
    {
        var countryOfGroup = rows.Where(r => r.Kind == "Country").ToDictionary(r => r.BuyerGroupId!.Value, r => r.Key!);
        var criterionSets = rows.Where(r => r.Kind == "Criterion")
            .GroupBy(r => r.CriterionSet)
            .ToDictionary(
                set => set.Key,
                set => (
                    Criteria: set.Select(r => r.Id!.Value).Distinct().ToArray(),
                    Levels: set.Select(r => Enum.Parse<AmbitionLevel>(r.Key!)).Distinct().ToArray()));
        var tenders = rows.Where(r => r.Kind == "Tender").Select(r => (Row: r, Country: countryOfGroup[r.BuyerGroupId!.Value])).ToList();

        var all = new CellTally();
        var productGroups = new Dictionary<Guid, ProductGroupTally>();
        foreach (var (tender, tenderCountry) in tenders)
        {
            if (!string.IsNullOrWhiteSpace(country) && !string.Equals(tenderCountry, country, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!productGroups.TryGetValue(tender.ProductGroupId!.Value, out var productGroup))
            {
                productGroup = new ProductGroupTally();
                productGroups.Add(tender.ProductGroupId.Value, productGroup);
            }

            var organisation = tender.Id!.Value;
            var (criteria, levels) = criterionSets.GetValueOrDefault(tender.CriterionSet, ([], []));
            all.Add(organisation, tender.Devices);
            productGroup.Total.Add(organisation, tender.Devices);
            productGroup.Quarters[tender.Number].Add(organisation, tender.Devices);
            productGroup.HalfYears[tender.Number / 2].Add(organisation, tender.Devices);
            productGroup.Cell(productGroup.Countries, tenderCountry).Add(organisation, tender.Devices);
            foreach (var level in levels)
            {
                productGroup.Cell(productGroup.Levels, level).Add(organisation, tender.Devices);
            }

            if (withCriteria)
            {
                foreach (var criterion in criteria)
                {
                    productGroup.Criteria[criterion] = productGroup.Criteria.GetValueOrDefault(criterion) + tender.Devices;
                }
            }
        }

        var listed = tenders.Select(t => t.Country).Distinct().Order(StringComparer.Ordinal).ToList();
        return new DemandFigures(all.Cell, [.. productGroups.Select(g => g.Value.Demand(g.Key))], listed);
    }

    private static int QuarterNumber(DateOnly date) => (date.Year * 4) + ((date.Month - 1) / 3);
}

/// <summary>
/// One row of <see cref="DemandFigures.ReadAsync"/>: a tender (its organisation as <see cref="Id"/>, quarter as
/// <see cref="Number"/>), a criterion of a criterion set (the criterion as <see cref="Id"/>, its ambition level as
/// <see cref="Key"/>) or a buyer group's country (<see cref="Key"/>).
/// </summary>
internal sealed record DemandRow(
    string Kind,
    Guid? Id,
    Guid? BuyerGroupId,
    Guid? ProductGroupId,
    int Number,
    string? Key,
    long Devices,
    int CriterionSet);

/// <summary>Devices, tenders and the distinct organisations behind one cell while it is being summed.</summary>
internal sealed class CellTally
{
    private readonly HashSet<Guid> _organisations = [];
    private long _devices;
    private int _tenders;

    public DemandCell Cell => new(_devices, _organisations.Count, _tenders);

    public void Add(Guid organisation, long tenderDevices)
    {
        _organisations.Add(organisation);
        _devices += tenderDevices;
        _tenders++;
    }
}

/// <summary>The cells of one product group while they are being summed.</summary>
internal sealed class ProductGroupTally
{
    public CellTally Total { get; } = new();

    public CellTally[] Quarters { get; } = [.. Enumerable.Range(0, DemandFigures.QuarterCount).Select(_ => new CellTally())];

    public CellTally[] HalfYears { get; } = [.. Enumerable.Range(0, (DemandFigures.QuarterCount + 1) / 2).Select(_ => new CellTally())];

    public Dictionary<string, CellTally> Countries { get; } = new(StringComparer.Ordinal);

    public Dictionary<AmbitionLevel, CellTally> Levels { get; } = [];

    public Dictionary<Guid, long> Criteria { get; } = [];

    public CellTally Cell<TKey>(Dictionary<TKey, CellTally> cells, TKey key)
        where TKey : notnull =>
        cells.TryGetValue(key, out var cell) ? cell : cells[key] = new CellTally();

    public ProductGroupDemand Demand(Guid productGroupId) => new(
        productGroupId,
        Total.Cell,
        [.. Quarters.Select(q => q.Cell)],
        [.. HalfYears.Select(h => h.Cell)],
        Countries.ToDictionary(c => c.Key, c => c.Value.Cell, StringComparer.Ordinal),
        Levels.ToDictionary(l => l.Key, l => l.Value.Cell),
        Criteria);
}
