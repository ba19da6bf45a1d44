using System.Security.Claims;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Reading the criteria library: product groups, versions, a set's criteria in one language with filters and
/// full-text search, one criterion. Published and superseded versions are public; drafts and versions in
/// review are returned to the secretariat only.
/// </summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class CriteriaCatalogue(IDbContextFactory<PortalDbContext> contextFactory)
{
    private static readonly CriteriaSetStatus[] PublicStatuses = [CriteriaSetStatus.Published, CriteriaSetStatus.Superseded];

    /// <summary>Every product group, named in <paramref name="language"/>, with its latest published version.</summary>
    public async Task<IReadOnlyList<ProductGroupSummary>> ListProductGroupsAsync(
        CriteriaLanguage language,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.ProductGroups.AsNoTracking()
            .Select(g => new
            {
                g.Slug,
                Name = g.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault(),
                English = g.Names.Where(n => n.Language == CriteriaLanguages.Source).Select(n => n.Name).FirstOrDefault(),
                Published = db.CriteriaSets
                    .Where(s => s.ProductGroupId == g.Id && s.Status == CriteriaSetStatus.Published)
                    .Select(s => s.Number)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return groups
            .Select(g => ProductGroupSummary.Named(g.Slug, g.Name, g.English, g.Published?.ToString()))
            .OrderBy(g => g.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The versions of a product group the user may see, newest first; null when the group does not exist.</summary>
    public async Task<IReadOnlyList<CriteriaSetSummary>?> ListVersionsAsync(
        string productGroup,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group =
            await GroupWithVersionsAsync(db, productGroup, CriteriaLanguages.Source, user, withReleaseNotes: false, cancellationToken);
        return group?.Versions;
    }

    /// <summary>
    /// One version of a set (the latest published unless <see cref="CatalogueQuery.Version"/> is given) with the criteria
    /// that match the filters, in the requested language. Throws <see cref="NotFoundException"/> for an unknown
    /// product group or a version the user may not see.
    /// </summary>
    public virtual async Task<CatalogueView> GetAsync(
        CatalogueQuery query,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (group, versions, set, notes) =
            await ResolveSetAsync(db, query.ProductGroup, query.Version, query.Language, user, withReleaseNotes: true, cancellationToken);

        var criteria = db.Criteria.AsNoTracking().Where(c => c.CriteriaSetId == set.Id);
        if (query.Theme is { } theme)
        {
            criteria = criteria.Where(c => c.Theme == theme);
        }

        if (query.AmbitionLevel is { } level)
        {
            criteria = criteria.Where(c => c.AmbitionLevel == level);
        }

        if (query.Type is { } type)
        {
            criteria = criteria.Where(c => c.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            criteria = Search(criteria, query.Language, query.Text.Trim());
        }

        var rows = await Project(db, criteria, query.Language).ToListAsync(cancellationToken);
        var note = notes.FirstOrDefault(n => n.Language == query.Language)
            ?? notes.FirstOrDefault(n => n.Language == CriteriaLanguages.Source);
        return new CatalogueView(
            group,
            versions,
            set,
            query.Language,
            note?.Text,
            note is not null && note.Language != query.Language,
            Ordered(rows.Select(r => r.ToView(query.Language))));
    }

    /// <summary>
    /// One criterion of one version in one language; throws <see cref="NotFoundException"/> when there is none the user may see.
    /// </summary>
    public async Task<CriterionPageView> GetCriterionAsync(
        string productGroup,
        string version,
        string code,
        CriteriaLanguage language,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        if (!CriterionCode.IsValid(code))
        {
            throw new NotFoundException("There is no criterion {0}.", code);
        }

        var criterionCode = CriterionCode.Parse(code);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (group, versions, set, _) =
            await ResolveSetAsync(db, productGroup, version, language, user, withReleaseNotes: false, cancellationToken);
        var row = await Project(
            db,
            db.Criteria.AsNoTracking().Where(c => c.CriteriaSetId == set.Id && c.Code == criterionCode),
            language).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(
                "Version {0} of the {1} criteria has no criterion {2}.", set.Version, group.Name, criterionCode);
        var visibleSetIds = versions.Select(v => v.Id).ToList();
        var otherVersions = await db.Criteria.AsNoTracking()
            .Where(c => c.Code == criterionCode && c.CriteriaSetId != set.Id && visibleSetIds.Contains(c.CriteriaSetId))
            .Select(c => c.CriteriaSetId)
            .ToListAsync(cancellationToken);
        var languages = await db.CriterionTexts
            .AsNoTracking()
            .Where(t => t.CriterionId == row.Id)
            .Select(t => t.Language)
            .ToListAsync(cancellationToken);
        return new CriterionPageView(
            group,
            set,
            row.ToView(language),
            [.. languages.Order()],
            versions.Where(v => otherVersions.Contains(v.Id)).Select(v => v.Version).ToList());
    }

    /// <summary>
    /// The criteria with these ids, in the given order, in one language; ids of versions the user may not see are left out.
    /// </summary>
    public async Task<IReadOnlyList<ShortlistedCriterion>> GetManyAsync(
        IReadOnlyList<Guid> ids,
        CriteriaLanguage language,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var statuses = user.IsSecretariat() ? Enum.GetValues<CriteriaSetStatus>() : PublicStatuses;
        var visible = db.Criteria.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Where(c => db.CriteriaSets.Any(s => s.Id == c.CriteriaSetId && statuses.Contains(s.Status)));
        var rows = await Project(db, visible, language).ToListAsync(cancellationToken);
        var setIds = rows.Select(r => r.CriteriaSetId).Distinct().ToList();
        var sets = await db.CriteriaSets.AsNoTracking()
            .Where(s => setIds.Contains(s.Id))
            .Join(db.ProductGroups, s => s.ProductGroupId, g => g.Id, (s, g) => new { s.Id, s.Number, g.Slug })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        return ids.Where(byId.ContainsKey)
            .Select(id => byId[id])
            .Select(r => new ShortlistedCriterion(sets[r.CriteriaSetId].Slug, sets[r.CriteriaSetId].Number.ToString(), r.ToView(language)))
            .ToList();
    }

    /// <summary>
    /// The code, title and requirement of every criterion of a criteria set in <paramref name="language"/>, or in the
    /// English source where it is not translated, whatever the set's status: for a feature that has already decided the
    /// caller may read the set, such as a consultation on a draft.
    /// </summary>
    public async Task<IReadOnlyList<CriterionRequirement>> RequirementsOfSetAsync(
        Guid criteriaSetId,
        CriteriaLanguage language,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await WithTexts(db, db.Criteria.AsNoTracking().Where(c => c.CriteriaSetId == criteriaSetId), language)
            .Select(x => new CriterionRequirement(
                x.Criterion.Code,
                x.Text == null ? x.Source.Title : x.Text.Title,
                x.Text == null ? x.Source.Requirement : x.Text.Requirement,
                x.Text != null))
            .ToListAsync(cancellationToken);
    }

    internal static IReadOnlyList<CriterionView> Ordered(IEnumerable<CriterionView> criteria) =>
        criteria.OrderBy(c => c.Theme).ThenBy(c => c.AmbitionLevel).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Matches the chosen language's text with that language's configuration, or the English source where there is no translation.
    /// </summary>
    private static IQueryable<Criterion> Search(IQueryable<Criterion> criteria, CriteriaLanguage language, string text)
    {
        var configuration = CriteriaTextSearch.ConfigurationFor(language);
        var english = CriteriaTextSearch.ConfigurationFor(CriteriaLanguages.Source);
        return criteria.Where(c =>
            c.Texts.Any(t => t.Language == language
                && EF.Property<NpgsqlTsVector>(t, CriteriaTextSearch.SearchVector)
                    .Matches(EF.Functions.WebSearchToTsQuery(configuration, text)))
            || (!c.Texts.Any(t => t.Language == language)
                && c.Texts.Any(t => t.Language == CriteriaLanguages.Source
                    && EF.Property<NpgsqlTsVector>(t, CriteriaTextSearch.SearchVector)
                        .Matches(EF.Functions.WebSearchToTsQuery(english, text)))));
    }

    /// <summary>
    /// Each criterion with its text in <paramref name="language"/> (null when not translated) and its English source, to be
    /// projected further by the caller. The texts are joined rather than picked with FirstOrDefault: a criterion has at most
    /// one text per language (unique index), and a join lets PostgreSQL use that index, where FirstOrDefault numbers every
    /// text of the language on each request.
    /// </summary>
    internal static IQueryable<CriterionWithTexts> WithTexts(
        PortalDbContext db,
        IQueryable<Criterion> criteria,
        CriteriaLanguage language) =>
        from c in criteria
        from text in db.CriterionTexts.Where(t => t.CriterionId == c.Id && t.Language == language).DefaultIfEmpty()
        join source in db.CriterionTexts.Where(t => t.Language == CriteriaLanguages.Source) on c.Id equals source.CriterionId
        select new CriterionWithTexts { Criterion = c, Text = text, Source = source };

    private static IQueryable<CriterionRow> Project(PortalDbContext db, IQueryable<Criterion> criteria, CriteriaLanguage language) =>
        WithTexts(db, criteria, language).Select(x => new CriterionRow(
            x.Criterion.Id,
            x.Criterion.CriteriaSetId,
            x.Criterion.Code,
            x.Criterion.Theme,
            x.Criterion.AmbitionLevel,
            x.Criterion.Type,
            x.Criterion.Strategy,
            x.Criterion.References,
            x.Text == null ? null : new TextRow(
                x.Text.Title,
                x.Text.Requirement,
                x.Text.Verification,
                x.Text.ContractManagement,
                x.Text.ExplanatoryNote,
                x.Text.MarketReadiness),
            new TextRow(
                x.Source.Title,
                x.Source.Requirement,
                x.Source.Verification,
                x.Source.ContractManagement,
                x.Source.ExplanatoryNote,
                x.Source.MarketReadiness)));

    private static async Task<(
        ProductGroupSummary Group,
        IReadOnlyList<CriteriaSetSummary> Versions,
        CriteriaSetSummary Set,
        IReadOnlyList<ReleaseNote> ReleaseNotes)> ResolveSetAsync(
        PortalDbContext db,
        string productGroup,
        string? version,
        CriteriaLanguage language,
        ClaimsPrincipal user,
        bool withReleaseNotes,
        CancellationToken cancellationToken)
    {
        var group = await GroupWithVersionsAsync(db, productGroup, language, user, withReleaseNotes, cancellationToken)
            ?? throw new NotFoundException("There is no product group '{0}'.", productGroup);
        var summary = group.Summary;
        CriteriaSetSummary? set;
        if (string.IsNullOrWhiteSpace(version))
        {
            set = group.Versions.FirstOrDefault(v => v.Status == CriteriaSetStatus.Published)
                ?? throw new NotFoundException("No version of the {0} criteria has been published yet.", summary.Name);
        }
        else
        {
            set = CriteriaVersion.TryParse(version, out var number)
                ? group.Versions.FirstOrDefault(v => v.Version == number.ToString())
                : null;
            if (set is null)
            {
                throw new NotFoundException("There is no published version {0} of the {1} criteria.", version, summary.Name);
            }
        }

        return (summary, group.Versions, set, group.ReleaseNotes.GetValueOrDefault(set.Id, []));
    }

    /// <summary>
    /// A product group with the versions the user may see, newest first, and (when asked for) each version's release notes in
    /// <paramref name="language"/> and English, in one round trip; null when there is no such group.
    /// </summary>
    private static async Task<GroupWithVersions?> GroupWithVersionsAsync(
        PortalDbContext db,
        string productGroup,
        CriteriaLanguage language,
        ClaimsPrincipal user,
        bool withReleaseNotes,
        CancellationToken cancellationToken)
    {
        var statuses = user.IsSecretariat() ? Enum.GetValues<CriteriaSetStatus>() : PublicStatuses;
        var group = await db.ProductGroups.AsNoTracking()
            .Where(g => g.Slug == productGroup)
            .Select(g => new
            {
                g.Slug,
                Name = g.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault(),
                English = g.Names.Where(n => n.Language == CriteriaLanguages.Source).Select(n => n.Name).FirstOrDefault(),
                Versions = db.CriteriaSets
                    .Where(s => s.ProductGroupId == g.Id && statuses.Contains(s.Status))
                    .Select(s => new
                    {
                        s.Id,
                        s.Number,
                        s.Status,
                        s.PublishedOn,
                        Count = s.Criteria.Count,
                        Notes = s.ReleaseNotes
                            .Where(n => withReleaseNotes && (n.Language == language || n.Language == CriteriaLanguages.Source))
                            .Select(n => new ReleaseNote(n.Language, n.Text))
                            .ToList(),
                    })
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }

        var versions = group.Versions.OrderByDescending(s => s.Number).ToList();
        var published = versions.FirstOrDefault(v => v.Status == CriteriaSetStatus.Published);
        return new GroupWithVersions(
            ProductGroupSummary.Named(group.Slug, group.Name, group.English, published?.Number.ToString()),
            versions.Select(s => new CriteriaSetSummary(s.Id, s.Number.ToString(), s.Status, s.PublishedOn, s.Count)).ToList(),
            versions.ToDictionary(s => s.Id, s => (IReadOnlyList<ReleaseNote>)s.Notes));
    }

    private sealed record GroupWithVersions(
        ProductGroupSummary Summary,
        IReadOnlyList<CriteriaSetSummary> Versions,
        IReadOnlyDictionary<Guid, IReadOnlyList<ReleaseNote>> ReleaseNotes);

    private sealed record TextRow(
        string Title,
        string Requirement,
        string? Verification,
        string? ContractManagement,
        string? ExplanatoryNote,
        string? MarketReadiness)
    {
        public CriterionContent ToContent() => new(Title, Requirement, Verification, ContractManagement, ExplanatoryNote, MarketReadiness);
    }

    private sealed record CriterionRow(
        Guid Id,
        Guid CriteriaSetId,
        CriterionCode Code,
        CriterionTheme Theme,
        AmbitionLevel AmbitionLevel,
        CriterionType Type,
        PactStrategy Strategy,
        string? References,
        TextRow? Text,
        TextRow Source)
    {
        public CriterionView ToView(CriteriaLanguage language) =>
            new(Id, Code.Value, Theme, AmbitionLevel, Type, Strategy, References, Text is null
                ? CriteriaLanguages.Source
                : language, Text is null, (Text ?? Source).ToContent());
    }
}

/// <summary>A criterion on a shortlist, with the product group and version it comes from for traceability.</summary>
public sealed record ShortlistedCriterion(string ProductGroup, string Version, CriterionView Criterion);

/// <summary>
/// A criterion's title and requirement in one language, or in the English source when <paramref name="Translated"/> is false.
/// </summary>
public sealed record CriterionRequirement(CriterionCode Code, string Title, string Requirement, bool Translated);

/// <summary>
/// A criterion with its text in one language (null when it has no translation) and its English source text, from
/// <see cref="CriteriaCatalogue.WithTexts"/>. Init properties rather than a constructor, so EF Core can keep composing on it.
/// </summary>
internal sealed class CriterionWithTexts
{
    public required Criterion Criterion { get; init; }

    public CriterionText? Text { get; init; }

    public required CriterionText Source { get; init; }
}
