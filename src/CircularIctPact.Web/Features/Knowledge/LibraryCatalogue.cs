using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>Filters and page of the library list; empty values filter nothing.</summary>
public sealed record LibraryQuery(
    string? Text = null,
    LibraryItemType? Type = null,
    CriteriaLanguage? Language = null,
    string? ProductGroup = null,
    int Page = 1);

public sealed record LibraryVersionView(
    int Number,
    Guid? DocumentId,
    string? FileName,
    string? Url,
    string ChangeNote,
    string UploadedBy,
    DateTimeOffset UploadedAt);

/// <summary>An item in the list: <paramref name="Title"/> and <paramref name="Description"/> in <paramref name="Language"/>,
/// the reader's language where the item has it, otherwise the language it was written in.</summary>
public sealed record LibraryItemSummary(
    Guid Id,
    string Title,
    string Description,
    LibraryItemType Type,
    CriteriaLanguage Language,
    Guid? ProductGroupId,
    IReadOnlyList<string> Tags,
    KnowledgeVisibility Visibility,
    LibraryVersionView Latest);

public sealed record LibrarySearchResult(IReadOnlyList<LibraryItemSummary> Items, int Total, int Page, int PageCount);

/// <summary>An item: its description as written with every translation, and the title and description the reader gets.</summary>
public sealed record LibraryItemDetails(
    Guid Id,
    LibraryItemDescription Description,
    Translation<LibraryItemText> Shown,
    uint RowVersion,
    bool CanManage,
    IReadOnlyList<LibraryVersionView> Versions);

/// <summary>
/// The pact's library of guides, market visions, reports and templates. The secretariat, coordinators and
/// working-group chairs add items and new versions; everyone reads public items, the buying side reads
/// members-only items too.
/// </summary>
public sealed class LibraryCatalogue(
    IDbContextFactory<PortalDbContext> contextFactory,
    AuditTrail audit,
    DocumentUploads uploads,
    TimeProvider clock)
{
    public const string EntityType = "LibraryItem";
    public const int PageSize = 20;

    public static bool MayManage(ClaimsPrincipal user) =>
        user.IsSecretariat() || user.IsInRole(PortalRoles.BuyerGroupCoordinator) || user.IsInRole(PortalRoles.WorkingGroupChair);

    public async Task<LibrarySearchResult> SearchAsync(
        LibraryQuery query,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var reader = ReaderLanguage.Current;
        var items = Readable(db, user).Search(query.Text, reader);
        if (query.Type is { } type)
        {
            items = items.Where(i => i.Type == type);
        }

        if (query.Language is { } language)
        {
            // Available in the language: written in it, or translated into it (a key of the jsonb translations).
            var translationKey = language.ToString();
            items = items.Where(i => i.Language == language || EF.Functions.JsonExists(i.Translations, translationKey));
        }

        if (!string.IsNullOrWhiteSpace(query.ProductGroup))
        {
            var slug = query.ProductGroup.Trim();
            items = items.Where(i => db.ProductGroups.Any(g => g.Id == i.ProductGroupId && g.Slug == slug));
        }

        var total = await items.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await items
            .OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Title)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new
            {
                i.Id,
                Text = new LibraryItemText(i.Title, i.Description),
                i.Language,
                i.Translations,
                i.Type,
                i.ProductGroupId,
                i.Tags,
                i.Visibility,
                Latest = i.Versions.OrderByDescending(v => v.Number)
                    .Select(v => new LibraryVersionView(
                        v.Number,
                        v.DocumentId,
                        db.StoredDocuments.Where(d => d.Id == v.DocumentId).Select(d => d.FileName).FirstOrDefault(),
                        v.Url,
                        v.ChangeNote,
                        v.UploadedByName,
                        v.UploadedAt))
                    .First(),
            })
            .ToListAsync(cancellationToken);
        var summaries = rows.Select(row =>
        {
            var shown = ContentTranslations.For(reader, row.Language, row.Text, row.Translations);
            return new LibraryItemSummary(
                row.Id, shown.Text.Title!, shown.Text.Description!, row.Type, shown.Language, row.ProductGroupId, row.Tags, row.Visibility,
                row.Latest);
        });
        return new LibrarySearchResult([.. summaries], total, page, pageCount);
    }

    /// <summary>An item with every version, newest first; members-only items are "not found" to others.</summary>
    public async Task<LibraryItemDetails> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await Readable(db, user).Where(i => i.Id == id)
            .Select(i => new
            {
                Description = new LibraryItemDescription(
                    i.Title,
                    i.Description,
                    i.Type,
                    i.Language,
                    i.ProductGroupId,
                    i.Tags,
                    i.Visibility,
                    i.Translations),
                i.Version,
                Versions = i.Versions.OrderByDescending(v => v.Number)
                    .Select(v => new LibraryVersionView(
                        v.Number,
                        v.DocumentId,
                        db.StoredDocuments.Where(d => d.Id == v.DocumentId).Select(d => d.FileName).FirstOrDefault(),
                        v.Url,
                        v.ChangeNote,
                        v.UploadedByName,
                        v.UploadedAt))
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This library item does not exist.");
        var description = item.Description;
        var shown = ContentTranslations.For(
            ReaderLanguage.Current,
            description.Language,
            new LibraryItemText(description.Title, description.Description),
            description.Translations);
        return new LibraryItemDetails(id, description, shown, item.Version, MayManage(user), item.Versions);
    }

    /// <summary>Adds an item with its first version: an uploaded file or, when there is none, the link.</summary>
    public async Task<Guid> AddAsync(
        ClaimsPrincipal user,
        LibraryItemDescription description,
        DocumentUpload? file,
        string? link,
        CancellationToken cancellationToken = default)
    {
        EnsureManager(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await ProductGroupOptions.EnsureExistsAsync(db, description.ProductGroupId, cancellationToken);
        var content = await ContentAsync(db, user, file, link, cancellationToken);
        var item = new LibraryItem(description, content, null, user.RequiredUserId(), user.DisplayName(), clock.GetUtcNow());
        db.LibraryItems.Add(item);
        audit.Record(db, user, EntityType, item.Id, null, "Added", $"Library item '{item.Title}' added", null, Snapshot(item));
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }

    /// <summary>
    /// Changes what the item says about itself, its translations included; someone else's save since
    /// <paramref name="loadedVersion"/> is a conflict, never overwritten.
    /// </summary>
    public async Task DescribeAsync(
        ClaimsPrincipal user,
        Guid id,
        uint loadedVersion,
        LibraryItemDescription description,
        CancellationToken cancellationToken = default)
    {
        EnsureManager(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.LoadForChangeAsync(
            db.LibraryItems.Include(i => i.Versions),
            id,
            loadedVersion,
            new RuleViolation(null, "This library item does not exist."),
            cancellationToken);
        await ProductGroupOptions.EnsureExistsAsync(db, description.ProductGroupId, cancellationToken);
        var before = Snapshot(item);
        item.Describe(description, clock.GetUtcNow());
        audit.Record(db, user, EntityType, item.Id, null, "Described", $"Library item '{item.Title}' described", before, Snapshot(item));
        await db.SaveOrConflictAsync(async () => await GetAsync(id, user, cancellationToken), cancellationToken);
    }

    /// <summary>Adds a newer file or link; earlier versions stay listed and downloadable.</summary>
    public async Task AddVersionAsync(
        ClaimsPrincipal user,
        Guid id,
        uint loadedVersion,
        DocumentUpload? file,
        string? link,
        string? changeNote,
        CancellationToken cancellationToken = default)
    {
        EnsureManager(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.LoadForChangeAsync(
            db.LibraryItems.Include(i => i.Versions),
            id,
            loadedVersion,
            new RuleViolation(null, "This library item does not exist."),
            cancellationToken);
        var content = await ContentAsync(db, user, file, link, cancellationToken);
        var version = item.AddVersion(content, changeNote, user.RequiredUserId(), user.DisplayName(), clock.GetUtcNow());
        db.Entry(version).State = EntityState.Added;
        audit.Record(
            db,
            user,
            EntityType,
            item.Id,
            null,
            "VersionAdded",
            $"Version {version.Number} of library item '{item.Title}' added",
            null,
            new { version.Number, version.DocumentId, version.Url, version.ChangeNote });
        await db.SaveOrConflictAsync(async () => await GetAsync(id, user, cancellationToken), cancellationToken);
    }

    private static IQueryable<LibraryItem> Readable(PortalDbContext db, ClaimsPrincipal user)
    {
        var membersToo = user.IsBuyerSide();
        return db.LibraryItems.AsNoTracking().Where(i => i.Visibility == KnowledgeVisibility.Public || membersToo);
    }

    private async Task<LibraryContent> ContentAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        DocumentUpload? file,
        string? link,
        CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return LibraryContent.Link(link);
        }

        if (!string.IsNullOrWhiteSpace(link))
        {
            throw new DomainException(LibraryItemFields.Link, "Give either a file or a link, not both.");
        }

        var document = await uploads.ReadAsync(file, user.UserId(), cancellationToken);
        db.StoredDocuments.Add(document);
        return LibraryContent.File(document.Id);
    }

    private static void EnsureManager(ClaimsPrincipal user)
    {
        if (!MayManage(user))
        {
            throw new ForbiddenException("The secretariat, buyer-group coordinators and working-group chairs add to the library.");
        }
    }

    private static object Snapshot(LibraryItem i) =>
        new
        {
            i.Title,
            i.Type,
            i.Language,
            Translations = string.Join(", ", i.Translations.Select(t => t.Language)),
            i.Visibility,
            i.ProductGroupId,
            Tags = string.Join(", ", i.Tags),
            Versions = i.Versions.Count,
        };
}
