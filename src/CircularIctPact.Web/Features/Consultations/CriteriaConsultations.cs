using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using CircularIctPact.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Consultations;

/// <summary>
/// Consultations on draft criteria: the secretariat opens, closes early or extends them; members and working-group
/// participants comment per criterion while one is open; the secretariat or a working-group chair answers each comment,
/// and its author is told.
/// </summary>
public sealed class CriteriaConsultations(
    IDbContextFactory<PortalDbContext> contextFactory,
    CriteriaCatalogue catalogue,
    INotificationPublisher notifications,
    AuditTrail audit,
    TimeProvider clock)
{
    private const string ConsultationEntity = "Consultation";
    private const string CommentEntity = "ConsultationComment";

    private static readonly string[] CommentingRoles =
        [PortalRoles.Procurer, PortalRoles.BuyerGroupCoordinator, PortalRoles.WorkingGroupChair, PortalRoles.Stakeholder];

    public async Task<IReadOnlyList<ConsultationSummary>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureMayReadAsync(db, user, cancellationToken);
        var now = clock.GetUtcNow();
        var language = CriteriaLanguageChoice.From(null);
        var rows = await db.Consultations.AsNoTracking()
            .Join(db.CriteriaSets, c => c.CriteriaSetId, s => s.Id, (c, s) => new { c, s.Number, s.Status, s.ProductGroupId })
            .Join(db.ProductGroups, x => x.ProductGroupId, g => g.Id, (x, g) =>
                new
                {
                    x.c,
                    x.Number,
                    x.Status,
                    Name = g.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault()
                    ?? g.Names.Where(n => n.Language == CriteriaLanguages.Source).Select(n => n.Name).First()
                })
            .Select(x => new { x.c, x.Number, x.Status, x.Name, Count = db.ConsultationComments.Count(m => m.ConsultationId == x.c.Id) })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ConsultationSummary(
                r.c.Id,
                r.Name,
                r.Number.ToString(),
                r.Status,
                r.c.OpensAt,
                r.c.ClosesAt,
                r.c.PhaseAt(now),
                r.Count))
            .OrderBy(r => r.Phase == ConsultationPhase.Open ? 0 : r.Phase == ConsultationPhase.NotYetOpen ? 1 : 2)
            .ThenByDescending(r => r.ClosesAt)
            .ToList();
    }

    /// <summary>The draft and in-review sets that have no consultation yet (secretariat only).</summary>
    public async Task<IReadOnlyList<ConsultableSet>> ConsultableSetsAsync(
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var language = CriteriaLanguageChoice.From(null);
        var rows = await db.CriteriaSets.AsNoTracking()
            .Where(s => (s.Status == CriteriaSetStatus.Draft || s.Status == CriteriaSetStatus.InReview)
                && !db.Consultations.Any(c => c.CriteriaSetId == s.Id))
            .Join(
                db.ProductGroups,
                s => s.ProductGroupId,
                g => g.Id,
                (s, g) => new
                {
                    s.Id,
                    s.Number,
                    Name = g.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault()
                    ?? g.Names.Where(n => n.Language == CriteriaLanguages.Source).Select(n => n.Name).First()
                })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ConsultableSet(r.Id, r.Name, r.Number.ToString()))
            .OrderBy(r => r.ProductGroup, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The consultation on a criteria set, if any; the changes page links to its comment log.</summary>
    public async Task<Guid?> ForCriteriaSetAsync(Guid criteriaSetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Consultations
            .AsNoTracking()
            .Where(c => c.CriteriaSetId == criteriaSetId)
            .Select(c => (Guid?)c.Id)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<ConsultationView> GetAsync(
        Guid id,
        CriteriaLanguage language,
        CommentFilter filter,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var reader = await EnsureMayReadAsync(db, user, cancellationToken);
        var head = await db.Consultations.AsNoTracking().Where(c => c.Id == id)
            .Join(db.CriteriaSets, c => c.CriteriaSetId, s => s.Id, (c, s) => new { c, s.Number, s.Status, s.ProductGroupId })
            .Join(db.ProductGroups, x => x.ProductGroupId, g => g.Id, (x, g) => new
            {
                x.c,
                x.Number,
                x.Status,
                g.Slug,
                Name = g.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault()
                    ?? g.Names.Where(n => n.Language == CriteriaLanguages.Source).Select(n => n.Name).First(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This consultation does not exist.");

        var criteria = await catalogue.RequirementsOfSetAsync(head.c.CriteriaSetId, language, cancellationToken);
        var comments = await CommentsAsync(db, id, user.UserId(), cancellationToken);
        var counts = Enum.GetValues<CommentState>().ToDictionary(state => state, state => comments.Count(c => c.State == state));
        var shown = comments
            .Where(c => filter.State is null || c.State == filter.State)
            .Where(c => string.IsNullOrEmpty(filter.CriterionCode) || c.CriterionCode == filter.CriterionCode)
            .ToLookup(c => c.CriterionCode, StringComparer.Ordinal);
        var filtered = filter.State is not null || !string.IsNullOrEmpty(filter.CriterionCode);
        var ordered = criteria.OrderBy(c => c.Code.Value, StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();
        var phase = head.c.PhaseAt(now);
        var published = head.Status is CriteriaSetStatus.Published or CriteriaSetStatus.Superseded;
        return new ConsultationView(
            head.c.Id,
            head.Slug,
            head.Name,
            head.Number.ToString(),
            head.Status,
            head.c.OpensAt,
            head.c.ClosesAt,
            phase,
            reader.MayComment && phase == ConsultationPhase.Open && !published,
            reader.MayAnswer && !published,
            user.IsSecretariat() && !published,
            head.c.Version,
            counts,
            ordered.Select(c => c.Code.Value).ToList(),
            ordered
                .Where(c => !filtered || shown.Contains(c.Code.Value))
                .Select(c => new ConsultedCriterion(
                    c.Code.Value,
                    c.Title,
                    c.Requirement,
                    c.Translated ? language : CriteriaLanguages.Source,
                    !c.Translated && language != CriteriaLanguages.Source,
                    [.. shown[c.Code.Value]]))
                .ToList());
    }

    /// <summary>The comment log as CSV, for the secretariat.</summary>
    public async Task<byte[]> ExportCsvAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Consultations.AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw new NotFoundException("This consultation does not exist.");
        }

        var comments = await CommentsAsync(db, id, null, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        string[] header =
            ["Criterion", "Author", "Organisation", "Posted at (UTC)", "Comment", "State", "Answer", "Answered by", "Answered at (UTC)"];
        return CsvFile.Write(
            [.. header.Select(column => OutgoingText.In(culture, column))],
            comments.Select(c => (IReadOnlyList<string?>)
            [
                c.CriterionCode, c.Author, c.AuthorOrganisation, Utc(c.PostedAt), c.Text, OutgoingText.In(culture, c.State.ToString()),
                c.Answer, c.AnsweredBy, c.AnsweredAt is { } at ? Utc(at) : null,
            ]));
    }

    /// <summary>Puts a draft or in-review set to consultation from <paramref name="opensAt"/> until <paramref name="closesAt"/>.</summary>
    public async Task<Guid> OpenAsync(
        Guid criteriaSetId,
        DateTimeOffset opensAt,
        DateTimeOffset closesAt,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var set = await db.CriteriaSets.SingleOrDefaultAsync(s => s.Id == criteriaSetId, cancellationToken)
            ?? throw new NotFoundException("This criteria set does not exist.");
        if (await db.Consultations.AnyAsync(c => c.CriteriaSetId == criteriaSetId, cancellationToken))
        {
            throw new DomainException(
                ConsultationFields.CriteriaSet,
                "Version {0} already has a consultation; extend it instead.",
                set.Number);
        }

        var consultation = new Consultation(set, opensAt, closesAt, user.RequiredUserId(), clock.GetUtcNow());
        db.Consultations.Add(consultation);
        audit.Record(
            db,
            user,
            ConsultationEntity,
            consultation.Id,
            null,
            "Opened",
            $"Consultation opened on version {set.Number}",
            null,
            Snapshot(consultation));
        await db.SaveChangesAsync(cancellationToken);
        return consultation.Id;
    }

    public Task CloseEarlyAsync(Guid id, uint expectedVersion, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, user, "Closed", c => c.CloseEarly(clock.GetUtcNow()), cancellationToken);

    public Task ExtendAsync(
        Guid id,
        uint expectedVersion,
        DateTimeOffset closesAt,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, user, "Extended", c => c.Extend(closesAt, clock.GetUtcNow()), cancellationToken);

    /// <summary>Adds the caller's comment on one criterion while the consultation is open.</summary>
    public async Task<Guid> CommentAsync(
        Guid id,
        string criterionCode,
        string text,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var reader = await EnsureMayReadAsync(db, user, cancellationToken);
        if (!reader.MayComment)
        {
            throw new ForbiddenException("Only members and working-group participants comment on draft criteria.");
        }

        var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("This consultation does not exist.");
        var set = await db.CriteriaSets
            .AsNoTracking()
            .Include(s => s.Criteria)
            .SingleAsync(s => s.Id == consultation.CriteriaSetId, cancellationToken);
        if (!CriterionCode.IsValid(criterionCode))
        {
            throw new DomainException(ConsultationCommentFields.Criterion, "Choose a criterion of this version.");
        }

        var author = user.RequiredUserId();
        var organisation = await db.Users.Where(u => u.Id == author)
            .Select(u => db.MemberOrganisations.Where(m => m.Id == u.MemberOrganisationId).Select(m => m.LegalName).FirstOrDefault())
            .SingleOrDefaultAsync(cancellationToken);
        var comment =
            new ConsultationComment(consultation, set, CriterionCode.Parse(criterionCode), author, organisation, text, clock.GetUtcNow());
        db.ConsultationComments.Add(comment);
        audit.Record(db, user, CommentEntity, comment.Id, null, "Commented", $"Comment on {comment.CriterionCode} ({set.Number})", null, new
        {
            comment.CriterionCode,
            comment.Text,
        });
        await db.SaveChangesAsync(cancellationToken);
        return comment.Id;
    }

    /// <summary>
    /// Accepts, rejects (with a reason) or answers a comment; the secretariat and working-group chairs only. The comment's author is
    /// notified.
    /// </summary>
    public async Task RespondAsync(
        Guid commentId,
        uint expectedVersion,
        CommentState state,
        string? answer,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var reader = await EnsureMayReadAsync(db, user, cancellationToken);
        if (!reader.MayAnswer)
        {
            throw new ForbiddenException("Only the secretariat and working-group chairs answer comments.");
        }

        var comment = await db.ConsultationComments.SingleOrDefaultAsync(c => c.Id == commentId, cancellationToken)
            ?? throw new NotFoundException("This comment does not exist.");
        db.Entry(comment).ExpectVersion(expectedVersion);
        var consulted = await db.Consultations.Where(c => c.Id == comment.ConsultationId)
            .Join(db.CriteriaSets, c => c.CriteriaSetId, s => s.Id, (c, s) => s)
            .Join(db.ProductGroups, s => s.ProductGroupId, g => g.Id, (s, g) =>
                new { Set = s, ProductGroup = g.Names.Where(n => n.Language == CriteriaLanguages.Source).Select(n => n.Name).First() })
            .AsNoTracking().SingleAsync(cancellationToken);
        var before = new { comment.State, comment.Answer };
        comment.Respond(consulted.Set, state, answer, user.RequiredUserId(), clock.GetUtcNow());
        audit.Record(db, user, CommentEntity, comment.Id, null, "Answered", $"Comment on {comment.CriterionCode} "
            + $"marked {state.ToString().ToLowerInvariant()}", before, new { comment.State, comment.Answer });
        await db.SaveOrConflictAsync(
            async () => await db.ConsultationComments
                .AsNoTracking()
                .Where(c => c.Id == commentId)
                .Select(c => new { c.State, c.Answer })
                .SingleOrDefaultAsync(cancellationToken),
            cancellationToken);
        object[] about = [comment.CriterionCode, consulted.ProductGroup, consulted.Set.Number];
        var title = comment.State switch
        {
            CommentState.Accepted => new OutgoingText("Your comment on {0} ({1} {2}) was accepted", about),
            CommentState.Rejected => new OutgoingText("Your comment on {0} ({1} {2}) was rejected", about),
            _ => new OutgoingText("Your comment on {0} ({1} {2}) got an answer", about),
        };
        await notifications.PublishAsync(user, [comment.AuthorUserId], NotificationKind.ConsultationCommentAnswered, title,
            $"/consultations/{comment.ConsultationId}?criterion={Uri.EscapeDataString(comment.CriterionCode)}", cancellationToken);
    }

    private async Task ChangeAsync(
        Guid id,
        uint expectedVersion,
        ClaimsPrincipal user,
        string action,
        Action<Consultation> change,
        CancellationToken cancellationToken)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("This consultation does not exist.");
        var published = await db.CriteriaSets.AnyAsync(
            s => s.Id == consultation.CriteriaSetId
                && (s.Status == CriteriaSetStatus.Published || s.Status == CriteriaSetStatus.Superseded),
            cancellationToken);
        if (published)
        {
            throw new DomainException(
                ConsultationFields.ClosesAt,
                "This version has been published; its consultation can no longer be changed.");
        }

        db.Entry(consultation).ExpectVersion(expectedVersion);
        var before = Snapshot(consultation);
        change(consultation);
        audit.Record(
            db,
            user,
            ConsultationEntity,
            consultation.Id,
            null,
            action,
            $"Consultation {action.ToLowerInvariant()}",
            before,
            Snapshot(consultation));
        await db.SaveOrConflictAsync(
            async () => await db.Consultations
                .AsNoTracking()
                .Where(c => c.Id == id)
                .Select(c => new { c.OpensAt, c.ClosesAt })
                .SingleOrDefaultAsync(cancellationToken),
            cancellationToken);
    }

    private static async Task<List<CommentView>> CommentsAsync(
        PortalDbContext db,
        Guid consultationId,
        Guid? readerId,
        CancellationToken cancellationToken)
    {
        var rows = await db.ConsultationComments.AsNoTracking()
            .Where(c => c.ConsultationId == consultationId)
            .Select(c => new
            {
                c,
                Author = db.Users.Where(u => u.Id == c.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                AnsweredBy = db.Users.Where(u => u.Id == c.AnsweredByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .OrderBy(x => x.c.CriterionCode).ThenBy(x => x.c.PostedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new CommentView(
            r.c.Id, r.c.CriterionCode, r.Author ?? string.Empty, r.c.AuthorOrganisation, r.c.Text, r.c.PostedAt, r.c.State,
            r.c.Answer, r.AnsweredBy, r.c.AnsweredAt, r.c.AuthorUserId == readerId, r.c.Version)).ToList();
    }

    /// <summary>
    /// Who may read consultations: the secretariat, the buying side, stakeholders and anyone taking part in a working group.
    /// </summary>
    private static async Task<Reader> EnsureMayReadAsync(PortalDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.UserId() ?? throw new ForbiddenException("Sign in to take part in consultations.");
        var participation = await db.WorkingGroupParticipants
            .AsNoTracking()
            .Where(p => p.UserId == userId)
            .Select(p => p.Role)
            .ToListAsync(cancellationToken);
        var mayComment = CommentingRoles.Any(user.IsInRole) || participation.Count > 0;
        var mayAnswer = user.IsSecretariat()
            || (user.IsInRole(PortalRoles.WorkingGroupChair) && participation.Contains(ParticipantRole.Chair));
        if (!mayComment && !mayAnswer)
        {
            throw new ForbiddenException("Consultations are open to members and working-group participants.");
        }

        return new Reader(mayComment, mayAnswer);
    }

    private static void EnsureSecretariat(ClaimsPrincipal user)
    {
        if (!user.IsSecretariat())
        {
            throw new ForbiddenException("Only the pact secretariat manages consultations.");
        }
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static object Snapshot(Consultation consultation) =>
        new { consultation.CriteriaSetId, consultation.OpensAt, consultation.ClosesAt };
    private sealed record Reader(bool MayComment, bool MayAnswer);
}
