using System.Security.Claims;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Reads tenders within the caller's <see cref="TenderScope"/>: lists with filters, one tender, export rows.</summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class TenderDirectory(IDbContextFactory<PortalDbContext> contextFactory, TenderAccess access)
{
    /// <summary>Tenders per page of the list; a secretariat admin sees every tender of the pact.</summary>
    public const int PageSize = 50;

    /// <summary>Every tender matching the filters, for the exports.</summary>
    public async Task<IReadOnlyList<TenderRow>> ListAsync(
        ClaimsPrincipal user,
        TenderQuery query,
        CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireAsync(user, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var tenders = await FilteredAsync(db, scope, query, cancellationToken);
        return await RowsAsync(db, Ordered(tenders), cancellationToken);
    }

    /// <summary>One page of the tenders matching the filters; a page past the end shows the last page.</summary>
    public async Task<TenderPage> PageAsync(
        ClaimsPrincipal user,
        TenderQuery query,
        int page,
        CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireAsync(user, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var tenders = await FilteredAsync(db, scope, query, cancellationToken);
        var total = await tenders.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var shown = Math.Clamp(page, 1, pageCount);
        var rows = await RowsAsync(db, Ordered(tenders).Skip((shown - 1) * PageSize).Take(PageSize), cancellationToken);
        return new TenderPage(rows, total, shown, pageCount);
    }

    private static async Task<IQueryable<ScopedTender>> FilteredAsync(
        PortalDbContext db,
        TenderScope scope,
        TenderQuery query,
        CancellationToken cancellationToken)
    {
        var tenders = Visible(db, scope);
        if (query.BuyerGroupId is { } group)
        {
            var ownGroup = await db.MemberOrganisations
                .Where(m => m.Id == scope.OwnOrganisationId)
                .Select(m => (Guid?)m.BuyerGroupId)
                .SingleOrDefaultAsync(cancellationToken);
            if (!scope.All && !scope.GroupIds.Contains(group) && ownGroup != group)
            {
                throw new ForbiddenException("You can only see the tenders of the buyer groups you coordinate.");
            }

            tenders = tenders.Where(x => x.Organisation.BuyerGroupId == group);
        }

        if (query.Status is { } status)
        {
            tenders = tenders.Where(x => x.Tender.Status == status);
        }

        if (query.ProductGroupId is { } productGroup)
        {
            tenders = tenders.Where(x => x.Tender.ProductGroupId == productGroup);
        }

        if (query.Year is { } year)
        {
            tenders = tenders.Where(x => (x.Tender.ActualPublicationOn ?? x.Tender.PlannedPublicationOn).Year == year);
        }

        return tenders;
    }

    private static IQueryable<ScopedTender> Ordered(IQueryable<ScopedTender> tenders) =>
        tenders.OrderBy(x => x.Tender.PlannedPublicationOn).ThenBy(x => x.Tender.Title).ThenBy(x => x.Tender.Id);

    private static async Task<IReadOnlyList<TenderRow>> RowsAsync(
        PortalDbContext db,
        IQueryable<ScopedTender> tenders,
        CancellationToken cancellationToken)
    {
        var groupNames = await ProductGroupNames.ReadAsync(db, CriteriaLanguageChoice.From(null), cancellationToken);
        var rows = await tenders
            .Select(x => new
            {
                x.Tender.Id,
                x.Tender.Title,
                Organisation = x.Organisation.LegalName,
                BuyerGroup = db.BuyerGroups.Where(g => g.Id == x.Organisation.BuyerGroupId).Select(g => g.Name).First(),
                x.Tender.ProductGroupId,
                x.Tender.Status,
                x.Tender.PlannedPublicationOn,
                x.Tender.ActualPublicationOn,
                x.Tender.ContractStartOn,
                x.Tender.ContractEndOn,
                x.Tender.EstimatedQuantity,
                x.Tender.EstimatedValue,
                x.Tender.Currency,
                CriteriaVersion = db.CriteriaSets.Where(s => s.Id == x.Tender.CriteriaSetId).Select(s => s.Number).FirstOrDefault(),
                x.Tender.CriterionIds,
                x.Tender.SharedInCalendar,
                x.Tender.Award,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TenderRow(
                r.Id,
                r.Title,
                r.Organisation,
                r.BuyerGroup,
                groupNames.GetValueOrDefault(r.ProductGroupId, "?"),
                r.Status,
                r.PlannedPublicationOn,
                r.ActualPublicationOn,
                r.ContractStartOn,
                r.ContractEndOn,
                r.EstimatedQuantity,
                r.EstimatedValue,
                r.Currency,
                r.CriteriaVersion?.ToString(),
                r.CriterionIds.Count,
                r.SharedInCalendar,
                r.Award?.SupplierName,
                r.Award?.DeviceModels,
                r.Award?.AwardedQuantity,
                r.Award?.UnitPrice,
                r.Award?.WarrantyYears,
                r.Award?.ExpectedYearsOfUse,
                r.Award?.TakeBackAgreed))
            .ToList();
    }

    /// <summary>One tender; <see cref="ForbiddenException"/> when it is outside the caller's scope.</summary>
    public virtual async Task<TenderDetailsView> GetAsync(
        ClaimsPrincipal user,
        Guid tenderId,
        CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireAsync(user, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await LoadDetailsAsync(db, scope, tenderId, cancellationToken);
    }

    /// <summary>The buyer groups the caller may filter the list by.</summary>
    public async Task<IReadOnlyList<BuyerGroupOption>> GroupsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireAsync(user, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ownGroup = db.MemberOrganisations.Where(m => m.Id == scope.OwnOrganisationId).Select(m => m.BuyerGroupId);
        return await db.BuyerGroups.AsNoTracking()
            .Where(g => scope.All || scope.GroupIds.Contains(g.Id) || ownGroup.Contains(g.Id))
            .OrderBy(g => g.Name)
            .Select(g => new BuyerGroupOption(g.Id, g.Name))
            .ToListAsync(cancellationToken);
    }

    public virtual async Task<IReadOnlyList<ProductGroupOption>> ProductGroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var language = CriteriaLanguageChoice.From(null);
        var groups = await db.ProductGroups.AsNoTracking().ToListAsync(cancellationToken);
        return groups.Select(g => new ProductGroupOption(g.Id, g.Slug, g.NameIn(language)))
            .OrderBy(g => g.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    internal static async Task<TenderDetailsView> LoadDetailsAsync(
        PortalDbContext db,
        TenderScope scope,
        Guid tenderId,
        CancellationToken cancellationToken)
    {
        var found = await db.Tenders.AsNoTracking()
            .Where(t => t.Id == tenderId)
            .Join(db.MemberOrganisations, t => t.MemberOrganisationId, m => m.Id, (t, m) => new { Tender = t, Organisation = m })
            .Join(db.BuyerGroups, x => x.Organisation.BuyerGroupId, g => g.Id, (x, g) => new { x.Tender, x.Organisation, Group = g })
            .Select(x => new
            {
                x.Tender,
                OrganisationName = x.Organisation.LegalName,
                x.Organisation.BuyerGroupId,
                GroupName = x.Group.Name,
                CriteriaVersion = db.CriteriaSets.Where(s => s.Id == x.Tender.CriteriaSetId).Select(s => s.Number).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This tender does not exist.");
        var tender = found.Tender;
        if (!scope.CanRead(tender.MemberOrganisationId, found.BuyerGroupId))
        {
            throw new ForbiddenException("You can only see the tenders of your own organisation or of the buyer groups you coordinate.");
        }

        var canEdit = scope.CanManage(tender.MemberOrganisationId);
        IReadOnlyList<TenderInterestView> interests = canEdit || scope.All || scope.GroupIds.Contains(found.BuyerGroupId)
            ? await db.TenderInterests.AsNoTracking()
                .Where(i => i.TenderId == tenderId)
                .OrderBy(i => i.CreatedAt)
                .Select(i => new TenderInterestView(
                    i.Id,
                    db.MemberOrganisations.Where(m => m.Id == i.MemberOrganisationId).Select(m => m.LegalName).First(),
                    db.Users.Where(u => u.Id == i.UserId).Select(u => u.DisplayName).First(),
                    db.Users.Where(u => u.Id == i.UserId).Select(u => u.Email).First(),
                    i.Kind,
                    i.Note,
                    i.CreatedAt))
                .ToListAsync(cancellationToken)
            : [];
        var productGroups = await ProductGroupNames.ReadAsync(db, CriteriaLanguageChoice.From(null), cancellationToken);
        var award = tender.Award is { } a
            ? new TenderAwardDetails(
                a.AwardedOn,
                a.SupplierName,
                a.DeviceModels,
                a.AwardedQuantity,
                a.UnitPrice,
                a.WarrantyYears,
                a.ExpectedYearsOfUse,
                a.TakeBackAgreed)
            : null;
        return new TenderDetailsView(
            tender.Id, tender.MemberOrganisationId, found.OrganisationName, found.BuyerGroupId, found.GroupName,
            tender.ProductGroupId, productGroups.GetValueOrDefault(tender.ProductGroupId, "?"), tender.Title, tender.Status,
            tender.PlannedPublicationOn, tender.ActualPublicationOn, tender.ContractStartOn, tender.ContractEndOn,
            tender.EstimatedQuantity, tender.EstimatedValue, tender.Currency, tender.SharedInCalendar,
            tender.CriteriaSetId, found.CriteriaVersion?.ToString(), [.. tender.CriterionIds],
            [.. tender.Lots.OrderBy(l => l.Number).Select(l => new TenderLotDetails(l.Title, l.Quantity))],
            award, tender.Version, canEdit, interests);
    }

    private static IQueryable<ScopedTender> Visible(PortalDbContext db, TenderScope scope)
    {
        var groupIds = scope.GroupIds.ToList();
        return db.Tenders.AsNoTracking()
            .Join(
                db.MemberOrganisations,
                t => t.MemberOrganisationId,
                m => m.Id,
                (t, m) => new ScopedTender { Tender = t, Organisation = m })
            .Where(x => scope.All || x.Organisation.Id == scope.OwnOrganisationId || groupIds.Contains(x.Organisation.BuyerGroupId));
    }

    private sealed class ScopedTender
    {
        public required Tender Tender { get; init; }

        public required Domain.Members.MemberOrganisation Organisation { get; init; }
    }
}
