using System.Text.Json;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Audit;

/// <summary>
/// The audit trail: the entries the person caused are exported (without other people in them); on deletion the trail stays whole but
/// names them only by pseudonym, in the actor column, the summaries and the before/after snapshots.
/// </summary>
internal sealed class AuditPersonalData : IPersonalDataContributor
{
    public string Section => "auditEntriesYouCaused";

    // What the person did, when, to which record. The summary and the before/after snapshots describe the record, and a
    // coordinator's or the secretariat's records name other people ("Noor Visser <noor@…> invited", a member's contacts):
    // they are kept only for entries about the person themselves (their account, or a record naming their address).
    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.LowerCaseEmail;
        return await db.AuditEntries.AsNoTracking()
            .Where(entry => entry.ActorUserId == subject.UserId)
            .OrderBy(entry => entry.OccurredAt)
            .Select(entry => new
            {
                entry.OccurredAt,
                entry.EntityType,
                entry.EntityId,
                entry.Action,
                AboutYou = entry.EntityId == subject.UserId || entry.Summary.ToLower().Contains(email),
                entry.Summary,
                entry.Before,
                entry.After,
            })
            .Select(entry => new
            {
                entry.OccurredAt,
                entry.EntityType,
                entry.EntityId,
                entry.Action,
                Summary = entry.AboutYou ? entry.Summary : null,
                Before = entry.AboutYou ? entry.Before : null,
                After = entry.AboutYou ? entry.After : null,
            })
            .ToListAsync(cancellationToken);
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        await db.AuditEntries.Where(entry => entry.ActorUserId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(entry => entry.ActorName, subject.Pseudonym), cancellationToken);

        // The display name only where it cannot be another person's: entries by or about the person, or
        // naming their (unique) e-mail address such as an application they were the contact of. Then the
        // address itself, wherever it appears.
        if (subject.DisplayName.Length > 0)
        {
            await ReplaceAsync(db, subject.DisplayName, subject.Pseudonym, id, subject.Email, cancellationToken);
        }

        await ReplaceAsync(db, subject.Email, subject.Pseudonym, null, null, cancellationToken);
    }

    private static async Task ReplaceAsync(
        PortalDbContext db,
        string text,
        string pseudonym,
        Guid? onlyAboutPerson,
        string? orNamingEmail,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        // Snapshots are JSON: the text may appear there in its escaped form (e.g. non-ASCII names).
        var jsonText = JsonSerializer.Serialize(text)[1..^1];
        var pattern = $"%{text}%";
        var jsonPattern = $"%{jsonText}%";
        var emailPattern = orNamingEmail is null ? null : $"%{orNamingEmail}%";
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE audit_entries SET
                summary = replace(summary, {text}, {pseudonym}),
                before = replace(replace(before::text, {text}, {pseudonym}), {jsonText}, {pseudonym})::jsonb,
                after = replace(replace(after::text, {text}, {pseudonym}), {jsonText}, {pseudonym})::jsonb
            WHERE ({onlyAboutPerson}::uuid IS NULL OR actor_user_id = {onlyAboutPerson} OR entity_id = {onlyAboutPerson}
                   OR summary ILIKE {emailPattern}::text
                   OR before::text ILIKE {emailPattern}::text
                   OR after::text ILIKE {emailPattern}::text)
              AND (summary LIKE {pattern} OR before::text LIKE {pattern} OR after::text LIKE {pattern}
                   OR before::text LIKE {jsonPattern} OR after::text LIKE {jsonPattern})
            """,
            cancellationToken);
    }
}
