using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Documents;

/// <summary>
/// Files the person uploaded belong to what they were attached to (a buyer group, a working group, an event,
/// a case, the library), where others keep using them; they stay, their uploader shown as the anonymised
/// account. The export lists them without their content, which the features offer for download.
/// </summary>
public sealed class DocumentsPersonalData : IPersonalDataContributor
{
    public string Section => "documentsYouUploaded";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken) =>
        await db.StoredDocuments.AsNoTracking()
            .Where(document => document.UploadedByUserId == subject.UserId)
            .OrderBy(document => document.UploadedAt)
            .Select(document => new { document.Id, document.FileName, document.ContentType, document.SizeBytes, document.UploadedAt })
            .ToListAsync(cancellationToken);

    public Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken) => Task.CompletedTask;
}
