using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
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
/// is public; a buyer-group document is public when marked so and otherwise for signed-in people on
/// the buying side; a working group's meeting or outcome document as <see cref="WorkingGroupAccess.MayDownloadAsync"/> says;
/// anything else (e.g. a replaced commitment) only for the secretariat.
/// </summary>
public sealed class DocumentDownloads(IDbContextFactory<PortalDbContext> contextFactory)
{
    public async Task<(DocumentAccessResult Result, DocumentFile? File)> GetAsync(Guid documentId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await db.StoredDocuments.AsNoTracking()
            .Where(d => d.Id == documentId)
            .Select(d => new
            {
                PublicCommitment = db.Signatories.Any(s => s.CommitmentDocumentId == d.Id && s.Status == SignatoryStatus.Signed),
                GroupDocument = db.BuyerGroupDocuments.Where(g => g.StoredDocumentId == d.Id).Select(g => new { g.IsPublic }).FirstOrDefault(),
                WorkingGroupDocument = db.WorkingGroupDocuments.Where(w => w.StoredDocumentId == d.Id)
                    .Select(w => new WorkingGroupDocumentReference(
                        w.WorkingGroupId,
                        db.WorkingGroupOutcomes.Where(o => o.Id == w.OutcomeId).Select(o => (OutcomeStatus?)o.Status).FirstOrDefault(),
                        db.WorkingGroupOutcomes.Where(o => o.Id == w.OutcomeId).Select(o => (OutcomeVisibility?)o.Visibility).FirstOrDefault()))
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (access is null)
        {
            return (DocumentAccessResult.NotFound, null);
        }

        var isPublic = access.PublicCommitment || access.GroupDocument?.IsPublic == true || access.WorkingGroupDocument?.IsPublic == true;
        var allowed = isPublic
            || user.IsSecretariat()
            || (access.GroupDocument is not null && IsBuyerSide(user))
            || (access.WorkingGroupDocument is { } workingGroupDocument && await WorkingGroupAccess.MayDownloadAsync(db, workingGroupDocument, user, cancellationToken));
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

    private static bool IsBuyerSide(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && (user.IsInRole(PortalRoles.SecretariatAdmin) || user.IsInRole(PortalRoles.BuyerGroupCoordinator)
            || user.IsInRole(PortalRoles.Procurer) || user.IsInRole(PortalRoles.WorkingGroupChair));
}
