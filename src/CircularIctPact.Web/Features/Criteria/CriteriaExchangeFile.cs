using System.Globalization;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// The columns of a criteria workbook. Their headers are the names the import reads back, so they never change with the
/// reader's interface language; the same names label the fields of a JSON file in the import's preview and problems.
/// </summary>
public static class CriteriaColumns
{
    public const string Code = "Code";
    public const string Theme = "Theme";
    public const string AmbitionLevel = "Ambition level";
    public const string Type = "Type";
    public const string Strategy = "Strategy";
    public const string References = "References";

    /// <summary>The text fields of a criterion in every language, in the order of <see cref="CriterionContent.Fields"/>.</summary>
    public static IReadOnlyList<string> TextFields { get; } =
        ["Title", "Requirement", "Verification", "Contract management", "Explanatory note", "Market readiness"];

    /// <summary>The classification columns that come before the texts.</summary>
    public static IReadOnlyList<string> Classification { get; } = [Theme, AmbitionLevel, Type, Strategy, References];

    /// <summary>
    /// Every column of the criteria sheet, in order: code, classification, then per language its texts and (for translations) its status.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Code,
        .. Classification,
        .. CriteriaLanguages.All.SelectMany(language => TextFields.Select(field => Text(field, language))
            .Concat(language == CriteriaLanguages.Source ? [] : [Status(language)])),
    ];

    /// <summary>The header of a text field in one language, e.g. "Title (nl)".</summary>
    public static string Text(string field, CriteriaLanguage language) => $"{field} ({language.Code()})";

    /// <summary>The header of a translation's status column, e.g. "Translation status (nl)"; the import does not read it.</summary>
    public static string Status(CriteriaLanguage language) => $"Translation status ({language.Code()})";

    /// <summary>True for a translation status column, which the export writes and the import does not read.</summary>
    public static bool IsStatus(string column) => column.StartsWith("Translation status (", StringComparison.Ordinal);

    /// <summary>How the workbook and the preview write a translation's state.</summary>
    public static string StatusText(TranslationStatus status) => status switch
    {
        TranslationStatus.Missing => "missing",
        TranslationStatus.Outdated => "out of date",
        _ => "complete",
    };
}

/// <summary>
/// Where a value sits in an uploaded file: a workbook's sheet, row, column header and cell reference (e.g. H5), or a JSON
/// file's criterion number and field.
/// </summary>
public sealed record CellLocation(string? Sheet, int? Row, string? Column, string? Reference = null)
{
    /// <summary>The file as a whole, for problems that belong to no cell.</summary>
    public static CellLocation File { get; } = new(null, null, null);
}

/// <summary>A value read from a file, with where it came from; null when the cell is empty.</summary>
public sealed record ExchangeCell(string? Value, CellLocation Location);

/// <summary>One criterion as read from a file, before any check: its cells keyed by <see cref="CriteriaColumns"/> header.</summary>
public sealed record ExchangeCriterion(CellLocation Location, IReadOnlyDictionary<string, ExchangeCell> Cells)
{
    public ExchangeCell Cell(string column) =>
        Cells.TryGetValue(column, out var cell) ? cell : new ExchangeCell(null, Location with { Column = column });
}

/// <summary>
/// The content of an uploaded workbook or JSON file in one shape: the product group and version it says it came from,
/// and its criteria. Problems found while reading (an unknown column, a second version in a JSON file) come with it.
/// </summary>
public sealed record ExchangeFile(
    ExchangeCell ProductGroup,
    ExchangeCell Version,
    IReadOnlyList<ExchangeCriterion> Criteria,
    IReadOnlyList<CriteriaImportProblem> Problems);

/// <summary>
/// One problem in an uploaded file: where it is and what is wrong. <see cref="Template"/> is the English sentence with its
/// {0}… placeholders, which the page looks up in its resources and fills with <see cref="Arguments"/>; <see cref="Message"/>
/// is the English text, for logs and tests.
/// </summary>
public sealed record CriteriaImportProblem(CellLocation Location, string Template, params object[] Arguments)
{
    public string Message => string.Format(CultureInfo.InvariantCulture, Template, Arguments);
}
