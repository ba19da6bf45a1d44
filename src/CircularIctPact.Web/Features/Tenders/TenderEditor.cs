using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Procurers report and change their own organisation's tenders; every change is audited and guarded by the row version.</summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class TenderEditor(
    IDbContextFactory<PortalDbContext> contextFactory,
    TenderAccess access,
    AuditTrail audit,
    TenderSaves saves,
    TimeProvider clock)
{
    public const string EntityType = "Tender";

    /// <summary>Reports a new tender for the caller's own organisation; returns its id.</summary>
    public virtual async Task<Guid> CreateAsync(ClaimsPrincipal user, TenderForm form, CancellationToken cancellationToken = default)
    {
        var scope = await access.ScopeAsync(user, cancellationToken);
        var organisationId = scope.OwnOrganisationId
            ?? throw new ForbiddenException("Only procurers of a member organisation report tenders.");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groupId =
            await db.MemberOrganisations.Where(m => m.Id == organisationId).Select(m => m.BuyerGroupId).SingleAsync(cancellationToken);
        await EnsureProductGroupAsync(db, form.Details.ProductGroupId, cancellationToken);
        var now = clock.GetUtcNow();
        var tender = new Tender(organisationId, form.Details, user.RequiredUserId(), now);
        await ApplyAsync(db, tender, form, now, cancellationToken);
        db.Tenders.Add(tender);
        audit.Record(db, user, EntityType, tender.Id, groupId, "Created", $"Reported tender '{tender.Title}'", null, TenderSnapshot.Of(
            tender));
        await saves.SaveAsync(() => db.SaveChangesAsync(cancellationToken));
        return tender.Id;
    }

    /// <summary>Saves the form over the tender loaded at <paramref name="loadedVersion"/>; returns the new version.</summary>
    public virtual async Task<uint> UpdateAsync(
        ClaimsPrincipal user,
        Guid tenderId,
        uint loadedVersion,
        TenderForm form,
        CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireAsync(user, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var tender = await db.Tenders.SingleOrDefaultAsync(t => t.Id == tenderId, cancellationToken)
            ?? throw new NotFoundException("This tender does not exist.");
        var groupId = await db.MemberOrganisations
            .Where(m => m.Id == tender.MemberOrganisationId)
            .Select(m => m.BuyerGroupId)
            .SingleAsync(cancellationToken);
        if (!scope.CanManage(tender.MemberOrganisationId))
        {
            throw new ForbiddenException("Only procurers of the organisation that runs this tender can change it.");
        }

        if (tender.Version != loadedVersion)
        {
            throw new ConcurrencyConflictException(await TenderDirectory.LoadDetailsAsync(db, scope, tenderId, cancellationToken));
        }

        db.Entry(tender).ExpectVersion(loadedVersion);
        await EnsureProductGroupAsync(db, form.Details.ProductGroupId, cancellationToken);
        var before = TenderSnapshot.Of(tender);
        var now = clock.GetUtcNow();
        tender.Describe(form.Details, now);
        await ApplyAsync(db, tender, form, now, cancellationToken);
        audit.Record(db, user, EntityType, tender.Id, groupId, "Updated", $"Changed tender '{tender.Title}'", before, TenderSnapshot.Of(
            tender));
        // Lots and award live in their own tables: touching the tender row keeps its xmin guarding the whole edit.
        db.Entry(tender).State = EntityState.Modified;
        await saves.SaveAsync(() => db.SaveOrConflictAsync(
            async () => await TenderDirectory.LoadDetailsAsync(db, scope, tenderId, cancellationToken),
            cancellationToken));
        return tender.Version;
    }

    /// <summary>
    /// The criteria of one of the caller's saved shortlists that belong to a published version of
    /// <paramref name="productGroupId"/>: the version holding most of them, the rest reported as skipped.
    /// </summary>
    public virtual async Task<ShortlistCriteria> CriteriaFromShortlistAsync(
        ClaimsPrincipal user,
        Guid shortlistId,
        Guid productGroupId,
        CancellationToken cancellationToken = default)
    {
        var owner = user.RequiredUserId();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.SavedShortlists.AsNoTracking()
            .Where(s => s.Id == shortlistId && s.OwnerUserId == owner)
            .Select(s => s.CriterionIds)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("You have no saved shortlist like that.");
        var matches = await db.Criteria.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Join(
                db.CriteriaSets,
                c => c.CriteriaSetId,
                s => s.Id,
                (c, s) => new { c.Id, SetId = s.Id, s.ProductGroupId, s.Status, s.Number })
            .Where(x => x.ProductGroupId == productGroupId
                && (x.Status == CriteriaSetStatus.Published || x.Status == CriteriaSetStatus.Superseded))
            .ToListAsync(cancellationToken);
        var best = matches.GroupBy(m => m.SetId).OrderByDescending(g => g.Count()).FirstOrDefault()
            ?? throw new DomainException(
                TenderFields.Criteria,
                "None of the criteria in this shortlist belong to the tender's product group.");
        var chosen = best.Select(m => m.Id).ToHashSet();
        return new ShortlistCriteria(best.Key, best.First().Number.ToString(), [.. ids.Where(chosen.Contains)], ids.Count - chosen.Count);
    }

    private static async Task ApplyAsync(
        PortalDbContext db,
        Tender tender,
        TenderForm form,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        tender.SetLots(form.Lots, now);
        if (form.CriteriaSetId is { } setId && form.CriterionIds.Count > 0)
        {
            var set =
                await db.CriteriaSets.Include(s => s.Criteria).AsNoTracking().SingleOrDefaultAsync(s => s.Id == setId, cancellationToken)
                    ?? throw new DomainException(TenderFields.Criteria, "This criteria version does not exist.");
            tender.ApplyCriteria(set, form.CriterionIds, now);
        }
        else if (tender.CriterionIds.Count > 0)
        {
            tender.RemoveCriteria(now);
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (form.Status != tender.Status
            || (form.Status == TenderStatus.Published && form.ActualPublicationOn != tender.ActualPublicationOn)
            || form.Status == TenderStatus.Awarded)
        {
            tender.MoveTo(form.Status, form.ActualPublicationOn, form.Award, today, now);
        }
    }

    private static async Task EnsureProductGroupAsync(PortalDbContext db, Guid productGroupId, CancellationToken cancellationToken)
    {
        // No product group at all is one of the tender's own rules, reported with the form's other problems.
        if (productGroupId != Guid.Empty && !await db.ProductGroups.AnyAsync(g => g.Id == productGroupId, cancellationToken))
        {
            throw new DomainException(TenderFields.ProductGroup, "Choose the product group the tender buys.");
        }
    }
}

/// <summary>What the audit log keeps of a tender before and after a change.</summary>
internal sealed record TenderSnapshot(
    string Title, Guid ProductGroupId, TenderStatus Status, DateOnly PlannedPublicationOn, DateOnly? ActualPublicationOn,
    DateOnly? ContractStartOn, DateOnly? ContractEndOn, int? EstimatedQuantity, decimal? EstimatedValue, string? Currency,
    bool SharedInCalendar, Guid? CriteriaSetId, int Criteria, int Lots, string? Supplier, int? AwardedQuantity, decimal? UnitPrice)
{
    public static TenderSnapshot Of(Tender t) => new(
        t.Title, t.ProductGroupId, t.Status, t.PlannedPublicationOn, t.ActualPublicationOn, t.ContractStartOn, t.ContractEndOn,
        t.EstimatedQuantity, t.EstimatedValue, t.Currency, t.SharedInCalendar, t.CriteriaSetId, t.CriterionIds.Count, t.Lots.Count,
        t.Award?.SupplierName, t.Award?.AwardedQuantity, t.Award?.UnitPrice);
}
