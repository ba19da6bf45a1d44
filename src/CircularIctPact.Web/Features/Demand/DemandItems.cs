using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Criteria;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>
/// One tender's planned devices, placed in the quarter of its demand date: the contract start when known,
/// otherwise the actual, else the planned publication date.
/// </summary>
public sealed record DemandItem(
    Guid TenderId,
    Guid OrganisationId,
    Guid BuyerGroupId,
    string Country,
    Guid ProductGroupId,
    DateOnly QuarterStart,
    int Devices,
    IReadOnlySet<AmbitionLevel> Levels,
    IReadOnlyList<Guid> CriterionIds);

/// <summary>A criterion as the demand signal names it.</summary>
public sealed record DemandCriterion(Guid Id, string Code, AmbitionLevel Level, string Title);

/// <summary>Loads the planned and published tenders of the next eight quarters as <see cref="DemandItem"/>s.</summary>
public static class DemandItems
{
    public const int QuarterCount = 8;

    /// <summary>Label used when a buyer group's signatory has no country (e.g. an international signatory).</summary>
    public const string NoCountry = "—";

    public static async Task<(IReadOnlyList<DemandItem> Items, IReadOnlyDictionary<Guid, DemandCriterion> Criteria)> LoadAsync(
        PortalDbContext db, IReadOnlyList<Guid>? buyerGroupIds, DateOnly firstQuarter, CancellationToken cancellationToken)
    {
        var end = firstQuarter.AddMonths(3 * QuarterCount);
        var groupIds = buyerGroupIds?.ToList();
        var rows = await db.Tenders.AsNoTracking()
            .Where(t => (t.Status == TenderStatus.Planned || t.Status == TenderStatus.Published) && t.EstimatedQuantity > 0)
            .Select(t => new { Tender = t, Date = t.ContractStartOn ?? t.ActualPublicationOn ?? t.PlannedPublicationOn })
            .Where(x => x.Date >= firstQuarter && x.Date < end)
            .Join(db.MemberOrganisations, x => x.Tender.MemberOrganisationId, m => m.Id, (x, m) => new { x.Tender, x.Date, m.BuyerGroupId })
            .Where(x => groupIds == null || groupIds.Contains(x.BuyerGroupId))
            .Join(db.BuyerGroups, x => x.BuyerGroupId, g => g.Id, (x, g) => new { x.Tender, x.Date, x.BuyerGroupId, g.SignatoryId })
            .Join(db.Signatories, x => x.SignatoryId, s => s.Id, (x, s) => new
            {
                x.Tender.Id,
                x.Tender.MemberOrganisationId,
                x.BuyerGroupId,
                s.CountryCode,
                x.Tender.ProductGroupId,
                x.Date,
                Quantity = x.Tender.EstimatedQuantity!.Value,
                x.Tender.CriterionIds,
            })
            .ToListAsync(cancellationToken);
        var criterionIds = rows.SelectMany(r => r.CriterionIds).Distinct().ToList();
        var language = CriteriaLanguageChoice.From(null);
        var criteria = await db.Criteria.AsNoTracking()
            .Where(c => criterionIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Code,
                c.AmbitionLevel,
                Titles = c.Texts.Where(t => t.Language == language || t.Language == CriteriaLanguages.Source).Select(t => new { t.Language, t.Title }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var byId = criteria.ToDictionary(
            c => c.Id,
            c => new DemandCriterion(c.Id, c.Code.ToString(), c.AmbitionLevel, (c.Titles.FirstOrDefault(t => t.Language == language) ?? c.Titles.First()).Title));
        var items = rows.Select(r => new DemandItem(
                r.Id, r.MemberOrganisationId, r.BuyerGroupId, r.CountryCode?.Value ?? NoCountry, r.ProductGroupId, Quarters.StartOf(r.Date), r.Quantity,
                r.CriterionIds.Where(byId.ContainsKey).Select(id => byId[id].Level).ToHashSet(),
                [.. r.CriterionIds.Where(byId.ContainsKey)]))
            .ToList();
        return (items, byId);
    }
}
