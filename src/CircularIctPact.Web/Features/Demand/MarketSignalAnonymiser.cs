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
/// Turns demand figures summed per cell into figures no organisation's plans can be read from. The rule, also shown on the public page:
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

    public static MarketSignalFigures Build(DateOnly firstQuarter, DemandFigures demand, IReadOnlyDictionary<Guid, string> productGroups)
    {
        var quarters = Tenders.Quarters.Next(firstQuarter, DemandFigures.QuarterCount);
        if (demand.All.Organisations < MinimumOrganisations)
        {
            return new MarketSignalFigures([.. quarters.Select(Tenders.Quarters.Label)], [], [], [], demand.All.Organisations, 0);
        }

        var byProductGroup = demand.ProductGroups
            .Select(g => (Name: productGroups.GetValueOrDefault(g.ProductGroupId, "?"), Demand: g))
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        var byQuarter = byProductGroup.Select(g => QuarterLine(g.Name, quarters, g.Demand)).ToList();
        var byCountry = byProductGroup.Select(g => CountryLine(g.Name, g.Demand)).ToList();
        var byLevel = byProductGroup.Select(g => LevelLine(g.Name, g.Demand)).ToList();
        return new MarketSignalFigures(
            [.. quarters.Select(Tenders.Quarters.Label)],
            byQuarter,
            byCountry,
            byLevel,
            demand.All.Organisations,
            demand.All.Tenders);
    }

    /// <summary>Devices per quarter; a quarter from too few organisations is merged with its neighbour.</summary>
    public static SignalLine QuarterLine(string productGroup, IReadOnlyList<DateOnly> quarters, ProductGroupDemand demand)
    {
        var cells = new List<Bucket>();
        for (var index = 0; index < quarters.Count; index += 2)
        {
            var parts = Enumerable.Range(index, Math.Min(2, quarters.Count - index))
                .Select(i => new Bucket(Tenders.Quarters.Label(quarters[i]), demand.Quarters[i], 1))
                .ToList();
            if (parts.All(p => p.IsPublishable))
            {
                cells.AddRange(parts);
            }
            else
            {
                cells.Add(new Bucket(string.Join(" – ", parts.Select(p => p.Label)), demand.HalfYears[index / 2], parts.Count));
            }
        }

        return Line(productGroup, cells, demand.Total);
    }

    /// <summary>Devices per country over the eight quarters; countries from too few organisations are grouped as other countries.</summary>
    public static SignalLine CountryLine(string productGroup, ProductGroupDemand demand)
    {
        var countries = demand.Countries.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new Bucket(c.Key, c.Value, 1)).ToList();
        var shown = countries.Where(c => c.IsPublishable).ToList();
        var others = countries.Where(c => !c.IsPublishable).Select(c => c.Cell).ToList();
        if (others.Count > 0)
        {
            // An organisation has one country, so the organisations of different countries add up without overlap.
            shown.Add(new Bucket(
                OtherCountries,
                new DemandCell(others.Sum(c => c.Devices), others.Sum(c => c.Organisations), others.Sum(c => c.Tenders)),
                1));
        }

        return Line(productGroup, shown, demand.Total);
    }

    /// <summary>
    /// Devices that come with at least one criterion of each ambition level; a tender counts under each level it applies, so there is no
    /// total.
    /// </summary>
    public static SignalLine LevelLine(string productGroup, ProductGroupDemand demand)
    {
        var cells = Enum.GetValues<AmbitionLevel>()
            .Select(level => new Bucket(level.ToString(), demand.Levels.GetValueOrDefault(level, DemandCell.Empty), 1).ToCell())
            .ToList();
        return new SignalLine(productGroup, cells, null);
    }

    private static SignalLine Line(string productGroup, List<Bucket> buckets, DemandCell all)
    {
        var cells = buckets.Select(b => b.ToCell()).ToList();
        long? total = all.Organisations >= MinimumOrganisations ? all.Devices : null;
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

    private sealed record Bucket(string Label, DemandCell Cell, int Span)
    {
        /// <summary>Empty, or built from enough organisations.</summary>
        public bool IsPublishable => Cell.IsEmpty || Cell.Organisations >= MinimumOrganisations;

        public SignalCell ToCell() => new(Label, IsPublishable ? Cell.Devices : null, Span);
    }
}
