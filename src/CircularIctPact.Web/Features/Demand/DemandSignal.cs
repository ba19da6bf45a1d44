using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Members;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>What the dashboard is asked for: one of the caller's groups or all of them, and optionally one country.</summary>
public sealed record DemandQuery(Guid? BuyerGroupId = null, string? Country = null);

/// <summary>Devices of one product group per quarter, with the row total.</summary>
public sealed record DemandLine(string ProductGroup, IReadOnlyList<int> Devices, int Total, int Tenders, int Organisations);

/// <summary>Devices per product group in one country over the eight quarters.</summary>
public sealed record CountryDemand(string Country, string ProductGroup, int Devices, int Organisations);

/// <summary>How many planned devices come with a criterion or an ambition level.</summary>
public sealed record CriterionDemand(string ProductGroup, string Code, string Title, AmbitionLevel Level, int Devices);

public sealed record LevelDemand(string ProductGroup, AmbitionLevel Level, int Devices);

/// <summary>The demand dashboard: who it covers, the quarters, and the tables the charts are drawn from.</summary>
public sealed record DemandReport(
    string Scope,
    IReadOnlyList<string> Quarters,
    IReadOnlyList<string> Countries,
    IReadOnlyList<DemandLine> Lines,
    IReadOnlyList<CountryDemand> ByCountry,
    IReadOnlyList<LevelDemand> ByLevel,
    IReadOnlyList<CriterionDemand> ByCriterion);

/// <summary>
/// Planned demand for coordinators (their buyer groups) and the secretariat (pact-wide, per country):
/// devices per product group per quarter for the next eight quarters, from planned and published tenders.
/// </summary>
public sealed class DemandSignal(IDbContextFactory<PortalDbContext> contextFactory, BuyerGroupAccess access, TimeProvider clock)
{
    public async Task<DemandReport> GetAsync(ClaimsPrincipal user, DemandQuery query, CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleGroupIdsAsync(user, cancellationToken);
        if (visible.Count == 0)
        {
            throw new ForbiddenException("The demand dashboard is for buyer-group coordinators and the pact secretariat.");
        }

        if (query.BuyerGroupId is { } group && !visible.Contains(group))
        {
            throw new ForbiddenException("You can only see the demand of the buyer groups you coordinate.");
        }

        IReadOnlyList<Guid>? groups = query.BuyerGroupId is { } chosen ? [chosen] : user.IsSecretariat() ? null : visible;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var first = Quarters.StartOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var (items, criteria) = await DemandItems.LoadAsync(db, groups, first, cancellationToken);
        var productGroups = await TenderDirectory.ProductGroupNamesAsync(db, cancellationToken);
        var scopeName = query.BuyerGroupId is { } id
            ? await db.BuyerGroups.Where(g => g.Id == id).Select(g => g.Name).SingleAsync(cancellationToken)
            : user.IsSecretariat() ? "Pact-wide" : "My buyer groups";
        var countries = items.Select(i => i.Country).Distinct().Order(StringComparer.Ordinal).ToList();
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            items = [.. items.Where(i => string.Equals(i.Country, query.Country, StringComparison.OrdinalIgnoreCase))];
            scopeName += " · " + query.Country.ToUpperInvariant();
        }

        return Aggregate(scopeName, first, items, criteria, productGroups, countries);
    }

    /// <summary>The dashboard's figures from demand items; public so its arithmetic can be tested on crafted data.</summary>
    public static DemandReport Aggregate(
        string scope, DateOnly firstQuarter, IReadOnlyList<DemandItem> items, IReadOnlyDictionary<Guid, DemandCriterion> criteria,
        IReadOnlyDictionary<Guid, string> productGroups, IReadOnlyList<string> countries)
    {
        var quarters = Tenders.Quarters.Next(firstQuarter, DemandItems.QuarterCount);
        string Name(Guid id) => productGroups.GetValueOrDefault(id, "?");
        var lines = items.GroupBy(i => i.ProductGroupId)
            .Select(g => new DemandLine(
                Name(g.Key),
                [.. quarters.Select(q => g.Where(i => i.QuarterStart == q).Sum(i => i.Devices))],
                g.Sum(i => i.Devices),
                g.Select(i => i.TenderId).Distinct().Count(),
                g.Select(i => i.OrganisationId).Distinct().Count()))
            .OrderBy(l => l.ProductGroup, StringComparer.CurrentCulture)
            .ToList();
        var byCountry = items.GroupBy(i => (i.Country, i.ProductGroupId))
            .Select(g => new CountryDemand(g.Key.Country, Name(g.Key.ProductGroupId), g.Sum(i => i.Devices), g.Select(i => i.OrganisationId).Distinct().Count()))
            .OrderBy(c => c.Country, StringComparer.Ordinal).ThenBy(c => c.ProductGroup, StringComparer.CurrentCulture)
            .ToList();
        var byLevel = items.SelectMany(i => i.Levels.Select(level => (i.ProductGroupId, Level: level, i.Devices)))
            .GroupBy(x => (x.ProductGroupId, x.Level))
            .Select(g => new LevelDemand(Name(g.Key.ProductGroupId), g.Key.Level, g.Sum(x => x.Devices)))
            .OrderBy(l => l.ProductGroup, StringComparer.CurrentCulture).ThenBy(l => l.Level)
            .ToList();
        var byCriterion = items.SelectMany(i => i.CriterionIds.Select(id => (i.ProductGroupId, Criterion: criteria[id], i.Devices)))
            .GroupBy(x => (x.ProductGroupId, x.Criterion.Id))
            .Select(g => new CriterionDemand(Name(g.Key.ProductGroupId), g.First().Criterion.Code, g.First().Criterion.Title, g.First().Criterion.Level, g.Sum(x => x.Devices)))
            .OrderBy(c => c.ProductGroup, StringComparer.CurrentCulture).ThenByDescending(c => c.Devices).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new DemandReport(scope, [.. quarters.Select(Tenders.Quarters.Label)], countries, lines, byCountry, byLevel, byCriterion);
    }

    /// <summary>The dashboard's tables as one CSV file (one block per table).</summary>
    public async Task<byte[]> CsvAsync(ClaimsPrincipal user, DemandQuery query, CancellationToken cancellationToken = default)
    {
        var report = await GetAsync(user, query, cancellationToken);
        var blanks = Enumerable.Repeat<string?>(null, report.Quarters.Count).ToList();
        var rows = new List<IReadOnlyList<string?>>();
        rows.AddRange(report.Lines.Select(l => (IReadOnlyList<string?>)["devices per quarter", l.ProductGroup, null, .. l.Devices.Select(Number), Number(l.Total)]));
        rows.AddRange(report.ByCountry.Select(c => (IReadOnlyList<string?>)["devices per country", c.ProductGroup, c.Country, .. blanks, Number(c.Devices)]));
        rows.AddRange(report.ByLevel.Select(l => (IReadOnlyList<string?>)["devices per ambition level", l.ProductGroup, l.Level.ToString(), .. blanks, Number(l.Devices)]));
        rows.AddRange(report.ByCriterion.Select(c => (IReadOnlyList<string?>)["devices per criterion", c.ProductGroup, $"{c.Code} {c.Title}", .. blanks, Number(c.Devices)]));
        return CsvFile.Write(["table", "product group", "detail", .. report.Quarters, "total"], rows);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
