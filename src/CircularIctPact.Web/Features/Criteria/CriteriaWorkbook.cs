using System.Globalization;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Content;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// The Excel workbook translators and reviewers work in: a "Criteria" sheet with one row per criterion and one column per
/// field and language (<see cref="CriteriaColumns"/>), an "About" sheet naming the product group, version and status, and
/// an "Allowed values" sheet. Written by <see cref="WorkbookFile"/> like every Excel export, so a cell starting with = + - or
/// @ stays text and never becomes a formula.
/// </summary>
public static class CriteriaWorkbook
{
    public const string CriteriaSheet = "Criteria";
    public const string AboutSheet = "About";
    public const string AllowedValuesSheet = "Allowed values";

    public const string ProductGroupField = "Product group";
    public const string VersionField = "Version";

    public const int MaxCriteria = 2000;

    private const string UnreadableMessage =
        "The file could not be read as an Excel workbook (.xlsx). Save it again from Excel as an .xlsx workbook.";

    /// <summary>An exported About sheet has six rows; a longer one is read no further than this.</summary>
    private const int AboutRowsRead = 100;

    /// <summary>The workbook of one version; <paramref name="statuses"/> gives each criterion's translation state per language.</summary>
    public static byte[] Write(
        CriteriaSetDocument document,
        IReadOnlyDictionary<(string Code, CriteriaLanguage Language), TranslationStatus> statuses)
    {
        var version = document.Versions.Single();
        var criteria = new List<IReadOnlyList<string?>>();
        foreach (var criterion in version.Criteria)
        {
            var row = new List<string?>
            {
                criterion.Code,
                criterion.Theme,
                criterion.AmbitionLevel,
                criterion.Type,
                criterion.Strategy,
                criterion.References,
            };
            foreach (var language in CriteriaLanguages.All)
            {
                var content = criterion.Texts.GetValueOrDefault(language.Code())?.ToContent();
                row.AddRange(
                    content is null ? CriteriaColumns.TextFields.Select(_ => (string?)null) : content.Fields().Select(f => f.Text));
                if (language != CriteriaLanguages.Source)
                {
                    row.Add(CriteriaColumns.StatusText(statuses.GetValueOrDefault((criterion.Code, language), TranslationStatus.Missing)));
                }
            }

            criteria.Add(row);
        }

        IReadOnlyList<string?>[] about =
        [
            [ProductGroupField, document.ProductGroup.Slug],
            ["Product group name", document.ProductGroup.Names.GetValueOrDefault(CriteriaLanguages.Source.Code())],
            [VersionField, version.Version],
            ["Status", version.Status],
            ["Published on", version.PublishedOn],
            ["How to use", "Change the texts in the Criteria sheet and keep its column headers; the portal reads the columns by their "
                + "headers. Theme, ambition level, type and strategy take the values in the Allowed values sheet. The translation status "
                + "columns are for information: the portal works the status out again when the file is imported."],
        ];

        IEnumerable<IReadOnlyList<string?>> allowed =
        [
            .. Allowed<CriterionTheme>(CriteriaColumns.Theme, CriteriaLabels.Theme),
            .. Allowed<AmbitionLevel>(CriteriaColumns.AmbitionLevel, CriteriaLabels.Level),
            .. Allowed<CriterionType>(CriteriaColumns.Type, CriteriaLabels.Type),
            .. Allowed<PactStrategy>(CriteriaColumns.Strategy, CriteriaLabels.Strategy),
        ];

        return WorkbookFile.Write(
            new WorkbookSheet(CriteriaSheet, CriteriaColumns.All, criteria),
            new WorkbookSheet(AboutSheet, ["Field", "Value"], about),
            new WorkbookSheet(AllowedValuesSheet, ["Column", "Value", "Meaning"], allowed));
    }

    /// <summary>
    /// Reads a workbook written by <see cref="Write"/> (and edited since); every problem names its sheet, row and column.
    /// Stops reading the Criteria sheet after one criterion more than <see cref="MaxCriteria"/>, which the import refuses.
    /// </summary>
    public static ExchangeFile Read(XlsxPackage workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var problems = new List<CriteriaImportProblem>();
        var missing = new ExchangeCell(null, CellLocation.File);
        foreach (var sheet in new[] { CriteriaSheet, AboutSheet }.Where(s => !workbook.SheetNames.Contains(s, StringComparer.Ordinal)))
        {
            problems.Add(new(
                new CellLocation(sheet, null, null),
                "The workbook has no sheet called '{0}'. Start from a workbook exported from the portal and keep its sheets.",
                sheet));
        }

        if (problems.Count > 0)
        {
            return new ExchangeFile(missing, missing, [], problems);
        }

        try
        {
            var (productGroup, version) = ReadAbout([.. workbook.Rows(AboutSheet).Take(AboutRowsRead)], problems);
            var criteria = ReadCriteria(workbook.Rows(CriteriaSheet), problems);
            return new ExchangeFile(productGroup, version, criteria, problems);
        }
        catch (Exception error) when (XlsxPackage.IsUnreadable(error))
        {
            return new ExchangeFile(missing, missing, [], [new(CellLocation.File, UnreadableMessage)]);
        }
    }

    private static (ExchangeCell ProductGroup, ExchangeCell Version) ReadAbout(
        List<IDictionary<string, object?>> rows,
        List<CriteriaImportProblem> problems)
    {
        ExchangeCell? Find(string field)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (string.Equals(Text(Value(rows[i], "A")), field, StringComparison.OrdinalIgnoreCase))
                {
                    return new ExchangeCell(Text(Value(rows[i], "B")), new CellLocation(AboutSheet, i + 1, "Value", $"B{i + 1}"));
                }
            }

            problems.Add(new(
                new CellLocation(AboutSheet, null, "Field"),
                "The {0} sheet has no row '{1}'. Start from a workbook exported from the portal.",
                AboutSheet,
                field));
            return null;
        }

        var missing = new ExchangeCell(null, new CellLocation(AboutSheet, null, "Value"));
        return (Find(ProductGroupField) ?? missing, Find(VersionField) ?? missing);
    }

    private static List<ExchangeCriterion> ReadCriteria(
        IEnumerable<IDictionary<string, object?>> rows,
        List<CriteriaImportProblem> problems)
    {
        using var row = rows.GetEnumerator();
        if (!row.MoveNext())
        {
            problems.Add(new(
                new CellLocation(CriteriaSheet, 1, null),
                "The {0} sheet is empty; it needs the header row of an exported workbook.",
                CriteriaSheet));
            return [];
        }

        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (letter, value) in row.Current)
        {
            var header = Text(value);
            if (header is null)
            {
                continue;
            }

            var location = new CellLocation(CriteriaSheet, 1, header, $"{letter}1");
            var known = CriteriaColumns.All.FirstOrDefault(c => string.Equals(c, header, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add(UnknownColumn(location, header));
            }
            else if (!letters.TryAdd(known, letter))
            {
                problems.Add(new(location, "The column '{0}' appears twice.", known));
            }
        }

        foreach (var absent in CriteriaColumns.All.Where(c => !CriteriaColumns.IsStatus(c) && !letters.ContainsKey(c)))
        {
            problems.Add(new(
                new CellLocation(CriteriaSheet, 1, absent),
                "The column '{0}' is missing. Keep every column of the exported workbook; leave a cell empty for no text.",
                absent));
        }

        if (problems.Count > 0)
        {
            return [];
        }

        var criteria = new List<ExchangeCriterion>();
        for (var number = 2; criteria.Count <= MaxCriteria && row.MoveNext(); number++)
        {
            var cells = letters.ToDictionary(
                column => column.Key,
                column => new ExchangeCell(
                    Text(Value(row.Current, column.Value)),
                    new CellLocation(CriteriaSheet, number, column.Key, $"{column.Value}{number}")),
                StringComparer.Ordinal);
            if (cells.Where(c => !CriteriaColumns.IsStatus(c.Key)).All(c => c.Value.Value is null))
            {
                continue;
            }

            criteria.Add(new ExchangeCriterion(new CellLocation(CriteriaSheet, number, null), cells));
        }

        return criteria;
    }

    /// <summary>"Title (es)" names a language the portal does not hold; anything else is a column it does not know.</summary>
    private static CriteriaImportProblem UnknownColumn(CellLocation location, string header)
    {
        var open = header.LastIndexOf('(');
        if (open > 0
            && header.EndsWith(')')
            && CriteriaColumns.TextFields.Contains(header[..open].Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return new(
                location,
                "The column '{0}' is in a language the portal does not hold; the languages are en, nl, fr and de.",
                header);
        }

        return new(
            location,
            "The column '{0}' is not a column of a criteria workbook. The columns are: {1}.",
            header,
            string.Join(", ", CriteriaColumns.All));
    }

    private static object? Value(IDictionary<string, object?> row, string letter) => row.TryGetValue(letter, out var value) ? value : null;

    private static string? Text(object? value)
    {
        var text = value switch
        {
            null => null,
            DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static IEnumerable<IReadOnlyList<string?>> Allowed<TEnum>(string column, Func<TEnum, string> meaning)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(value => (IReadOnlyList<string?>)[column, value.ToString(), meaning(value)]);
}
