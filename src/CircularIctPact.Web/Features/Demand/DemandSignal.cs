using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
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

/// <summary>A criterion as the demand signal names it.</summary>
public sealed record DemandCriterion(Guid Id, string Code, AmbitionLevel Level, string Title);

/// <summary>Whose demand a report shows: one buyer group (its name), or all the caller's groups, the whole pact for the
/// secretariat; optionally narrowed to one country (its ISO code).</summary>
public sealed record DemandScope(string? BuyerGroup, bool PactWide, string? Country);

/// <summary>The demand dashboard: who it covers, the quarters, and the tables the charts are drawn from.</summary>
public sealed record DemandReport(
    DemandScope Scope,
    IReadOnlyList<string> Quarters,
    IReadOnlyList<string> Countries,
    IReadOnlyList<DemandLine> Lines,
    IReadOnlyList<CountryDemand> ByCountry,
    IReadOnlyList<LevelDemand> ByLevel,
    IReadOnlyList<CriterionDemand> ByCriterion)
{
    /// <summary>When the pact-wide tenders were read (they are kept for up to a minute); null for figures read just now.</summary>
    public DateTimeOffset? ReadAt { get; init; }
}

/// <summary>
/// Planned demand for coordinators (their buyer groups) and the secretariat (pact-wide, per country):
/// devices per product group per quarter for the next eight quarters, from planned and published tenders.
/// </summary>
public sealed class DemandSignal(
    IDbContextFactory<PortalDbContext> contextFactory,
    BuyerGroupAccess access,
    PactWideDemand pactWide,
    TimeProvider clock)
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
        var first = Quarters.StartOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

        // The names are read on pooled contexts of their own while the tenders are read.
        var productGroups = contextFactory.ReadAsync(
            db => ProductGroupNames.ReadAsync(db, CriteriaLanguageChoice.From(null), cancellationToken),
            cancellationToken);
        var groupName = query.BuyerGroupId is { } id
            ? contextFactory.ReadAsync(
                db => db.BuyerGroups.Where(g => g.Id == id).Select(g => (string?)g.Name).SingleAsync(cancellationToken),
                cancellationToken)
            : Task.FromResult<string?>(null);
        var figures = groups is null
            ? pactWide.LoadAsync(first, query.Country, withCriteria: true, cancellationToken)
            : contextFactory.ReadAsync(
                db => DemandFigures.LoadAsync(db, groups, query.Country, first, withCriteria: true, cancellationToken),
                cancellationToken);
        await Task.WhenAll(productGroups, groupName, figures);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var criteria =
            await CriteriaAsync(db, [.. (await figures).ProductGroups.SelectMany(g => g.Criteria.Keys).Distinct()], cancellationToken);
        var scope = new DemandScope(
            await groupName,
            PactWide: groups is null,
            string.IsNullOrWhiteSpace(query.Country) ? null : query.Country.Trim().ToUpperInvariant());
        return Aggregate(scope, first, await figures, criteria, await productGroups);
    }

    /// <summary>The dashboard's tables, named and ordered, from the figures summed per cell.</summary>
    private static DemandReport Aggregate(
        DemandScope scope,
        DateOnly firstQuarter,
        DemandFigures figures,
        IReadOnlyDictionary<Guid, DemandCriterion> criteria,
        IReadOnlyDictionary<Guid, string> productGroups)
    {
        var quarters = Tenders.Quarters.Next(firstQuarter, DemandFigures.QuarterCount);
        string Name(Guid id) => productGroups.GetValueOrDefault(id, "?");
        var lines = figures.ProductGroups
            .Select(g => new DemandLine(
                Name(g.ProductGroupId),
                [.. g.Quarters.Select(q => Devices(q.Devices))],
                Devices(g.Total.Devices),
                g.Total.Tenders,
                g.Total.Organisations))
            .OrderBy(l => l.ProductGroup, StringComparer.CurrentCulture)
            .ToList();
        var byCountry = figures.ProductGroups
            .SelectMany(g => g.Countries.Select(
                c => new CountryDemand(c.Key, Name(g.ProductGroupId), Devices(c.Value.Devices), c.Value.Organisations)))
            .OrderBy(c => c.Country, StringComparer.Ordinal).ThenBy(c => c.ProductGroup, StringComparer.CurrentCulture)
            .ToList();
        var byLevel = figures.ProductGroups
            .SelectMany(g => g.Levels.Select(l => new LevelDemand(Name(g.ProductGroupId), l.Key, Devices(l.Value.Devices))))
            .OrderBy(l => l.ProductGroup, StringComparer.CurrentCulture).ThenBy(l => l.Level)
            .ToList();
        var byCriterion = figures.ProductGroups
            .SelectMany(g => g.Criteria
                .Where(c => criteria.ContainsKey(c.Key))
                .Select(c => (ProductGroup: Name(g.ProductGroupId), Criterion: criteria[c.Key], Devices: Devices(c.Value))))
            .Select(x => new CriterionDemand(x.ProductGroup, x.Criterion.Code, x.Criterion.Title, x.Criterion.Level, x.Devices))
            .OrderBy(c => c.ProductGroup, StringComparer.CurrentCulture)
            .ThenByDescending(c => c.Devices)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new DemandReport(scope, [
            .. quarters.Select(Tenders.Quarters.Label),
        ], figures.Countries, lines, byCountry, byLevel, byCriterion)
        { ReadAt = figures.ReadAt };
    }

    /// <summary>Code, ambition level and title (in the interface language, else the source language) of the given criteria.</summary>
    private static async Task<Dictionary<Guid, DemandCriterion>> CriteriaAsync(
        PortalDbContext db,
        List<Guid> ids,
        CancellationToken cancellationToken)
    {
        var language = CriteriaLanguageChoice.From(null);
        var criteria = await db.Criteria.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Code,
                c.AmbitionLevel,
                Titles = c.Texts
                    .Where(t => t.Language == language || t.Language == CriteriaLanguages.Source)
                    .Select(t => new { t.Language, t.Title })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        return criteria.ToDictionary(
            c => c.Id,
            c => new DemandCriterion(
                c.Id,
                c.Code.ToString(),
                c.AmbitionLevel,
                (c.Titles.FirstOrDefault(t => t.Language == language) ?? c.Titles.First()).Title));
    }

    private static int Devices(long devices) => checked((int)devices);

    /// <summary>The dashboard's tables as one CSV file (one block per table).</summary>
    public async Task<byte[]> CsvAsync(ClaimsPrincipal user, DemandQuery query, CancellationToken cancellationToken = default)
    {
        var report = await GetAsync(user, query, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        string Table(string name) => OutgoingText.In(culture, name);
        var blanks = Enumerable.Repeat<string?>(null, report.Quarters.Count).ToList();
        var rows = new List<IReadOnlyList<string?>>();
        rows.AddRange(report.Lines.Select(l => (IReadOnlyList<string?>)
            [Table("Devices per quarter"), l.ProductGroup, null, .. l.Devices.Select(Number), Number(l.Total)]));
        rows.AddRange(report.ByCountry.Select(c => (IReadOnlyList<string?>)
            [Table("Devices per country"), c.ProductGroup, CountryNames.Of(c.Country), .. blanks, Number(c.Devices)]));
        rows.AddRange(report.ByLevel.Select(l => (IReadOnlyList<string?>)
            [Table("Devices per ambition level"), l.ProductGroup, OutgoingText.In(culture, CriteriaLabels.Level(l.Level)), .. blanks,
                Number(l.Devices)]));
        rows.AddRange(report.ByCriterion.Select(c => (IReadOnlyList<string?>)
            [Table("Devices per criterion"), c.ProductGroup, $"{c.Code} {c.Title}", .. blanks, Number(c.Devices)]));
        return CsvFile.Write([Table("Table"), Table("Product group"), Table("Detail"), .. report.Quarters, Table("Total")], rows);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
