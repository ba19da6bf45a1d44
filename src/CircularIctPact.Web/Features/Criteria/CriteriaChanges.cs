using System.Security.Claims;
using CircularIctPact.Domain.Criteria;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// What changed between two versions of a product group's criteria: criteria added, removed and changed, with word-level text differences.
/// </summary>
public sealed class CriteriaChanges(CriteriaCatalogue catalogue)
{
    /// <summary>
    /// Compares version <paramref name="from"/> with <paramref name="to"/> in <paramref name="language"/>; without
    /// <paramref name="from"/>, the version before <paramref name="to"/>. Throws <see cref="Common.NotFoundException"/> for versions the
    /// user may not see.
    /// </summary>
    public async Task<ChangesView> CompareAsync(
        string productGroup,
        string to,
        string? from,
        CriteriaLanguage language,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        var newer = await catalogue.GetAsync(new CatalogueQuery(productGroup, to, language), user, cancellationToken);
        var toNumber = CriteriaVersion.Parse(newer.Version);
        var fromVersion = from ?? newer.Versions
            .Select(v => CriteriaVersion.Parse(v.Version))
            .Where(v => v < toNumber)
            .OrderDescending()
            .FirstOrDefault()?.ToString()
            ?? throw new Common.NotFoundException(
                "Version {0} is the first version of the {1} criteria; there is nothing to compare it with.",
                newer.Version,
                newer.ProductGroup.Name);
        var older = await catalogue.GetAsync(new CatalogueQuery(productGroup, fromVersion, language), user, cancellationToken);

        var before = older.Criteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var after = newer.Criteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var added = newer.Criteria.Where(c => !before.ContainsKey(c.Code)).ToList();
        var removed = older.Criteria.Where(c => !after.ContainsKey(c.Code)).ToList();
        var changed = new List<CriterionChange>();
        var unchanged = 0;
        foreach (var current in newer.Criteria.Where(c => before.ContainsKey(c.Code)))
        {
            var change = Compare(before[current.Code], current);
            if (change is null)
            {
                unchanged++;
            }
            else
            {
                changed.Add(change);
            }
        }

        return new ChangesView(newer.ProductGroup, older.Set, newer.Set, language, newer.Versions, added, removed, changed, unchanged);
    }

    private static CriterionChange? Compare(CriterionView before, CriterionView after)
    {
        var classification = new List<ClassificationChange>();
        Note(classification, "Theme", CriteriaLabels.Theme(before.Theme), CriteriaLabels.Theme(after.Theme));
        Note(classification, "Ambition level", CriteriaLabels.Level(before.AmbitionLevel), CriteriaLabels.Level(after.AmbitionLevel));
        Note(classification, "Type", CriteriaLabels.Type(before.Type), CriteriaLabels.Type(after.Type));
        Note(classification, "Strategy", CriteriaLabels.Strategy(before.Strategy), CriteriaLabels.Strategy(after.Strategy));
        if (!string.Equals(before.References, after.References, StringComparison.Ordinal))
        {
            classification.Add(
                new ClassificationChange("References", before.References ?? "—", after.References ?? "—", ValuesAreContent: true));
        }

        var fields = before.Content.Fields().Zip(after.Content.Fields())
            .Where(pair => !string.Equals(pair.First.Text ?? string.Empty, pair.Second.Text ?? string.Empty, StringComparison.Ordinal))
            .Select(pair => new FieldDiff(
                pair.First.Field,
                Diff(RichText.ToPlainText(pair.First.Text), RichText.ToPlainText(pair.Second.Text))))
            .ToList();

        return classification.Count == 0 && fields.Count == 0
            ? null
            : new CriterionChange(after, before.Content.Title, classification, fields);
    }

    private static void Note(List<ClassificationChange> changes, string what, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new ClassificationChange(what, before, after, ValuesAreContent: false));
        }
    }

    /// <summary>Word-level differences as a sequence of unchanged, deleted and inserted pieces.</summary>
    internal static IReadOnlyList<DiffSpan> Diff(string before, string after)
    {
        var model = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false, ignoreCase: false, new WordChunker());
        var spans = new List<DiffSpan>();
        foreach (var piece in model.Lines)
        {
            var kind = piece.Type switch
            {
                ChangeType.Inserted => DiffKind.Inserted,
                ChangeType.Deleted => DiffKind.Deleted,
                _ => DiffKind.Unchanged,
            };
            if (spans.Count > 0 && spans[^1].Kind == kind)
            {
                spans[^1] = spans[^1] with { Text = spans[^1].Text + piece.Text };
            }
            else
            {
                spans.Add(new DiffSpan(kind, piece.Text ?? string.Empty));
            }
        }

        return spans;
    }
}

public enum DiffKind
{
    Unchanged,
    Deleted,
    Inserted,
}

public sealed record DiffSpan(DiffKind Kind, string Text);

public sealed record FieldDiff(string Field, IReadOnlyList<DiffSpan> Spans);

/// <summary>A criterion present in both versions whose classification or texts differ.</summary>
public sealed record CriterionChange(
    CriterionView Current,
    string PreviousTitle,
    IReadOnlyList<ClassificationChange> ClassificationChanges,
    IReadOnlyList<FieldDiff> Fields);

/// <summary>
/// A classification that changed, named by its English label (a shared resource key); the values are English labels of
/// the same kind too, except references, which are catalogue content.
/// </summary>
public sealed record ClassificationChange(string What, string Before, string After, bool ValuesAreContent);

public sealed record ChangesView(
    ProductGroupSummary ProductGroup,
    CriteriaSetSummary From,
    CriteriaSetSummary To,
    CriteriaLanguage Language,
    IReadOnlyList<CriteriaSetSummary> Versions,
    IReadOnlyList<CriterionView> Added,
    IReadOnlyList<CriterionView> Removed,
    IReadOnlyList<CriterionChange> Changed,
    int Unchanged);
