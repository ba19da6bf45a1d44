using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// The secretariat's work on the criteria library: product groups, new draft versions, editing criteria and their
/// translations, review and publication. Every operation checks that the caller is the secretariat, changes the
/// aggregate through its own methods (so a published version refuses every change) and records an audit entry.
/// Rich text is sanitised here, before it reaches the domain.
/// </summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class CriteriaEditor(
    IDbContextFactory<PortalDbContext> contextFactory,
    AuditTrail audit,
    TimeProvider clock,
    IOutputCacheStore outputCache)
{
    private const string SetEntity = "CriteriaSet";

    /// <summary>Every product group with all its versions, for the secretariat's overview.</summary>
    public async Task<IReadOnlyList<ProductGroupVersions>> OverviewAsync(
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.ProductGroups.AsNoTracking()
            .Select(
                g => new { g.Id, g.Slug, Name = g.Names.Where(n => n.Language == CriteriaLanguages.Source).Select(n => n.Name).First() })
            .ToListAsync(cancellationToken);
        var sets = await db.CriteriaSets.AsNoTracking()
            .Select(s => new { s.ProductGroupId, Summary = new { s.Id, s.Number, s.Status, s.PublishedOn, Count = s.Criteria.Count } })
            .ToListAsync(cancellationToken);
        return groups.OrderBy(g => g.Name, StringComparer.CurrentCulture)
            .Select(g => new ProductGroupVersions(
                g.Id,
                g.Slug,
                g.Name,
                sets.Where(s => s.ProductGroupId == g.Id)
                    .OrderByDescending(s => s.Summary.Number)
                    .Select(s => new CriteriaSetSummary(
                        s.Summary.Id,
                        s.Summary.Number.ToString(),
                        s.Summary.Status,
                        s.Summary.PublishedOn,
                        s.Summary.Count))
                    .ToList()))
            .ToList();
    }

    /// <summary>Adds a product group (e.g. tablets) without any code change; its names per language are optional except English.</summary>
    public async Task<Guid> AddProductGroupAsync(
        string slug,
        IReadOnlyDictionary<CriteriaLanguage, string?> names,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        var group = new ProductGroup(slug, names.GetValueOrDefault(CriteriaLanguage.En) ?? string.Empty);
        foreach (var (language, name) in names.Where(n => n.Key != CriteriaLanguage.En))
        {
            group.Name(language, name);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ProductGroups.AnyAsync(g => g.Slug == group.Slug, cancellationToken))
        {
            throw new DomainException(ProductGroupFields.Slug, "There is already a product group '{0}'.", group.Slug);
        }

        db.ProductGroups.Add(group);
        audit.Record(db, user, "ProductGroup", group.Id, null, "Created", $"Product group {group.Slug} added", null, new
        {
            group.Slug,
            Names = group.Names,
        });
        await db.SaveChangesAsync(cancellationToken);
        return group.Id;
    }

    /// <summary>
    /// Starts the next version of a product group's criteria: a copy of the latest published version with the given
    /// number (or the next minor number), or an empty first draft when nothing is published yet. One open draft per group.
    /// </summary>
    public async Task<Guid> CreateDraftAsync(
        string productGroup,
        string? version,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.ProductGroups.SingleOrDefaultAsync(g => g.Slug == productGroup, cancellationToken)
            ?? throw new NotFoundException("There is no product group '{0}'.", productGroup);
        var open = await db.CriteriaSets.AsNoTracking()
            .Where(s => s.ProductGroupId == group.Id && (s.Status == CriteriaSetStatus.Draft || s.Status == CriteriaSetStatus.InReview))
            .Select(s => s.Number)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            throw new DomainException(
                CriteriaSetFields.Version,
                "Version {0} is still open; publish it or work in it before starting another.",
                open);
        }

        var published = await db.CriteriaSets
            .Include(s => s.Criteria).ThenInclude(c => c.Texts)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.ProductGroupId == group.Id && s.Status == CriteriaSetStatus.Published, cancellationToken);
        var existing = await db.CriteriaSets
            .AsNoTracking()
            .Where(s => s.ProductGroupId == group.Id)
            .Select(s => s.Number)
            .ToListAsync(cancellationToken);
        var number = string.IsNullOrWhiteSpace(version)
            ? published?.Number.NextMinor() ?? new CriteriaVersion(1, 0)
            : CriteriaVersion.Parse(version);
        if (existing.Contains(number))
        {
            throw new DomainException(CriteriaSetFields.Version, "Version {0} already exists.", number);
        }

        var draft = published is null ? CriteriaSet.NewDraft(group, number) : CriteriaSet.DraftFrom(published, number);
        db.CriteriaSets.Add(draft);
        audit.Record(
            db,
            user,
            SetEntity,
            draft.Id,
            null,
            "Created",
            $"Draft {group.Slug} {number} created{(published is null ? string.Empty : $" from {published.Number}")}",
            null,
            new { Version = number.ToString(), BasedOn = published?.Number.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return draft.Id;
    }

    /// <summary>A version with every criterion and all its translations, for editing side by side.</summary>
    public virtual async Task<EditableSet> GetAsync(Guid setId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var set = await db.CriteriaSets.AsNoTracking()
            .Include(s => s.Criteria).ThenInclude(c => c.Texts)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == setId, cancellationToken)
            ?? throw new NotFoundException("This criteria version does not exist.");
        var group =
            await db.ProductGroups.AsNoTracking().Where(g => g.Id == set.ProductGroupId).Select(g => g.Slug).SingleAsync(cancellationToken);
        var published = await db.CriteriaSets.AsNoTracking()
            .Where(s => s.ProductGroupId == set.ProductGroupId && s.Status == CriteriaSetStatus.Published)
            .Select(s => s.Number)
            .FirstOrDefaultAsync(cancellationToken);
        return new EditableSet(
            set.Id,
            group,
            set.Number.ToString(),
            set.Status,
            set.PublishedOn,
            set.Version,
            published?.ToString(),
            set.ReleaseNotes.ToDictionary(n => n.Language, n => n.Text),
            set.Criteria
                .OrderBy(c => c.Theme).ThenBy(c => c.AmbitionLevel).ThenBy(c => c.Code.Value, StringComparer.Ordinal)
                .Select(c => new EditableCriterion(
                    c.Id,
                    c.Code.Value,
                    c.Classification,
                    CriteriaLanguages.All.ToDictionary(l => l, l => c.TextIn(l)?.Content),
                    CriteriaLanguages.All.ToDictionary(l => l, c.TranslationStatusIn)))
                .ToList());
    }

    /// <summary>Adds a criterion to a draft, with its English source text.</summary>
    public virtual Task<Guid> AddCriterionAsync(
        Guid setId,
        uint expectedVersion,
        string code,
        CriterionClassification classification,
        CriterionContent english,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(setId, expectedVersion, user, "CriterionAdded", set =>
        {
            var criterion = set.AddCriterion(CriterionCode.Parse(code), classification, RichText.Sanitise(english));
            return (criterion.Id, $"{criterion.Code} added to {set.Number}");
        }, cancellationToken);

    /// <summary>Changes how a criterion is classed.</summary>
    public virtual Task<Guid> ClassifyAsync(
        Guid setId,
        uint expectedVersion,
        Guid criterionId,
        CriterionClassification classification,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(setId, expectedVersion, user, "CriterionClassified", set =>
        {
            set.Classify(criterionId, classification);
            return (criterionId, $"{Code(set, criterionId)} reclassified in {set.Number}");
        }, cancellationToken);

    /// <summary>Writes a criterion's texts in one language (English is the source; changing it marks translations outdated).</summary>
    public virtual Task<Guid> WriteAsync(
        Guid setId,
        uint expectedVersion,
        Guid criterionId,
        CriteriaLanguage language,
        CriterionContent content,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(setId, expectedVersion, user, "CriterionTextWritten", set =>
        {
            set.Write(criterionId, language, RichText.Sanitise(content));
            return (criterionId, $"{Code(set, criterionId)} ({language.Code()}) edited in {set.Number}");
        }, cancellationToken);

    /// <summary>Takes a criterion out of a draft.</summary>
    public virtual Task<Guid> RemoveCriterionAsync(
        Guid setId,
        uint expectedVersion,
        Guid criterionId,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(setId, expectedVersion, user, "CriterionRemoved", set =>
        {
            var code = Code(set, criterionId);
            set.RemoveCriterion(criterionId);
            return (criterionId, $"{code} removed from {set.Number}");
        }, cancellationToken);

    public virtual Task<Guid> SubmitForReviewAsync(
        Guid setId,
        uint expectedVersion,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(setId, expectedVersion, user, "SubmittedForReview", set =>
        {
            set.SubmitForReview();
            return (set.Id, $"Version {set.Number} submitted for review");
        }, cancellationToken);

    public virtual Task<Guid> ReturnToDraftAsync(
        Guid setId,
        uint expectedVersion,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(setId, expectedVersion, user, "ReturnedToDraft", set =>
        {
            set.ReturnToDraft();
            return (set.Id, $"Version {set.Number} returned to draft");
        }, cancellationToken);

    /// <summary>
    /// Publishes a reviewed version with its publication date and release notes; the product group's version that was
    /// published until now becomes superseded in the same transaction.
    /// </summary>
    public virtual async Task PublishAsync(
        Guid setId,
        uint expectedVersion,
        DateOnly? publishedOn,
        IReadOnlyDictionary<CriteriaLanguage, string> releaseNotes,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var set = await LoadAsync(db, setId, expectedVersion, cancellationToken);
        var previous = await db.CriteriaSets
            .SingleOrDefaultAsync(
                s => s.ProductGroupId == set.ProductGroupId && s.Status == CriteriaSetStatus.Published && s.Id != set.Id,
                cancellationToken);
        var on = publishedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        set.Publish(on, releaseNotes.ToDictionary(n => n.Key, n => RichText.Sanitise(n.Value) ?? string.Empty), previous);
        audit.Record(db, user, SetEntity, set.Id, null, "Published", $"Version {set.Number} published on {on:yyyy-MM-dd}", null, new
        {
            Version = set.Number.ToString(),
            PublishedOn = on,
            ReleaseNotes = set.ReleaseNotes,
        });
        if (previous is not null)
        {
            audit.Record(
                db,
                user,
                SetEntity,
                previous.Id,
                null,
                "Superseded",
                $"Version {previous.Number} superseded by {set.Number}",
                null,
                new { Version = previous.Number.ToString(), SupersededBy = set.Number.ToString() });
        }

        await db.SaveOrConflictAsync(cancellationToken);

        // The public catalogue and the open-data API are cached; the new version must show at once.
        await outputCache.EvictByTagAsync(PortalOutputCache.CriteriaTag, CancellationToken.None);
    }

    private async Task<Guid> ChangeAsync(
        Guid setId,
        uint expectedVersion,
        ClaimsPrincipal user,
        string action,
        Func<CriteriaSet, (Guid Id, string Summary)> change,
        CancellationToken cancellationToken)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var set = await LoadAsync(db, setId, expectedVersion, cancellationToken);
        var (id, summary) = change(set);

        // The set's row changes too, so its xmin moves on and a second editor working on an older copy gets a conflict.
        db.Entry(set).Property(s => s.Status).IsModified = true;
        audit.Record(db, user, SetEntity, set.Id, null, action, summary, null, new { Version = set.Number.ToString(), Criterion = id });
        await db.SaveOrConflictAsync(cancellationToken);
        return id;
    }

    private static Task<CriteriaSet> LoadAsync(PortalDbContext db, Guid setId, uint expectedVersion, CancellationToken cancellationToken) =>
        db.LoadForChangeAsync(
            db.CriteriaSets.Include(s => s.Criteria).ThenInclude(c => c.Texts).AsSplitQuery(),
            setId,
            expectedVersion,
            new RuleViolation(null, "This criteria version does not exist."),
            cancellationToken);

    private static string Code(CriteriaSet set, Guid criterionId) =>
        set.Criteria.FirstOrDefault(c => c.Id == criterionId)?.Code.Value ?? "criterion";

    private static void EnsureSecretariat(ClaimsPrincipal user) =>
        user.EnsureSecretariat(
            new RuleViolation(null, "Only the pact secretariat (signed in with two factors) edits and publishes criteria."));
}

public sealed record ProductGroupVersions(Guid Id, string Slug, string Name, IReadOnlyList<CriteriaSetSummary> Versions);

/// <summary>A version as the secretariat edits it: all criteria with texts in every language and translation status.</summary>
public sealed record EditableSet(
    Guid Id,
    string ProductGroup,
    string Version,
    CriteriaSetStatus Status,
    DateOnly? PublishedOn,
    uint RowVersion,
    string? PublishedVersion,
    IReadOnlyDictionary<CriteriaLanguage, string> ReleaseNotes,
    IReadOnlyList<EditableCriterion> Criteria)
{
    public bool IsEditable => Status == CriteriaSetStatus.Draft;
}

public sealed record EditableCriterion(
    Guid Id,
    string Code,
    CriterionClassification Classification,
    IReadOnlyDictionary<CriteriaLanguage, CriterionContent?> Texts,
    IReadOnlyDictionary<CriteriaLanguage, TranslationStatus> Status);
