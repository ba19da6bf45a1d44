using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Content;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Criteria sets in and out of the portal, for the secretariat only: a version exported as a <see cref="CriteriaSetDocument"/>
/// (JSON) or as a workbook for translators and reviewers, and such a file imported as a draft. The import first previews
/// every change and problem without storing anything; confirming reads the file again and applies it through the
/// aggregate's own methods. A published version is never changed; see docs/decisions/0008-criteria-set-import.md for
/// what happens when the product group already has an open version.
/// </summary>
public sealed class CriteriaExchange(IDbContextFactory<PortalDbContext> contextFactory, AuditTrail audit)
{
    public const string JsonContentType = "application/json";

    /// <summary>The file types the import page offers; the content is checked, not the name alone.</summary>
    public const string AcceptAttribute = ".xlsx,.json";

    private const string SetEntity = "CriteriaSet";

    /// <summary>The version as a JSON document with every language's texts, named e.g. laptops-2.1.json.</summary>
    public async Task<CriteriaExport> ExportJsonAsync(Guid setId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (document, _) = await LoadDocumentAsync(setId, user, cancellationToken);
        return new CriteriaExport(FileName(document, ".json"), JsonContentType, document.ToUtf8Json());
    }

    /// <summary>The version as a workbook with one row per criterion and a translation status per language.</summary>
    public async Task<CriteriaExport> ExportWorkbookAsync(Guid setId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (document, statuses) = await LoadDocumentAsync(setId, user, cancellationToken);
        return new CriteriaExport(FileName(document, ".xlsx"), WorkbookFile.ContentType, CriteriaWorkbook.Write(document, statuses));
    }

    /// <summary>Reads the file and compares it with the version it came from; stores nothing.</summary>
    public async Task<CriteriaImportPreview> PreviewAsync(
        string productGroup,
        string fileName,
        byte[] content,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (preview, _) = await CompareAsync(db, productGroup, fileName, content, tracked: false, cancellationToken);
        return preview;
    }

    /// <summary>
    /// Imports the file as a draft when its preview is clean and has changes: a new draft copied from the version the file
    /// came from, or the open draft the file came from. <paramref name="expectedRowVersion"/> is the preview's
    /// <see cref="CriteriaImportPreview.BaseRowVersion"/>: when the draft changed since the preview, nothing is stored and a
    /// <see cref="ConcurrencyConflictException"/> asks for a new preview.
    /// </summary>
    public async Task<CriteriaImportResult> ImportAsync(
        string productGroup,
        string fileName,
        byte[] content,
        uint expectedRowVersion,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (preview, comparison) = await CompareAsync(db, productGroup, fileName, content, tracked: true, cancellationToken);
        if (!preview.CanImport || comparison is null)
        {
            return new CriteriaImportResult(preview, null);
        }

        if (preview.BaseRowVersion != expectedRowVersion)
        {
            throw new ConcurrencyConflictException();
        }

        var (group, baseSet, incoming) = comparison;
        var target = preview.UpdatesOpenDraft ? baseSet : CriteriaSet.DraftFrom(baseSet, CriteriaVersion.Parse(preview.TargetVersion));
        Apply(target, incoming);
        if (preview.UpdatesOpenDraft)
        {
            // The set's row changes too, so its xmin moves on and an editor working on an older copy gets a conflict.
            db.Entry(target).ExpectVersion(expectedRowVersion);
            db.Entry(target).Property(s => s.Status).IsModified = true;
        }
        else
        {
            db.CriteriaSets.Add(target);
        }

        var counts = new { Added = preview.Added, Changed = preview.Changed, Removed = preview.Removed };
        audit.Record(
            db,
            user,
            SetEntity,
            target.Id,
            null,
            "Imported",
            preview.UpdatesOpenDraft
                ? $"Draft {group.Slug} {target.Number} updated from {DocumentUploads.SanitiseFileName(fileName)}: {preview.Added} "
                    + $"added, {preview.Changed} changed, {preview.Removed} removed"
                : $"Draft {group.Slug} {target.Number} imported from {DocumentUploads.SanitiseFileName(fileName)} (based "
                    + $"on {baseSet.Number}): {preview.Added} added, {preview.Changed} changed, {preview.Removed} removed",
            null,
            new
            {
                Version = target.Number.ToString(),
                BasedOn = baseSet.Number.ToString(),
                File = DocumentUploads.SanitiseFileName(fileName),
                Counts = counts,
            });
        try
        {
            await db.SaveOrConflictAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone started or imported the same version number between the preview and now.
            throw new ConcurrencyConflictException();
        }

        return new CriteriaImportResult(preview, target.Id);
    }

    private async Task<(
        CriteriaSetDocument Document,
        Dictionary<(string, CriteriaLanguage), TranslationStatus> Statuses)> LoadDocumentAsync(
        Guid setId,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var set = await db.CriteriaSets.AsNoTracking()
            .Include(s => s.Criteria).ThenInclude(c => c.Texts)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == setId, cancellationToken)
            ?? throw new NotFoundException("This criteria version does not exist.");
        var group = await db.ProductGroups.AsNoTracking().SingleAsync(g => g.Id == set.ProductGroupId, cancellationToken);
        var criteria = set.Criteria
            .OrderBy(c => c.Theme).ThenBy(c => c.AmbitionLevel).ThenBy(c => c.Code.Value, StringComparer.Ordinal)
            .ToList();
        var document = new CriteriaSetDocument(
            new ProductGroupDocument(group.Slug, group.Names.ToDictionary(n => n.Language.Code(), n => n.Name)),
            [
                new CriteriaVersionDocument(
                    set.Number.ToString(),
                    set.Status.ToString(),
                    set.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    set.ReleaseNotes.ToDictionary(n => n.Language.Code(), n => n.Text),
                    [.. criteria.Select(c => new CriterionDocument(
                        c.Code.Value,
                        c.Theme.ToString(),
                        c.AmbitionLevel.ToString(),
                        c.Type.ToString(),
                        c.Strategy.ToString(),
                        c.References,
                        c.Texts
                            .OrderBy(t => t.Language)
                            .ToDictionary(t => t.Language.Code(), t => CriterionTextDocument.From(t.Content))))]),
            ]);
        var statuses = criteria
            .SelectMany(c => CriteriaLanguages.All.Select(l => (Key: (c.Code.Value, l), Status: c.TranslationStatusIn(l))))
            .ToDictionary(s => s.Key, s => s.Status);
        return (document, statuses);
    }

    private async Task<(CriteriaImportPreview Preview, Comparison? Comparison)> CompareAsync(
        PortalDbContext db,
        string productGroup,
        string fileName,
        byte[] content,
        bool tracked,
        CancellationToken cancellationToken)
    {
        var group = await db.ProductGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == productGroup, cancellationToken)
            ?? throw new NotFoundException("There is no product group '{0}'.", productGroup);
        var preview = new CriteriaImportPreview { ProductGroup = group.Slug, FileName = DocumentUploads.SanitiseFileName(fileName) };
        var file = Read(fileName, content);
        preview.Problems.AddRange(file.Problems);
        if (file.Problems.Count > 0)
        {
            return (preview, null);
        }

        if (file.ProductGroup.Value is null)
        {
            preview.Problems.Add(new(file.ProductGroup.Location, "The file does not say which product group it holds."));
        }
        else if (!string.Equals(file.ProductGroup.Value.Trim(), group.Slug, StringComparison.OrdinalIgnoreCase))
        {
            preview.Problems.Add(new(
                file.ProductGroup.Location,
                "The file holds criteria for '{0}', not for '{1}'. Import it on the page of that product group.",
                file.ProductGroup.Value.Trim(),
                group.Slug));
        }

        CriteriaVersion? fileVersion = null;
        if (!CriteriaVersion.TryParse(file.Version.Value, out fileVersion))
        {
            preview.Problems.Add(file.Version.Value is null
                ? new(file.Version.Location, "The file does not say which version it came from.")
                : new(file.Version.Location, "'{0}' is not a version number; write it as major.minor, e.g. 2.0.", file.Version.Value));
        }

        var incoming = Validate(file.Criteria, preview.Problems);
        if (preview.Problems.Count > 0 || fileVersion is null)
        {
            return (preview, null);
        }

        preview.FileVersion = fileVersion.ToString();
        var versions = await db.CriteriaSets.AsNoTracking()
            .Where(s => s.ProductGroupId == group.Id)
            .Select(s => new { s.Id, s.Number, s.Status })
            .ToListAsync(cancellationToken);
        var source = versions.FirstOrDefault(v => v.Number == fileVersion);
        var open = versions.FirstOrDefault(v => v.Status is CriteriaSetStatus.Draft or CriteriaSetStatus.InReview);
        if (source is null)
        {
            preview.Problems.Add(new(
                file.Version.Location,
                "{0} has no version {1}; import a file exported from one of its versions ({2}).",
                group.Slug,
                fileVersion.ToString(),
                string.Join(", ", versions.OrderBy(v => v.Number).Select(v => v.Number))));
            return (preview, null);
        }

        if (open is not null && open.Id != source.Id)
        {
            preview.Problems.Add(new(file.Version.Location, "Version {0} of {1} is still open; a file exported from {2} cannot become "
                + "another draft. Import a file exported from {0}, or publish {0} "
                + "first.", open.Number.ToString(), group.Slug, fileVersion.ToString()));
            return (preview, null);
        }

        if (source.Status == CriteriaSetStatus.InReview)
        {
            preview.Problems.Add(new(
                file.Version.Location,
                "Version {0} is in review; return it to draft before importing changes into it.",
                fileVersion.ToString()));
            return (preview, null);
        }

        var query = db.CriteriaSets.Include(s => s.Criteria).ThenInclude(c => c.Texts).AsSplitQuery();
        var baseSet = await (tracked ? query : query.AsNoTracking()).SingleAsync(s => s.Id == source.Id, cancellationToken);
        preview.BaseVersion = baseSet.Number.ToString();
        preview.BaseRowVersion = baseSet.Version;
        preview.UpdatesOpenDraft = baseSet.Status == CriteriaSetStatus.Draft;
        preview.TargetVersion = preview.UpdatesOpenDraft ? baseSet.Number.ToString() : versions.Max(v => v.Number)!.NextMinor().ToString();
        preview.Changes.AddRange(Differences(baseSet, incoming));
        return (preview, new Comparison(group, baseSet, incoming));
    }

    private static ExchangeFile Read(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".json"))
        {
            return Refused(
                "'{0}' is neither an Excel workbook (.xlsx) nor a JSON file (.json) exported from the portal.",
                DocumentUploads.SanitiseFileName(fileName));
        }

        if (content.Length == 0)
        {
            return Refused("The file is empty.");
        }

        if (content.Length > DocumentUploads.MaxSizeBytes)
        {
            return Refused("The file is larger than {0} MB. Upload a smaller file.", DocumentUploads.MaxSizeBytes / (1024 * 1024));
        }

        if (extension == ".json")
        {
            return CriteriaJsonFile.Read(content);
        }

        if (XlsxPackage.TryOpen(content, out var workbook, out var refusal))
        {
            return CriteriaWorkbook.Read(workbook);
        }

        return refusal == XlsxRefusal.TooLarge
            ? Refused(XlsxPackage.TooLargeTemplate, XlsxPackage.MaxUncompressedMegabytes, XlsxPackage.MaxEntries)
            : Refused(
                "'{0}' is not an Excel workbook (.xlsx). Start from a workbook exported from the portal and save it from Excel as an .xlsx "
                    + "workbook.",
                DocumentUploads.SanitiseFileName(fileName));
    }

    private static ExchangeFile Refused(string template, params object[] arguments)
    {
        var none = new ExchangeCell(null, CellLocation.File);
        return new ExchangeFile(none, none, [], [new(CellLocation.File, template, arguments)]);
    }

    /// <summary>Checks every criterion of the file as the domain would, and collects each problem with its cell.</summary>
    private static List<IncomingCriterion> Validate(IReadOnlyList<ExchangeCriterion> criteria, List<CriteriaImportProblem> problems)
    {
        if (criteria.Count == 0)
        {
            problems.Add(new(CellLocation.File, "The file holds no criteria."));
            return [];
        }

        if (criteria.Count > CriteriaWorkbook.MaxCriteria)
        {
            problems.Add(new(CellLocation.File, "A file can hold at most {0} criteria.", CriteriaWorkbook.MaxCriteria));
            return [];
        }

        var seen = new Dictionary<string, CellLocation>(StringComparer.Ordinal);
        var incoming = new List<IncomingCriterion>();
        foreach (var criterion in criteria)
        {
            var before = problems.Count;
            void Problem(ExchangeCell cell, string template, params object[] arguments) =>
                problems.Add(new(cell.Location, template, arguments));

            var codeCell = criterion.Cell(CriteriaColumns.Code);
            var code = codeCell.Value?.Trim().ToUpperInvariant();
            if (code is null)
            {
                Problem(codeCell, "The code is empty.");
            }
            else if (!CriterionCode.IsValid(code))
            {
                Problem(
                    codeCell,
                    "'{0}' is not a criterion code; write it like LAP-REP-02 (letters, letters, number).",
                    codeCell.Value ?? code);
            }
            else if (seen.TryGetValue(code, out var earlier))
            {
                Problem(
                    codeCell,
                    earlier.Sheet == CriteriaJsonFile.Source
                        ? "The code {0} appears twice; it is also criterion {1} of the file."
                        : "The code {0} appears twice; it is also on row {1}.",
                    code,
                    earlier.Row ?? 0);
            }
            else
            {
                seen[code] = criterion.Location;
            }

            var theme = ParseEnum<CriterionTheme>(
                criterion.Cell(CriteriaColumns.Theme),
                "The theme is empty; use one of: {0}.",
                "'{0}' is not a known theme; use one of: {1}.",
                CriteriaLabels.Theme,
                Problem);
            var level = ParseEnum<AmbitionLevel>(
                criterion.Cell(CriteriaColumns.AmbitionLevel),
                "The ambition level is empty; use one of: {0}.",
                "'{0}' is not a known ambition level; use one of: {1}.",
                CriteriaLabels.Level,
                Problem);
            var type = ParseEnum<CriterionType>(
                criterion.Cell(CriteriaColumns.Type),
                "The type is empty; use one of: {0}.",
                "'{0}' is not a known type; use one of: {1}.",
                t => CriteriaLabels.Type(t),
                Problem);
            var strategy = ParseEnum<PactStrategy>(
                criterion.Cell(CriteriaColumns.Strategy),
                "The strategy is empty; use one of: {0}.",
                "'{0}' is not a known strategy; use one of: {1}.",
                CriteriaLabels.Strategy,
                Problem);
            var referencesCell = criterion.Cell(CriteriaColumns.References);
            if (referencesCell.Value?.Trim().Length > Criterion.ReferencesMaxLength)
            {
                Problem(
                    referencesCell,
                    "The references are {0} characters long; at most {1} are allowed.",
                    referencesCell.Value.Trim().Length,
                    Criterion.ReferencesMaxLength);
            }

            var texts = new Dictionary<CriteriaLanguage, CriterionContent?>();
            foreach (var language in CriteriaLanguages.All)
            {
                texts[language] = ReadContent(criterion, language, Problem);
            }

            if (problems.Count == before)
            {
                incoming.Add(new IncomingCriterion(
                    CriterionCode.Parse(code),
                    new CriterionClassification(theme!.Value, level!.Value, type!.Value, strategy!.Value, Clean(referencesCell.Value)),
                    texts));
            }
        }

        return incoming;
    }

    private static CriterionContent? ReadContent(
        ExchangeCriterion criterion,
        CriteriaLanguage language,
        Action<ExchangeCell, string, object[]> problem)
    {
        var cells = CriteriaColumns.TextFields.Select(field => criterion.Cell(CriteriaColumns.Text(field, language))).ToList();
        if (language != CriteriaLanguages.Source && cells.All(c => c.Value is null))
        {
            return null;
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var limit = i == 0 ? CriterionContent.TitleMaxLength : CriterionContent.TextMaxLength;
            var value = cells[i].Value?.Trim();
            if (value is null && i < 2)
            {
                var template = (language == CriteriaLanguages.Source, i) switch
                {
                    (true, 0) => "The title in English is empty; every criterion needs one.",
                    (true, _) => "The requirement in English is empty; every criterion needs one.",
                    (false, 0) =>
                        "The title in {0} is empty while other {0} texts of this criterion are filled; fill it or empty them all.",
                    (false, _) =>
                        "The requirement in {0} is empty while other {0} texts of this criterion are filled; fill it or empty them all.",
                };
                problem(cells[i], template, [language.Code()]);
            }
            else if (value?.Length > limit)
            {
                problem(cells[i], "The text is {0} characters long; at most {1} are allowed.", [value.Length, limit]);
            }
        }

        return new CriterionContent(
            Clean(cells[0].Value) ?? string.Empty,
            Clean(cells[1].Value) ?? string.Empty,
            Clean(cells[2].Value),
            Clean(cells[3].Value),
            Clean(cells[4].Value),
            Clean(cells[5].Value));
    }

    private static TEnum? ParseEnum<TEnum>(
        ExchangeCell cell,
        string emptyTemplate,
        string unknownTemplate,
        Func<TEnum, string> label,
        Action<ExchangeCell, string, object[]> problem)
        where TEnum : struct, Enum
    {
        var allowed = string.Join(", ", Enum.GetValues<TEnum>());
        if (cell.Value is null)
        {
            problem(cell, emptyTemplate, [allowed]);
            return null;
        }

        var folded = Fold(cell.Value);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Fold(candidate.ToString()) == folded || Fold(label(candidate)) == folded)
            {
                return candidate;
            }
        }

        problem(cell, unknownTemplate, [cell.Value.Trim(), allowed]);
        return null;
    }

    /// <summary>
    /// Every difference between the stored version and the file, per criterion in the file's order, then the removed ones.
    /// </summary>
    private static IEnumerable<ImportedCriterionChange> Differences(CriteriaSet stored, IReadOnlyList<IncomingCriterion> incoming)
    {
        foreach (var criterion in incoming)
        {
            var existing = stored.CriterionWith(criterion.Code);
            var fields = new List<ImportedFieldChange>();
            var old = existing?.Classification;
            void Compare(string field, CriteriaLanguage? language, string? before, string? after)
            {
                if (!Same(before, after))
                {
                    fields.Add(new ImportedFieldChange(field, language, before, after));
                }
            }

            Compare(CriteriaColumns.Theme, null, old?.Theme.ToString(), criterion.Classification.Theme.ToString());
            Compare(CriteriaColumns.AmbitionLevel, null, old?.AmbitionLevel.ToString(), criterion.Classification.AmbitionLevel.ToString());
            Compare(CriteriaColumns.Type, null, old?.Type.ToString(), criterion.Classification.Type.ToString());
            Compare(CriteriaColumns.Strategy, null, old?.Strategy.ToString(), criterion.Classification.Strategy.ToString());
            Compare(CriteriaColumns.References, null, old?.References, criterion.Classification.References);
            foreach (var language in CriteriaLanguages.All)
            {
                var before = existing?.TextIn(language)?.Content.Fields().ToList();
                var after = criterion.Texts[language]?.Fields().ToList();
                for (var i = 0; i < CriteriaColumns.TextFields.Count; i++)
                {
                    Compare(CriteriaColumns.TextFields[i], language, before?[i].Text, after?[i].Text);
                }
            }

            if (existing is null)
            {
                yield return new ImportedCriterionChange(criterion.Code.Value, ImportChangeKind.Added, fields);
            }
            else if (fields.Count > 0)
            {
                yield return new ImportedCriterionChange(criterion.Code.Value, ImportChangeKind.Changed, fields);
            }
        }

        var codes = incoming.Select(c => c.Code).ToHashSet();
        foreach (var removed in stored.Criteria.Where(c => !codes.Contains(c.Code)).OrderBy(c => c.Code.Value, StringComparer.Ordinal))
        {
            var title = removed.TextIn(CriteriaLanguages.Source)?.Title;
            yield return new ImportedCriterionChange(
                removed.Code.Value,
                ImportChangeKind.Removed,
                [new ImportedFieldChange("Title", CriteriaLanguages.Source, title, null)]);
        }
    }

    /// <summary>
    /// Makes the draft say what the file says, through the aggregate's methods; unchanged texts keep their translation state.
    /// </summary>
    private static void Apply(CriteriaSet draft, IReadOnlyList<IncomingCriterion> incoming)
    {
        var codes = incoming.Select(c => c.Code).ToHashSet();
        foreach (var removed in draft.Criteria.Where(c => !codes.Contains(c.Code)).ToList())
        {
            draft.RemoveCriterion(removed.Id);
        }

        foreach (var criterion in incoming)
        {
            var english = criterion.Texts[CriteriaLanguages.Source]!;
            var existing = draft.CriterionWith(criterion.Code);
            if (existing is null)
            {
                existing = draft.AddCriterion(criterion.Code, criterion.Classification, RichText.Sanitise(english));
            }
            else
            {
                if (!SameClassification(existing.Classification, criterion.Classification))
                {
                    draft.Classify(existing.Id, criterion.Classification);
                }

                if (!SameContent(existing.TextIn(CriteriaLanguages.Source)?.Content, english))
                {
                    draft.Write(existing.Id, CriteriaLanguages.Source, RichText.Sanitise(english));
                }
            }

            // Translations after the English text, so a translation changed in the same file counts as made against the new English.
            foreach (var language in CriteriaLanguages.All.Where(l => l != CriteriaLanguages.Source))
            {
                var text = criterion.Texts[language];
                var stored = existing.TextIn(language)?.Content;
                if (text is null && stored is not null)
                {
                    draft.RemoveTranslation(existing.Id, language);
                }
                else if (text is not null && !SameContent(stored, text))
                {
                    draft.Write(existing.Id, language, RichText.Sanitise(text));
                }
            }
        }
    }

    private static bool SameClassification(CriterionClassification stored, CriterionClassification incoming) =>
        stored with { References = null } == incoming with { References = null } && Same(stored.References, incoming.References);

    private static bool SameContent(CriterionContent? stored, CriterionContent incoming) =>
        stored is not null && stored.Fields().Zip(incoming.Fields()).All(pair => Same(pair.First.Text, pair.Second.Text));

    /// <summary>Equal apart from surrounding white space and the line-break convention (a workbook stores \n for \r\n).</summary>
    private static bool Same(string? stored, string? incoming) =>
        string.Equals(Normalised(stored), Normalised(incoming), StringComparison.Ordinal);

    private static string? Normalised(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Fold(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static string FileName(CriteriaSetDocument document, string extension) =>
        $"{document.ProductGroup.Slug}-{document.Versions[0].Version}-{document.Versions[0].Status.ToLowerInvariant()}{extension}";

    private static void EnsureSecretariat(ClaimsPrincipal user) =>
        user.EnsureSecretariat(
            new RuleViolation(null, "Only the pact secretariat (signed in with two factors) exports and imports criteria sets."));

    private sealed record IncomingCriterion(
        CriterionCode Code,
        CriterionClassification Classification,
        IReadOnlyDictionary<CriteriaLanguage, CriterionContent?> Texts);

    private sealed record Comparison(ProductGroup Group, CriteriaSet BaseSet, IReadOnlyList<IncomingCriterion> Incoming);
}

/// <summary>A file to download.</summary>
public sealed record CriteriaExport(string FileName, string ContentType, byte[] Content);

public enum ImportChangeKind
{
    Added,
    Changed,
    Removed,
}

/// <summary>One field that differs; <see cref="Language"/> is null for the classification fields.</summary>
public sealed record ImportedFieldChange(string Field, CriteriaLanguage? Language, string? Old, string? New);

/// <summary>A criterion the import adds, changes or removes, with its differing fields.</summary>
public sealed record ImportedCriterionChange(string Code, ImportChangeKind Kind, IReadOnlyList<ImportedFieldChange> Fields);

/// <summary>
/// What an import would do: the version the file came from, the draft it would become, every change and every problem.
/// Only a preview without problems and with at least one change can be imported.
/// </summary>
public sealed class CriteriaImportPreview
{
    public required string ProductGroup { get; init; }

    public required string FileName { get; init; }

    /// <summary>The version the file says it came from.</summary>
    public string? FileVersion { get; set; }

    /// <summary>The stored version the file is compared with (the version it came from).</summary>
    public string? BaseVersion { get; set; }

    /// <summary>The row version of <see cref="BaseVersion"/> when it was compared; confirming passes it back.</summary>
    public uint BaseRowVersion { get; set; }

    /// <summary>The draft the import writes: the open draft itself, or a new version number.</summary>
    public string? TargetVersion { get; set; }

    /// <summary>True when the file came from the open draft and updates it; false when it becomes a new draft.</summary>
    public bool UpdatesOpenDraft { get; set; }

    public List<ImportedCriterionChange> Changes { get; } = [];

    public List<CriteriaImportProblem> Problems { get; } = [];

    public int Added => Changes.Count(c => c.Kind == ImportChangeKind.Added);

    public int Changed => Changes.Count(c => c.Kind == ImportChangeKind.Changed);

    public int Removed => Changes.Count(c => c.Kind == ImportChangeKind.Removed);

    public bool CanImport => Problems.Count == 0 && Changes.Count > 0 && TargetVersion is not null;
}

/// <summary>The preview the import was decided on, and the draft it wrote (null when nothing was stored).</summary>
public sealed record CriteriaImportResult(CriteriaImportPreview Preview, Guid? DraftId);
