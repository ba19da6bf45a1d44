using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Suggestions from signed-in members to change a published criterion, and the secretariat's triage that links accepted
/// suggestions to the next draft version.
/// </summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class CriteriaSuggestions(IDbContextFactory<PortalDbContext> contextFactory, AuditTrail audit, TimeProvider clock)
{
    private const string Entity = "CriterionSuggestion";

    /// <summary>Records a signed-in member's suggestion on a criterion of a published (or superseded) version.</summary>
    public async Task<Guid> SubmitAsync(
        string productGroup,
        string version,
        string code,
        string proposal,
        string reason,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        var author = user.UserId() ?? throw new ForbiddenException("Sign in to suggest a change.");
        if (!CriteriaVersion.TryParse(version, out var number) || !CriterionCode.IsValid(code))
        {
            throw new NotFoundException("There is no such criterion.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var set = await db.CriteriaSets
            .Include(s => s.Criteria)
            .Where(s => db.ProductGroups.Any(g => g.Id == s.ProductGroupId && g.Slug == productGroup) && s.Number == number)
            .SingleOrDefaultAsync(cancellationToken);
        if (set is null || !set.IsPublic)
        {
            throw new NotFoundException("There is no such published criterion.");
        }

        var suggestion = new CriterionSuggestion(set, CriterionCode.Parse(code), author, proposal, reason, clock.GetUtcNow());
        db.CriterionSuggestions.Add(suggestion);
        audit.Record(db, user, Entity, suggestion.Id, null, "Submitted", $"Change suggested to {suggestion.Code} "
            + $"({productGroup} {set.Number})", null, new { suggestion.Proposal, suggestion.Reason });
        await db.SaveChangesAsync(cancellationToken);
        return suggestion.Id;
    }

    /// <summary>All suggestions, open ones first, for the secretariat to triage.</summary>
    public virtual async Task<IReadOnlyList<SuggestionView>> ListAsync(
        ClaimsPrincipal user,
        Guid? linkedDraftSetId = null,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.CriterionSuggestions.AsNoTracking();
        if (linkedDraftSetId is { } draftId)
        {
            query = query.Where(s => s.LinkedDraftSetId == draftId);
        }

        var rows = await query
            .Join(db.ProductGroups, s => s.ProductGroupId, g => g.Id, (s, g) => new { s, g.Slug })
            .Join(db.CriteriaSets, x => x.s.CriteriaSetId, set => set.Id, (x, set) => new { x.s, x.Slug, set.Number })
            .Join(db.Users, x => x.s.AuthorUserId, u => u.Id, (x, u) => new { x.s, x.Slug, x.Number, Author = u.DisplayName })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.s.Status).ThenByDescending(r => r.s.SubmittedAt)
            .Select(r => new SuggestionView(
                r.s.Id,
                r.Slug,
                r.Number.ToString(),
                r.s.Code.Value,
                r.Author,
                r.s.Proposal,
                r.s.Reason,
                r.s.SubmittedAt,
                r.s.Status,
                r.s.TriageNote,
                r.s.LinkedDraftSetId,
                r.s.Version))
            .ToList();
    }

    /// <summary>Accepts a suggestion and links it to the product group's open draft version (start one first).</summary>
    public async Task AcceptAsync(
        Guid id,
        uint expectedVersion,
        string? note,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var suggestion = await LoadAsync(db, id, expectedVersion, cancellationToken);
        var draft = await db.CriteriaSets
            .SingleOrDefaultAsync(
                s => s.ProductGroupId == suggestion.ProductGroupId
                    && (s.Status == CriteriaSetStatus.Draft || s.Status == CriteriaSetStatus.InReview),
                cancellationToken)
            ?? throw new DomainException(
                CriterionSuggestionFields.Draft,
                "There is no draft version of this product group yet; start one, then accept the suggestion into it.");
        suggestion.Accept(draft, note, user.RequiredUserId(), clock.GetUtcNow());
        audit.Record(db, user, Entity, suggestion.Id, null, "Accepted", $"Suggestion on {suggestion.Code} accepted into "
            + $"draft {draft.Number}", null, new { suggestion.TriageNote, Draft = draft.Number.ToString() });
        await db.SaveOrConflictAsync(cancellationToken);
    }

    public async Task RejectAsync(
        Guid id,
        uint expectedVersion,
        string note,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var suggestion = await LoadAsync(db, id, expectedVersion, cancellationToken);
        suggestion.Reject(note, user.RequiredUserId(), clock.GetUtcNow());
        audit.Record(db, user, Entity, suggestion.Id, null, "Rejected", $"Suggestion on {suggestion.Code} rejected", null, new
        {
            suggestion.TriageNote,
        });
        await db.SaveOrConflictAsync(cancellationToken);
    }

    private static Task<CriterionSuggestion> LoadAsync(
        PortalDbContext db, Guid id, uint expectedVersion, CancellationToken cancellationToken) =>
        db.LoadForChangeAsync(
            db.CriterionSuggestions, id, expectedVersion, new RuleViolation(null, "This suggestion does not exist."), cancellationToken);

    private static void EnsureSecretariat(ClaimsPrincipal user)
    {
        if (!user.IsSecretariat())
        {
            throw new ForbiddenException("Only the pact secretariat triages suggestions.");
        }
    }
}

public sealed record SuggestionView(
    Guid Id,
    string ProductGroup,
    string Version,
    string Code,
    string Author,
    string Proposal,
    string Reason,
    DateTimeOffset SubmittedAt,
    SuggestionStatus Status,
    string? TriageNote,
    Guid? LinkedDraftSetId,
    uint RowVersion);
