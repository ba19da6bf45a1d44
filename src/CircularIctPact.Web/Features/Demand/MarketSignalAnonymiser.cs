using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Features.Tenders;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>A published figure, or none when it was built from fewer than three organisations.</summary>
/// <param name="Label">The quarter, merged quarters, country or level the figure is for.</param>
/// <param name="Devices">Null when suppressed.</param>
/// <param name="Span">How many quarter columns the figure covers (2 when two quarters were merged).</param>
public sealed record SignalCell(string Label, long? Devices, int Span = 1)
{
    public bool Suppressed => Devices is null;
}

/// <summary>One product group's figures and, when it may be shown, their total.</summary>
public sealed record SignalLine(string ProductGroup, IReadOnlyList<SignalCell> Cells, long? Total);

/// <summary>The anonymised content of a market signal edition.</summary>
public sealed record MarketSignalFigures(
    IReadOnlyList<string> Quarters,
    IReadOnlyList<SignalLine> ByQuarter,
    IReadOnlyList<SignalLine> ByCountry,
    IReadOnlyList<SignalLine> ByAmbitionLevel,
    int Organisations,
    int Tenders);

/// <summary>
/// Turns demand items into figures no organisation's plans can be read from. The rule, also shown on the public page:
/// <list type="number">
/// <item>A figure is published only when it is built from at least <see cref="MinimumOrganisations"/> distinct organisations
/// (or from none: an empty cell is shown as 0).</item>
/// <item>A quarter below that is merged with its neighbour into a half-year; when the half-year is still below, it is suppressed.</item>
/// <item>A country below that joins "Other countries"; when that group is still below, it is suppressed.</item>
/// <item>A total is shown only when built from at least three organisations; when exactly one figure in a line is suppressed,
/// the smallest other figure is suppressed too, so the total minus the shown figures never reveals a suppressed one
/// (when there is no other figure to suppress, the total is withheld).</item>
/// </list>
/// </summary>
public static class MarketSignalAnonymiser
{
    public const int MinimumOrganisations = 3;
    public const string OtherCountries = "Other countries";

    public static MarketSignalFigures Build(DateOnly firstQuarter, IReadOnlyList<DemandItem> items, IReadOnlyDictionary<Guid, string> productGroups)
    {
        var quarters = Tenders.Quarters.Next(firstQuarter, DemandItems.QuarterCount);
        var organisations = items.Select(i => i.OrganisationId).Distinct().Count();
        if (organisations < MinimumOrganisations)
        {
            return new MarketSignalFigures([.. quarters.Select(Tenders.Quarters.Label)], [], [], [], organisations, 0);
        }

        var byProductGroup = items.GroupBy(i => i.ProductGroupId)
            .OrderBy(g => productGroups.GetValueOrDefault(g.Key, "?"), StringComparer.Ordinal)
            .ToList();
        var byQuarter = byProductGroup.Select(g => QuarterLine(productGroups.GetValueOrDefault(g.Key, "?"), quarters, [.. g])).ToList();
        var byCountry = byProductGroup.Select(g => CountryLine(productGroups.GetValueOrDefault(g.Key, "?"), [.. g])).ToList();
        var byLevel = byProductGroup.Select(g => LevelLine(productGroups.GetValueOrDefault(g.Key, "?"), [.. g])).ToList();
        return new MarketSignalFigures([.. quarters.Select(Tenders.Quarters.Label)], byQuarter, byCountry, byLevel, organisations, items.Count);
    }

    /// <summary>Devices per quarter; a quarter from too few organisations is merged with its neighbour.</summary>
    public static SignalLine QuarterLine(string productGroup, IReadOnlyList<DateOnly> quarters, IReadOnlyList<DemandItem> items)
    {
        var cells = new List<Bucket>();
        for (var index = 0; index < quarters.Count; index += 2)
        {
            var pair = quarters.Skip(index).Take(2).ToList();
            var parts = pair.Select(q => new Bucket(Tenders.Quarters.Label(q), [.. items.Where(i => i.QuarterStart == q)], 1)).ToList();
            if (parts.All(p => p.IsPublishable))
            {
                cells.AddRange(parts);
            }
            else
            {
                cells.Add(new Bucket(string.Join(" – ", parts.Select(p => p.Label)), [.. parts.SelectMany(p => p.Items)], parts.Count));
            }
        }

        return Line(productGroup, cells, items);
    }

    /// <summary>Devices per country over the eight quarters; countries from too few organisations are grouped as other countries.</summary>
    public static SignalLine CountryLine(string productGroup, IReadOnlyList<DemandItem> items)
    {
        var countries = items.GroupBy(i => i.Country).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Bucket(g.Key, [.. g], 1)).ToList();
        var shown = countries.Where(c => c.IsPublishable).ToList();
        var others = countries.Where(c => !c.IsPublishable).SelectMany(c => c.Items).ToList();
        if (others.Count > 0)
        {
            shown.Add(new Bucket(OtherCountries, others, 1));
        }

        return Line(productGroup, shown, items);
    }

    /// <summary>Devices that come with at least one criterion of each ambition level; a tender counts under each level it applies, so there is no total.</summary>
    public static SignalLine LevelLine(string productGroup, IReadOnlyList<DemandItem> items)
    {
        var cells = Enum.GetValues<AmbitionLevel>()
            .Select(level => new Bucket(level.ToString(), [.. items.Where(i => i.Levels.Contains(level))], 1).ToCell())
            .ToList();
        return new SignalLine(productGroup, cells, null);
    }

    private static SignalLine Line(string productGroup, List<Bucket> buckets, IReadOnlyList<DemandItem> all)
    {
        var cells = buckets.Select(b => b.ToCell()).ToList();
        long? total = Organisations(all) >= MinimumOrganisations ? all.Sum(i => (long)i.Devices) : null;
        if (total is not null && cells.Count(c => c.Suppressed) == 1)
        {
            // Complementary suppression: hide the smallest other non-empty figure, or else the total.
            var complement = cells.Select((cell, index) => (cell, index))
                .Where(x => x.cell.Devices is > 0)
                .OrderBy(x => x.cell.Devices)
                .Select(x => (int?)x.index)
                .FirstOrDefault();
            if (complement is { } index)
            {
                cells[index] = cells[index] with { Devices = null };
            }
            else
            {
                total = null;
            }
        }

        return new SignalLine(productGroup, cells, total);
    }

    private static int Organisations(IEnumerable<DemandItem> items) => items.Select(i => i.OrganisationId).Distinct().Count();

    private sealed record Bucket(string Label, IReadOnlyList<DemandItem> Items, int Span)
    {
        /// <summary>Empty, or built from enough organisations.</summary>
        public bool IsPublishable => Items.Count == 0 || Organisations(Items) >= MinimumOrganisations;

        public SignalCell ToCell() => new(Label, IsPublishable ? Items.Sum(i => (long)i.Devices) : null, Span);
    }
}
