using CircularIctPact.Domain.Events;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Events;

/// <summary>
/// Registrations for events that are not over yet are the person's own and are deleted; a seat they held
/// goes to the first person on the waiting list, as when they cancel. Of past events only the seats they
/// held stay, attributed to the anonymised account, because attendance figures rest on them; cancelled and
/// waiting-list entries of past events are deleted. Events they organised and materials they uploaded are
/// what other participants use and stay.
/// </summary>
public sealed class EventsPersonalData(TimeProvider clock) : IPersonalDataContributor
{
    public string Section => "events";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var registrations = await db.EventRegistrations.AsNoTracking()
            .Where(registration => registration.UserId == id)
            .Join(db.Events, registration => registration.EventId, pactEvent => pactEvent.Id, (registration, pactEvent) => new
            {
                EventId = pactEvent.Id,
                Event = pactEvent.Title,
                pactEvent.StartsAt,
                registration.Status,
                registration.RegisteredAt,
                registration.CancelledAt,
                registration.Attended,
            })
            .OrderBy(registration => registration.StartsAt)
            .ToListAsync(cancellationToken);
        var organised = await db.Events.AsNoTracking()
            .Where(pactEvent => pactEvent.OrganiserUserId == id)
            .OrderBy(pactEvent => pactEvent.StartsAt)
            .Select(pactEvent => new { pactEvent.Id, pactEvent.Title, pactEvent.StartsAt, pactEvent.EndsAt })
            .ToListAsync(cancellationToken);
        var materials = await db.EventMaterials.AsNoTracking()
            .Join(
                db.StoredDocuments.Where(document => document.UploadedByUserId == id),
                material => material.DocumentId,
                document => document.Id,
                (material, document) => new { material.EventId, material.Title, document.FileName, material.AddedAt })
            .Join(db.Events, material => material.EventId, pactEvent => pactEvent.Id,
                (material, pactEvent) => new { Event = pactEvent.Title, material.Title, material.FileName, material.AddedAt })
            .OrderBy(material => material.AddedAt)
            .ToListAsync(cancellationToken);
        return new { Registrations = registrations, EventsYouOrganised = organised, MaterialsYouUploaded = materials };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var now = clock.GetUtcNow();
        var upcoming = await db.Events
            .Include(pactEvent => pactEvent.Registrations)
            .Where(pactEvent => pactEvent.EndsAt > now && pactEvent.Registrations.Any(registration => registration.UserId == id))
            .ToListAsync(cancellationToken);
        foreach (var pactEvent in upcoming)
        {
            if (pactEvent.RegistrationOf(id) is not null)
            {
                pactEvent.Cancel(id, now);
            }

            db.EventRegistrations.RemoveRange(pactEvent.Registrations.Where(registration => registration.UserId == id).ToList());
        }

        await db.EventRegistrations
            .Where(registration => registration.UserId == id && registration.Status != RegistrationStatus.Registered
                && db.Events.Any(pactEvent => pactEvent.Id == registration.EventId && pactEvent.EndsAt <= now))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
