using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>
/// Interest the person marked in other organisations' tenders is their own message to the owner and is
/// deleted. Tenders they reported are their organisation's procurement record and add up to the demand
/// signal, and market signals they published are pact figures others quote: both stay, attributed to the
/// anonymised account.
/// </summary>
public sealed class TendersPersonalData : IPersonalDataContributor
{
    public string Section => "tenders";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var created = await db.Tenders.AsNoTracking()
            .Where(tender => tender.CreatedByUserId == id)
            .OrderBy(tender => tender.CreatedAt)
            .Select(tender => new
            {
                tender.Id,
                tender.Title,
                Organisation = db.MemberOrganisations.Where(m => m.Id == tender.MemberOrganisationId).Select(m => m.LegalName).First(),
                tender.Status,
                tender.PlannedPublicationOn,
                tender.CreatedAt,
                tender.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        var interests = await db.TenderInterests.AsNoTracking()
            .Where(interest => interest.UserId == id)
            .OrderBy(interest => interest.CreatedAt)
            .Select(interest => new
            {
                interest.TenderId,
                Tender = db.Tenders.Where(t => t.Id == interest.TenderId).Select(t => t.Title).First(),
                interest.Kind,
                interest.Note,
                interest.CreatedAt,
                interest.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        var marketSignals = await db.MarketSignalSnapshots.AsNoTracking()
            .Where(snapshot => snapshot.PublishedByUserId == id)
            .OrderBy(snapshot => snapshot.Number)
            .Select(snapshot => new { snapshot.Number, snapshot.PublishedOn, snapshot.PublishedAt })
            .ToListAsync(cancellationToken);
        return new { TendersYouReported = created, InterestsYouMarked = interests, MarketSignalsYouPublished = marketSignals };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken) =>
        await db.TenderInterests.Where(interest => interest.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
}
