using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using CircularIctPact.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Filters of the collective tender calendar; <see cref="Quarter"/> is "2027-Q1"; <see cref="Page"/> counts from 1.</summary>
public sealed record CalendarQuery(Guid? BuyerGroupId = null, Guid? ProductGroupId = null, string? Quarter = null, int Page = 1);

/// <summary>
/// One page of the calendar, soonest planned publication first; <see cref="CanMarkInterest"/> when the caller belongs to
/// a member organisation.
/// </summary>
public sealed record CalendarPage(IReadOnlyList<CalendarEntry> Entries, int Total, int Page, int PageCount, bool CanMarkInterest);

/// <summary>A shared, planned tender in the calendar, with the caller's own interest if any.</summary>
public sealed record CalendarEntry(
    Guid TenderId,
    string Title,
    string Organisation,
    string BuyerGroup,
    string Country,
    string ProductGroup,
    DateOnly PlannedPublicationOn,
    DateOnly? ContractStartOn,
    int? EstimatedQuantity,
    int CriteriaCount,
    int InterestCount,
    bool IsOwn,
    TenderInterestKind? MyInterest,
    string? MyNote);

/// <summary>
/// The collective tender calendar: planned tenders their owners chose to share, for people on the buying
/// side of the pact (never stakeholders or visitors). Members mark interest to join or align timing; the procurers of
/// the tender's organisation are told, and nobody else learns who is interested.
/// </summary>
public sealed class TenderCalendar(
    IDbContextFactory<PortalDbContext> contextFactory,
    INotificationPublisher notifications,
    AuditTrail audit,
    TimeProvider clock)
{
    private const string InterestEntity = "TenderInterest";

    /// <summary>Marking interest in a tender of the calendar.</summary>
    public static readonly FormField InterestField = new("Interest");

    /// <summary>Shared tenders per page: a pact-wide calendar can hold thousands.</summary>
    public const int PageSize = 20;

    public async Task<CalendarPage> ListAsync(ClaimsPrincipal user, CalendarQuery query, CancellationToken cancellationToken = default)
    {
        var userId = EnsureBuyerSide(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ownOrganisation = await OwnOrganisationAsync(db, userId, cancellationToken);
        var productGroups = await ProductGroupNames.ReadAsync(db, CriteriaLanguageChoice.From(null), cancellationToken);
        // The organisations are joined to the page's rows only: counting thousands of shared tenders needs them only to filter
        // by buyer group, which asks for each tender's organisation rather than joining every one.
        var tenders = db.Tenders.AsNoTracking().Where(t => t.SharedInCalendar && t.Status == TenderStatus.Planned);
        if (query.BuyerGroupId is { } group)
        {
            tenders = tenders.Where(t => db.MemberOrganisations.Any(m => m.Id == t.MemberOrganisationId && m.BuyerGroupId == group));
        }

        if (query.ProductGroupId is { } productGroup)
        {
            tenders = tenders.Where(t => t.ProductGroupId == productGroup);
        }

        if (Quarters.TryParse(query.Quarter, out var from))
        {
            var to = from.AddMonths(3);
            tenders = tenders.Where(t => t.PlannedPublicationOn >= from && t.PlannedPublicationOn < to);
        }

        var total = await tenders.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await tenders
            .OrderBy(t => t.PlannedPublicationOn).ThenBy(t => t.Title).ThenBy(t => t.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Join(db.MemberOrganisations, t => t.MemberOrganisationId, m => m.Id, (t, m) => new { Tender = t, Organisation = m })
            .Select(x => new
            {
                x.Tender.Id,
                x.Tender.Title,
                Organisation = x.Organisation.LegalName,
                OrganisationId = x.Organisation.Id,
                BuyerGroup = db.BuyerGroups.Where(g => g.Id == x.Organisation.BuyerGroupId).Select(g => g.Name).First(),
                Country = x.Organisation.CountryCode,
                x.Tender.ProductGroupId,
                x.Tender.PlannedPublicationOn,
                x.Tender.ContractStartOn,
                x.Tender.EstimatedQuantity,
                x.Tender.CriterionIds,
                Interests = db.TenderInterests.Count(i => i.TenderId == x.Tender.Id),
                Mine = db.TenderInterests
                    .Where(i => i.TenderId == x.Tender.Id && i.UserId == userId)
                    .Select(i => new { i.Kind, i.Note })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var entries = rows.Select(r => new CalendarEntry(
                r.Id, r.Title, r.Organisation, r.BuyerGroup, r.Country.Value, productGroups.GetValueOrDefault(r.ProductGroupId, "?"),
                r.PlannedPublicationOn, r.ContractStartOn, r.EstimatedQuantity, r.CriterionIds.Count, r.Interests,
                r.OrganisationId == ownOrganisation, r.Mine?.Kind, r.Mine?.Note))
            .ToList();
        return new CalendarPage(entries, total, page, pageCount, ownOrganisation is not null);
    }

    /// <summary>Every buyer group of the pact to filter by, not only the caller's: the calendar is pact-wide.</summary>
    public async Task<IReadOnlyList<BuyerGroupOption>> BuyerGroupsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        EnsureBuyerSide(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.BuyerGroups.AsNoTracking()
            .OrderBy(g => g.Name)
            .Select(g => new BuyerGroupOption(g.Id, g.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks (or changes) the caller's interest in a shared tender of another organisation.</summary>
    public async Task ExpressInterestAsync(
        ClaimsPrincipal user,
        Guid tenderId,
        TenderInterestKind kind,
        string? note,
        CancellationToken cancellationToken = default)
    {
        var userId = EnsureBuyerSide(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await OwnOrganisationAsync(db, userId, cancellationToken)
            ?? throw new ForbiddenException("Only people of a member organisation can mark interest in a tender.");
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId, cancellationToken);
        if (tender is null || !tender.IsInCalendar)
        {
            throw new NotFoundException("This tender is not in the calendar.");
        }

        var groupId = await GroupOfAsync(db, tender.MemberOrganisationId, cancellationToken);
        var now = clock.GetUtcNow();
        var existing = await db.TenderInterests.SingleOrDefaultAsync(i => i.TenderId == tenderId && i.UserId == userId, cancellationToken);
        if (existing is null)
        {
            var interest = tender.ExpressInterest(organisation, userId, kind, note, now);
            db.TenderInterests.Add(interest);
            audit.Record(
                db,
                user,
                InterestEntity,
                interest.Id,
                groupId,
                "Created",
                $"Interest ({kind}) in tender '{tender.Title}'",
                null,
                new { interest.Kind, interest.Note });
        }
        else
        {
            var before = new { existing.Kind, existing.Note };
            existing.Change(kind, note, now);
            audit.Record(
                db,
                user,
                InterestEntity,
                existing.Id,
                groupId,
                "Updated",
                $"Interest ({kind}) in tender '{tender.Title}'",
                before,
                new { existing.Kind, existing.Note });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainException(InterestField, "You already marked interest in this tender; reload the calendar.");
        }

        if (existing is null)
        {
            await TellOwnersAsync(db, user, tender, organisation, kind, cancellationToken);
        }
    }

    /// <summary>Withdraws the caller's interest; nothing happens when there is none.</summary>
    public async Task WithdrawInterestAsync(ClaimsPrincipal user, Guid tenderId, CancellationToken cancellationToken = default)
    {
        var userId = EnsureBuyerSide(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var interest = await db.TenderInterests.SingleOrDefaultAsync(i => i.TenderId == tenderId && i.UserId == userId, cancellationToken);
        if (interest is null)
        {
            return;
        }

        var tender = await db.Tenders
            .AsNoTracking()
            .Where(t => t.Id == tenderId)
            .Select(t => new { t.Title, t.MemberOrganisationId })
            .SingleAsync(cancellationToken);
        db.TenderInterests.Remove(interest);
        audit.Record(
            db,
            user,
            InterestEntity,
            interest.Id,
            await GroupOfAsync(db, tender.MemberOrganisationId, cancellationToken),
            "Deleted",
            $"Interest in tender '{tender.Title}' withdrawn",
            new { interest.Kind, interest.Note },
            null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Notifies the procurers of the tender's organisation (who run it) of a new interest, naming only the interested organisation.
    /// </summary>
    private async Task TellOwnersAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        Tender tender,
        Guid interestedOrganisationId,
        TenderInterestKind kind,
        CancellationToken cancellationToken)
    {
        var owningOrganisationId = tender.MemberOrganisationId;
        var audience = await db.MemberOrganisations.AsNoTracking()
            .Where(m => m.Id == interestedOrganisationId)
            .Select(m => new
            {
                Interested = m.LegalName,
                Owners = db.Users
                    .Where(u => u.MemberOrganisationId == owningOrganisationId
                        && db.UserRoles.Any(link => link.UserId == u.Id
                            && db.Roles.Any(role => role.Id == link.RoleId && role.Name == PortalRoles.Procurer)))
                    .Select(u => u.Id)
                    .ToList(),
            })
            .SingleAsync(cancellationToken);
        var title = kind == TenderInterestKind.Join
            ? new OutgoingText("{0} would like to join your planned tender “{1}”", audience.Interested, tender.Title)
            : new OutgoingText("{0} would like to align timing with your planned tender “{1}”", audience.Interested, tender.Title);
        await notifications.PublishAsync(user, audience.Owners, NotificationKind.TenderInterestReceived, title, $"/tenders/{tender.Id}",
            cancellationToken);
    }

    private static Guid EnsureBuyerSide(ClaimsPrincipal user)
    {
        var buyerSide = user.IsInRole(PortalRoles.SecretariatAdmin) || user.IsInRole(PortalRoles.BuyerGroupCoordinator)
            || user.IsInRole(PortalRoles.Procurer) || user.IsInRole(PortalRoles.WorkingGroupChair);
        return buyerSide && user.UserId() is { } id
            ? id
            : throw new ForbiddenException("The tender calendar is for members on the buying side of the pact.");
    }

    private static Task<Guid?> OwnOrganisationAsync(PortalDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.MemberOrganisationId).SingleOrDefaultAsync(cancellationToken);

    private static Task<Guid> GroupOfAsync(PortalDbContext db, Guid organisationId, CancellationToken cancellationToken) =>
        db.MemberOrganisations.Where(m => m.Id == organisationId).Select(m => m.BuyerGroupId).SingleAsync(cancellationToken);
}
