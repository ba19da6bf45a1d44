using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>Filters of the public list; empty values filter nothing.</summary>
public sealed record GoodPracticeQuery(string? Text = null, string? ProductGroup = null, string? Tag = null, string? Country = null);

/// <summary>A case in a list: <paramref name="Title"/> in <paramref name="Language"/>, the reader's language where the case has
/// it, otherwise the language it was written in.</summary>
public sealed record GoodPracticeSummary(
    Guid Id,
    string Title,
    string Organisation,
    string Country,
    Guid? ProductGroupId,
    IReadOnlyList<string> Tags,
    KnowledgeVisibility Visibility,
    CriteriaLanguage Language,
    GoodPracticeStatus Status,
    int Revision,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt);

public sealed record ReviewStep(int Revision, ReviewAction Action, string? Comment, string By, DateTimeOffset At);

/// <summary>A case: its content as written with every translation, and the sections the reader gets.</summary>
public sealed record GoodPracticeDetails(
    Guid Id,
    Guid OrganisationId,
    string Organisation,
    string Country,
    string Author,
    GoodPracticeContent Content,
    Translation<GoodPracticeText> Shown,
    GoodPracticeStatus Status,
    int Revision,
    Guid? AttachmentDocumentId,
    string? AttachmentFileName,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    uint RowVersion,
    bool CanEdit,
    bool CanReview,
    IReadOnlyList<ReviewStep> Reviews);

public sealed record OrganisationOption(Guid Id, string Name);

/// <summary>
/// Good-practice cases: members write them for their organisation, a coordinator of that organisation's
/// buyer group or the secretariat reviews them, and once published they are read by everyone (public) or
/// by the buying side (members only). Unpublished cases never leave the organisation and its reviewers.
/// Reviewers are notified of a submitted case, the author of the decision.
/// </summary>
public sealed class GoodPracticeCases(
    IDbContextFactory<PortalDbContext> contextFactory,
    INotificationPublisher notifications,
    AuditTrail audit,
    DocumentUploads uploads,
    TimeProvider clock)
{
    public const string EntityType = "GoodPracticeCase";

    /// <summary>Who is asking, as far as knowledge content cares.</summary>
    public async Task<KnowledgeViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await KnowledgeViewer.LoadAsync(db, user, cancellationToken);
    }

    /// <summary>Published cases the caller may read, filtered and searched.</summary>
    public async Task<IReadOnlyList<GoodPracticeSummary>> SearchAsync(
        GoodPracticeQuery query,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var membersToo = user.IsBuyerSide();
        var cases = db.GoodPracticeCases.AsNoTracking()
            .Where(c => c.Status == GoodPracticeStatus.Published && (c.Visibility == KnowledgeVisibility.Public || membersToo))
            .Search(query.Text, ReaderLanguage.Current);
        if (!string.IsNullOrWhiteSpace(query.ProductGroup))
        {
            var slug = query.ProductGroup.Trim();
            cases = cases.Where(c => db.ProductGroups.Any(g => g.Id == c.ProductGroupId && g.Slug == slug));
        }

        if (KnowledgeTags.Normalise(query.Tag) is { Length: > 0 } tag)
        {
            cases = cases.Where(c => c.Tags.Contains(tag));
        }

        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = CountryCode.IsValid(query.Country) ? CountryCode.Parse(query.Country) : null;
            cases = cases.Where(
                c => country != null && db.MemberOrganisations.Any(m => m.Id == c.OrganisationId && m.CountryCode == country));
        }

        return await SummariesAsync(db, cases.OrderByDescending(c => c.PublishedAt), cancellationToken);
    }

    /// <summary>The tags and countries of the published cases the caller may read, for the filters.</summary>
    public async Task<(IReadOnlyList<string> Tags, IReadOnlyList<string> Countries)> FacetsAsync(
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var membersToo = user.IsBuyerSide();
        var readable = db.GoodPracticeCases.AsNoTracking()
            .Where(c => c.Status == GoodPracticeStatus.Published && (c.Visibility == KnowledgeVisibility.Public || membersToo));
        var tags = await readable.SelectMany(c => c.Tags).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        var countries = await readable.Join(db.MemberOrganisations, c => c.OrganisationId, m => m.Id, (c, m) => m.CountryCode)
            .Distinct().ToListAsync(cancellationToken);
        return (tags, countries.Select(c => c.Value).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>A case as the caller may see it; unpublished or members-only cases are "not found" to everyone else.</summary>
    public async Task<GoodPracticeDetails> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var viewer = await KnowledgeViewer.LoadAsync(db, user, cancellationToken);
        var row = await db.GoodPracticeCases.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                Case = c,
                Organisation = db.MemberOrganisations
                    .Where(m => m.Id == c.OrganisationId)
                    .Select(m => new { m.LegalName, m.CountryCode })
                    .First(),
                Author = db.Users.Where(u => u.Id == c.AuthorUserId).Select(u => u.DisplayName).First(),
                FileName = db.StoredDocuments.Where(d => d.Id == c.AttachmentDocumentId).Select(d => d.FileName).FirstOrDefault(),
                Reviews = c.Reviews
                    .OrderBy(r => r.At)
                    .Select(r => new ReviewStep(r.Revision, r.Action, r.Comment, r.ByName, r.At))
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var found = row?.Case;
        var readable = found is not null
            && ((found.Status == GoodPracticeStatus.Published && viewer.MayRead(found.Visibility))
                || viewer.MaySeeUnpublished(found.OrganisationId, found.BuyerGroupId, found.AuthorUserId));
        if (!readable)
        {
            throw new NotFoundException("This good-practice case does not exist or is not published.");
        }

        var insider = viewer.MaySeeUnpublished(found!.OrganisationId, found.BuyerGroupId, found.AuthorUserId);
        return new GoodPracticeDetails(
            found.Id,
            found.OrganisationId,
            row!.Organisation.LegalName,
            row.Organisation.CountryCode.Value,
            row.Author,
            ContentOf(found),
            found.TextFor(ReaderLanguage.Current),
            found.Status,
            found.Revision,
            found.AttachmentDocumentId,
            row.FileName,
            found.UpdatedAt,
            found.PublishedAt,
            found.Version,
            viewer.MayEdit(found.OrganisationId, found.AuthorUserId) && found.IsEditable,
            viewer.MayReview(found.BuyerGroupId) && found.AuthorUserId != viewer.UserId,
            insider ? row.Reviews : []);
    }

    /// <summary>The cases of the caller's organisation and the ones they wrote, in every state.</summary>
    public async Task<IReadOnlyList<GoodPracticeSummary>> MineAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var viewer = await KnowledgeViewer.LoadAsync(db, user, cancellationToken);
        var userId = viewer.RequiredUserId;
        var cases = db.GoodPracticeCases.AsNoTracking()
            .Where(c => c.AuthorUserId == userId || (viewer.OrganisationId != null && c.OrganisationId == viewer.OrganisationId))
            .OrderByDescending(c => c.UpdatedAt);
        return await SummariesAsync(db, cases, cancellationToken);
    }

    /// <summary>Cases waiting for review in the groups the caller coordinates (all groups for the secretariat).</summary>
    public async Task<IReadOnlyList<GoodPracticeSummary>> ReviewQueueAsync(
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var viewer = await KnowledgeViewer.LoadAsync(db, user, cancellationToken);
        if (!viewer.IsSecretariat && viewer.CoordinatedGroupIds.Count == 0)
        {
            throw new ForbiddenException("Only buyer-group coordinators and the secretariat review good-practice cases.");
        }

        var groups = viewer.CoordinatedGroupIds.ToList();
        var all = viewer.IsSecretariat;
        var cases = db.GoodPracticeCases.AsNoTracking()
            .Where(c => c.Status == GoodPracticeStatus.Submitted && (all || groups.Contains(c.BuyerGroupId)))
            .OrderBy(c => c.UpdatedAt);
        return await SummariesAsync(db, cases, cancellationToken);
    }

    /// <summary>The organisations the caller may write a case for: their own, or the members of the groups they coordinate.</summary>
    public async Task<IReadOnlyList<OrganisationOption>> AuthorOrganisationsAsync(
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var viewer = await KnowledgeViewer.LoadAsync(db, user, cancellationToken);
        var groups = viewer.CoordinatedGroupIds.ToList();
        var own = viewer.OrganisationId;
        return await db.MemberOrganisations.AsNoTracking()
            .Where(m => m.Id == own || groups.Contains(m.BuyerGroupId))
            .OrderBy(m => m.LegalName)
            .Select(m => new OrganisationOption(m.Id, m.LegalName))
            .ToListAsync(cancellationToken);
    }

    public async Task<Guid> CreateAsync(
        ClaimsPrincipal user,
        Guid organisationId,
        GoodPracticeContent content,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var viewer = await KnowledgeViewer.LoadAsync(db, user, cancellationToken);
        var organisation = await db.MemberOrganisations.AsNoTracking().Where(m => m.Id == organisationId)
            .Select(m => new { m.Id, m.BuyerGroupId, m.LegalName }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This member organisation does not exist.");
        if (viewer.UserId is null
            || (viewer.OrganisationId != organisation.Id && !viewer.CoordinatedGroupIds.Contains(organisation.BuyerGroupId)))
        {
            throw new ForbiddenException(
                "You can write cases for your own organisation, or as a coordinator for the members of your buyer group.");
        }

        await ProductGroupOptions.EnsureExistsAsync(db, content.ProductGroupId, cancellationToken);
        var created = new GoodPracticeCase(organisation.Id, organisation.BuyerGroupId, viewer.RequiredUserId, content, clock.GetUtcNow());
        db.GoodPracticeCases.Add(created);
        audit.Record(db, user, EntityType, created.Id, created.BuyerGroupId, "Created", $"Good-practice case '{created.Title}' started "
            + $"for {organisation.LegalName}", null, Snapshot(created));
        await db.SaveChangesAsync(cancellationToken);
        return created.Id;
    }

    /// <summary>
    /// Saves the author's changes; someone else's save since <paramref name="loadedVersion"/> is a conflict, never overwritten.
    /// </summary>
    public Task UpdateAsync(
        ClaimsPrincipal user,
        Guid id,
        uint loadedVersion,
        GoodPracticeContent content,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(user, id, loadedVersion, Role.Editor, "Edited", async (db, found, _) =>
        {
            await ProductGroupOptions.EnsureExistsAsync(db, content.ProductGroupId, cancellationToken);
            found.Edit(content, clock.GetUtcNow());
            return $"Good-practice case '{found.Title}' edited";
        }, cancellationToken);

    /// <summary>Attaches a document (checked by content) that follows the case's visibility.</summary>
    public Task AttachAsync(
        ClaimsPrincipal user,
        Guid id,
        uint loadedVersion,
        DocumentUpload upload,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(user, id, loadedVersion, Role.Editor, "DocumentAttached", async (db, found, viewer) =>
        {
            var document = await uploads.ReadAsync(upload, viewer.UserId, cancellationToken);
            db.StoredDocuments.Add(document);
            found.Attach(document.Id, clock.GetUtcNow());
            return $"'{document.FileName}' attached to good-practice case '{found.Title}'";
        }, cancellationToken);

    /// <summary>Submits the case; the coordinators of its buyer group and the secretariat are told it waits for review.</summary>
    public async Task SubmitAsync(ClaimsPrincipal user, Guid id, uint loadedVersion, CancellationToken cancellationToken = default)
    {
        var found = await ChangeAsync(user, id, loadedVersion, Role.Editor, "Submitted", (_, found, viewer) =>
        {
            found.Submit(viewer.RequiredUserId, viewer.Name, clock.GetUtcNow());
            return Task.FromResult($"Good-practice case '{found.Title}' submitted for review (revision {found.Revision})");
        }, cancellationToken);
        await TellReviewersAsync(user, found, cancellationToken);
    }

    public async Task SendBackAsync(
        ClaimsPrincipal user,
        Guid id,
        uint loadedVersion,
        string? comment,
        CancellationToken cancellationToken = default)
    {
        var found = await ChangeAsync(user, id, loadedVersion, Role.Reviewer, "SentBack", (_, found, viewer) =>
        {
            found.SendBack(comment, viewer.RequiredUserId, viewer.Name, clock.GetUtcNow());
            return Task.FromResult($"Good-practice case '{found.Title}' sent back with comments");
        }, cancellationToken);
        await TellAuthorAsync(user, found, new OutgoingText("Your case “{0}” was sent back with comments", found.Title), cancellationToken);
    }

    public async Task ApproveAsync(
        ClaimsPrincipal user,
        Guid id,
        uint loadedVersion,
        string? comment,
        CancellationToken cancellationToken = default)
    {
        var found = await ChangeAsync(user, id, loadedVersion, Role.Reviewer, "Approved", (_, found, viewer) =>
        {
            found.Approve(comment, viewer.RequiredUserId, viewer.Name, clock.GetUtcNow());
            return Task.FromResult($"Good-practice case '{found.Title}' approved and published");
        }, cancellationToken);
        await TellAuthorAsync(user, found, new OutgoingText("Your case “{0}” was approved and published", found.Title), cancellationToken);
    }

    /// <summary>The author's organisation or a reviewer takes a case out of review or publication.</summary>
    public Task WithdrawAsync(
        ClaimsPrincipal user,
        Guid id,
        uint loadedVersion,
        string? comment,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(user, id, loadedVersion, Role.EditorOrReviewer, "Withdrawn", (_, found, viewer) =>
        {
            found.Withdraw(comment, viewer.RequiredUserId, viewer.Name, clock.GetUtcNow());
            return Task.FromResult($"Good-practice case '{found.Title}' withdrawn");
        }, cancellationToken);

    private enum Role
    {
        Editor,
        Reviewer,
        EditorOrReviewer,
    }

    /// <summary>Checks the caller's role for the case, applies <paramref name="change"/> and saves; returns the saved case.</summary>
    private async Task<GoodPracticeCase> ChangeAsync(
        ClaimsPrincipal user,
        Guid id,
        uint loadedVersion,
        Role role,
        string action,
        Func<PortalDbContext, GoodPracticeCase, KnowledgeViewer, Task<string>> change,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var viewer = await KnowledgeViewer.LoadAsync(db, user, cancellationToken);
        var found = await db.GoodPracticeCases.Include(c => c.Reviews).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null || !viewer.MaySeeUnpublished(found.OrganisationId, found.BuyerGroupId, found.AuthorUserId))
        {
            throw new NotFoundException("This good-practice case does not exist or is not yours to change.");
        }

        var editor = viewer.MayEdit(found.OrganisationId, found.AuthorUserId);
        var reviewer = viewer.MayReview(found.BuyerGroupId) && found.AuthorUserId != viewer.UserId;
        var allowed = role switch
        {
            Role.Editor => editor,
            Role.Reviewer => reviewer,
            _ => editor || reviewer,
        };
        if (!allowed)
        {
            throw role == Role.Reviewer
                ? new ForbiddenException("Cases are reviewed by a coordinator of the organisation's buyer group or by the secretariat, "
                    + "and never by their author.")
                : new ForbiddenException("Only people of the case's organisation change it.");
        }

        db.Entry(found).ExpectVersion(loadedVersion);
        var before = Snapshot(found);
        var summary = await change(db, found, viewer);
        audit.Record(db, user, EntityType, found.Id, found.BuyerGroupId, action, summary, before, Snapshot(found));
        await db.SaveOrConflictAsync(async () => await GetAsync(id, user, cancellationToken), cancellationToken);
        return found;
    }

    /// <summary>
    /// Tells who may review the case that it waits for them, found in one query: the coordinators of its buyer group
    /// and the secretariat (whose rights count only with two factors), never its author.
    /// </summary>
    private async Task TellReviewersAsync(ClaimsPrincipal user, GoodPracticeCase found, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (groupId, authorId) = (found.BuyerGroupId, found.AuthorUserId);
        var secretariat = db.Users.InRole(db, PortalRoles.SecretariatAdmin).Where(u => u.TwoFactorEnabled);
        var coordinators = db.Users.InRole(db, PortalRoles.BuyerGroupCoordinator)
            .Where(u => db.BuyerGroupCoordinators.Any(c => c.UserId == u.Id && c.BuyerGroupId == groupId));
        var reviewers = await secretariat.Select(u => u.Id)
            .Union(coordinators.Select(u => u.Id))
            .Where(id => id != authorId)
            .ToListAsync(cancellationToken);
        await notifications.PublishAsync(user, reviewers, NotificationKind.GoodPracticeSubmitted,
            new OutgoingText("{0} submitted “{1}” for review", user.DisplayName(), found.Title), CaseLink(found), cancellationToken);
    }

    private Task TellAuthorAsync(ClaimsPrincipal user, GoodPracticeCase found, OutgoingText title, CancellationToken cancellationToken) =>
        notifications.PublishAsync(
            user,
            [found.AuthorUserId],
            NotificationKind.GoodPracticeReviewed,
            title,
            CaseLink(found),
            cancellationToken);

    private static string CaseLink(GoodPracticeCase found) => $"/good-practices/{found.Id}";

    /// <summary>The cases as lists show them, each titled in the reader's language where it has it.</summary>
    private static async Task<List<GoodPracticeSummary>> SummariesAsync(
        PortalDbContext db,
        IQueryable<GoodPracticeCase> cases,
        CancellationToken cancellationToken)
    {
        var reader = ReaderLanguage.Current;
        var rows = await cases.Join(db.MemberOrganisations, c => c.OrganisationId, m => m.Id, (c, m) => new
        {
            Summary = new GoodPracticeSummary(
                c.Id,
                c.Title,
                m.LegalName,
                m.CountryCode.Value,
                c.ProductGroupId,
                c.Tags,
                c.Visibility,
                c.Language,
                c.Status,
                c.Revision,
                c.UpdatedAt,
                c.PublishedAt),
            c.Translations,
        }).ToListAsync(cancellationToken);
        return [.. rows.Select(row =>
        {
            var summary = row.Summary;
            var shown = ContentTranslations.For(
                reader, summary.Language, new GoodPracticeText(summary.Title, null, null, null, null, null), row.Translations);
            return summary with { Title = shown.Text.Title!, Language = shown.Language };
        })];
    }

    internal static GoodPracticeContent ContentOf(GoodPracticeCase c) =>
        new(
            c.Title,
            c.Context,
            c.Approach,
            c.Results,
            c.Impact,
            c.LessonsLearned,
            c.ProductGroupId,
            c.Tags,
            c.ContactName,
            c.ContactEmail,
            c.Visibility,
            c.Language,
            c.Translations);

    private static object Snapshot(GoodPracticeCase c) =>
        new
        {
            c.Title,
            c.Status,
            c.Revision,
            c.Visibility,
            c.Language,
            c.ProductGroupId,
            Tags = string.Join(
            ", ",
            c.Tags),
            c.AttachmentDocumentId
        };
}
