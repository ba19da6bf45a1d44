using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>
/// Good-practice cases belong to the member organisation they describe and may be published to the whole
/// pact, so cases the person wrote stay, their author shown as the pseudonym; where the person is the
/// case's contact (their sign-in address, or their own name on a case they wrote, whatever address they gave
/// with it), the contact name and address become the pseudonym and an address that cannot receive mail. The review history stays complete
/// (it is how a case got published), with the names copied into it
/// replaced; review comments stay. Library items and versions they added stay for everyone who uses them,
/// the copied uploader name replaced.
/// </summary>
public sealed class KnowledgePersonalData : IPersonalDataContributor
{
    public string Section => "knowledge";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var email = subject.Email.ToLowerInvariant();
        var cases = await db.GoodPracticeCases.AsNoTracking()
            .Where(c => c.AuthorUserId == id || c.ContactEmail.ToLower() == email)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new
            {
                c.Id,
                WrittenByYou = c.AuthorUserId == id,
                Organisation = db.MemberOrganisations.Where(m => m.Id == c.OrganisationId).Select(m => m.LegalName).First(),
                c.Title,
                c.Context,
                c.Approach,
                c.Results,
                c.Impact,
                c.LessonsLearned,
                c.Tags,
                ContactName = (string?)c.ContactName,
                ContactEmail = (string?)c.ContactEmail,
                c.Status,
                c.Visibility,
                c.CreatedAt,
                c.UpdatedAt,
                c.PublishedAt,
            })
            .ToListAsync(cancellationToken);
        // A case the person wrote may name someone else as its contact: that person's name and address are not theirs.
        var casesWithOwnContactOnly = cases
            .Select(c => subject.OwnOrMasked(c.ContactEmail) == c.ContactEmail
                ? c
                : c with { ContactName = null, ContactEmail = subject.OwnOrMasked(c.ContactEmail) })
            .ToList();
        var reviewSteps = await db.Set<GoodPracticeReview>().AsNoTracking()
            .Where(review => review.ByUserId == id)
            .Join(db.GoodPracticeCases, review => review.CaseId, c => c.Id, (review, c) =>
                new { CaseId = c.Id, Case = c.Title, review.Revision, review.Action, review.Comment, review.ByName, review.At })
            .OrderBy(review => review.At)
            .ToListAsync(cancellationToken);
        var libraryItems = await db.LibraryItems.AsNoTracking()
            .Where(item => item.CreatedByUserId == id)
            .OrderBy(item => item.CreatedAt)
            .Select(item => new { item.Id, item.Title, item.Description, item.Type, item.CreatedAt })
            .ToListAsync(cancellationToken);
        var libraryVersions = await db.Set<LibraryItemVersion>().AsNoTracking()
            .Where(version => version.UploadedByUserId == id)
            .Join(db.LibraryItems, version => version.ItemId, item => item.Id, (version, item) => new
            {
                ItemId = item.Id,
                Item = item.Title,
                version.Number,
                version.Url,
                version.DocumentId,
                version.ChangeNote,
                version.UploadedByName,
                version.UploadedAt,
            })
            .OrderBy(version => version.UploadedAt)
            .ToListAsync(cancellationToken);
        return new
        {
            GoodPracticeCases = casesWithOwnContactOnly,
            ReviewStepsYouTook = reviewSteps,
            LibraryItemsYouAdded = libraryItems,
            LibraryVersionsYouUploaded = libraryVersions,
        };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var (email, name) = (subject.Email.ToLowerInvariant(), subject.DisplayName);
        var (pseudonym, pseudonymousEmail) = (subject.Pseudonym, subject.PseudonymousEmail);
        await db.GoodPracticeCases
            .Where(c => c.ContactEmail.ToLower() == email || (c.AuthorUserId == id && c.ContactName == name))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(c => c.ContactName, pseudonym)
                    .SetProperty(c => c.ContactEmail, pseudonymousEmail),
                cancellationToken);
        await db.Set<GoodPracticeReview>().Where(review => review.ByUserId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(review => review.ByName, pseudonym), cancellationToken);
        await db.Set<LibraryItemVersion>().Where(version => version.UploadedByUserId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(version => version.UploadedByName, pseudonym), cancellationToken);
    }
}
