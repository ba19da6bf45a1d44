using System.Security.Claims;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Events;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Knowledge;
using CircularIctPact.Web.Features.WorkingGroups;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Documents;

/// <summary>The outcome of asking for a stored document.</summary>
public enum DocumentAccessResult
{
    Allowed,
    NotFound,
    SignInRequired,
    Forbidden,
}

/// <summary>A document the caller may download.</summary>
public sealed record DocumentFile(string FileName, string ContentType, byte[] Content, bool IsPublic);

/// <summary>
/// Decides who may download a stored document, from what refers to it: a signed signatory's commitment
/// is public; a buyer-group document, library file or published good-practice attachment is public when
/// marked so and otherwise for signed-in people on the buying side; event material follows its event
/// (public, or members-only for the buying side); an unpublished case's attachment is for its
/// organisation's people and reviewers; a working group's meeting or outcome document as
/// <see cref="WorkingGroupDirectory.MayDownloadAsync"/> says; anything else (e.g. a replaced commitment)
/// only for the secretariat.
/// </summary>
public sealed class DocumentDownloads(
    IDbContextFactory<PortalDbContext> contextFactory,
    GoodPracticeCases goodPractices,
    WorkingGroupDirectory workingGroups)
{
    public async Task<(DocumentAccessResult Result, DocumentFile? File)> GetAsync(
        Guid documentId,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await db.StoredDocuments.AsNoTracking()
            .Where(d => d.Id == documentId)
            .Select(d => new
            {
                PublicCommitment = db.Signatories.Any(s => s.CommitmentDocumentId == d.Id && s.Status == SignatoryStatus.Signed),
                GroupDocument = db.BuyerGroupDocuments
                    .Where(g => g.StoredDocumentId == d.Id)
                    .Select(g => new { g.IsPublic })
                    .FirstOrDefault(),
                EventAudiences = db.EventMaterials
                    .Where(m => m.DocumentId == d.Id)
                    .Join(db.Events, m => m.EventId, e => e.Id, (m, e) => e.Audience)
                    .ToList(),
                LibraryItem = db.LibraryItems
                    .Where(i => i.Versions.Any(v => v.DocumentId == d.Id))
                    .Select(i => new { i.Visibility })
                    .FirstOrDefault(),
                GoodPractice = db.GoodPracticeCases.Where(c => c.AttachmentDocumentId == d.Id)
                    .Select(c => new { c.Status, c.Visibility, c.OrganisationId, c.BuyerGroupId, c.AuthorUserId }).FirstOrDefault(),
                WorkingGroupDocument = db.WorkingGroupDocuments.Where(w => w.StoredDocumentId == d.Id)
                    .Select(w => new WorkingGroupDocumentReference(
                        w.WorkingGroupId,
                        db.WorkingGroupOutcomes.Where(o => o.Id == w.OutcomeId).Select(o => (OutcomeStatus?)o.Status).FirstOrDefault(),
                        db.WorkingGroupOutcomes
                            .Where(o => o.Id == w.OutcomeId)
                            .Select(o => (OutcomeVisibility?)o.Visibility)
                            .FirstOrDefault()))
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (access is null)
        {
            return (DocumentAccessResult.NotFound, null);
        }

        var publishedCase = access.GoodPractice?.Status == GoodPracticeStatus.Published;
        var isPublic = access.PublicCommitment || access.GroupDocument?.IsPublic == true
            || access.EventAudiences.Contains(EventAudience.Public)
            || access.LibraryItem?.Visibility == KnowledgeVisibility.Public
            || (publishedCase && access.GoodPractice!.Visibility == KnowledgeVisibility.Public)
            || access.WorkingGroupDocument?.IsPublic == true;
        var allowed = isPublic
            || user.IsSecretariat()
            || ((access.GroupDocument is not null || access.EventAudiences.Count > 0 || access.LibraryItem is not null || publishedCase)
                && user.IsBuyerSide())
            || (access.GoodPractice is { } practice && !publishedCase
                && (await goodPractices.ViewerAsync(user, cancellationToken)).MaySeeUnpublished(
                    practice.OrganisationId,
                    practice.BuyerGroupId,
                    practice.AuthorUserId))
            || (access.WorkingGroupDocument is { } workingGroupDocument
                && await workingGroups.MayDownloadAsync(workingGroupDocument, user, cancellationToken));
        if (!allowed)
        {
            return (user.Identity?.IsAuthenticated == true ? DocumentAccessResult.Forbidden : DocumentAccessResult.SignInRequired, null);
        }

        var file = await db.StoredDocuments.AsNoTracking()
            .Where(d => d.Id == documentId)
            .Select(d => new DocumentFile(d.FileName, d.ContentType, d.Content, isPublic))
            .SingleAsync(cancellationToken);
        return (DocumentAccessResult.Allowed, file);
    }
}
