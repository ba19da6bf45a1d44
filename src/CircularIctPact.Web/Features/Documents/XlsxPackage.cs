using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Xml;
using MiniExcelLibs;

namespace CircularIctPact.Web.Features.Documents;

/// <summary>Why an uploaded file was not read as a workbook.</summary>
public enum XlsxRefusal
{
    /// <summary>Not a zip package, or a package that is not an Excel workbook (.xlsx).</summary>
    NotAWorkbook,

    /// <summary>
    /// The package unpacks to more than <see cref="XlsxPackage.MaxUncompressedBytes"/> or has more than
    /// <see cref="XlsxPackage.MaxEntries"/> parts.
    /// </summary>
    TooLarge,
}

/// <summary>
/// An uploaded Excel workbook, for the imports that read one (criteria, member organisations). Only the compressed size of
/// an upload is capped, and a few megabytes of repeated cells unpack to gigabytes; so before any sheet is read, the zip
/// directory is checked once: the summed uncompressed sizes of its parts and their number must stay within bounds far
/// above any real workbook. .NET's zip reader never inflates a part beyond the size its directory declares, so the
/// declared sizes bound what reading can unpack. Rows are then read lazily, one at a time, so a caller that stops after
/// its row limit never holds more.
/// </summary>
public sealed class XlsxPackage
{
    public const long MaxUncompressedBytes = 50 * 1024 * 1024;
    public const int MaxEntries = 1000;

    /// <summary>
    /// The refusal for <see cref="XlsxRefusal.TooLarge"/>; {0} is <see cref="MaxUncompressedMegabytes"/>, {1} is <see cref="MaxEntries"/>.
    /// </summary>
    public const string TooLargeTemplate = "The workbook unpacks to more than {0} MB or has more than {1} parts, far more than such a file "
        + "needs, so it is not read. Remove what is not needed or split it into several files.";

    public const long MaxUncompressedMegabytes = MaxUncompressedBytes / (1024 * 1024);

    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const long ContentTypesMaxBytes = 1_000_000;

    private readonly byte[] _content;

    private XlsxPackage(byte[] content, IReadOnlyList<string> sheetNames)
    {
        _content = content;
        SheetNames = sheetNames;
    }

    /// <summary>The names of the workbook's sheets, in workbook order.</summary>
    public IReadOnlyList<string> SheetNames { get; }

    /// <summary>Checks the package and reads its sheet names; when it is refused, <paramref name="refusal"/> says why.</summary>
    public static bool TryOpen(byte[] content, [NotNullWhen(true)] out XlsxPackage? package, out XlsxRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(content);
        package = null;
        refusal = XlsxRefusal.NotAWorkbook;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries || UnpacksBeyondBound(zip))
            {
                refusal = XlsxRefusal.TooLarge;
                return false;
            }

            if (!IsWorkbook(zip))
            {
                return false;
            }

            package = new XlsxPackage(content, SheetNamesOf(zip));
            return true;
        }
        catch (Exception error) when (error is InvalidDataException or IOException or XmlException)
        {
            return false;
        }
    }

    /// <summary>
    /// The rows of a sheet (the first when <paramref name="sheet"/> is null), read one at a time as the caller enumerates;
    /// keys are column letters. A damaged sheet throws <see cref="InvalidDataException"/>, <see cref="InvalidOperationException"/>,
    /// <see cref="IOException"/>, <see cref="FormatException"/> or <see cref="XmlException"/> during the enumeration.
    /// </summary>
    public IEnumerable<IDictionary<string, object?>> Rows(string? sheet = null)
    {
        using var stream = new MemoryStream(_content, writable: false);
        foreach (var row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
        {
            yield return (IDictionary<string, object?>)row;
        }
    }

    /// <summary>Whether reading a sheet failed because the workbook is damaged, rather than because of a fault in the portal.</summary>
    public static bool IsUnreadable(Exception error) =>
        error is InvalidDataException or InvalidOperationException or IOException or FormatException or XmlException;

    private static bool UnpacksBeyondBound(ZipArchive zip)
    {
        long unpacked = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > MaxUncompressedBytes - unpacked)
            {
                return true;
            }

            unpacked += entry.Length;
        }

        return false;
    }

    private static bool IsWorkbook(ZipArchive zip)
    {
        if (zip.GetEntry("[Content_Types].xml") is not { Length: < ContentTypesMaxBytes } types)
        {
            return false;
        }

        using var reader = new StreamReader(types.Open());
        return reader.ReadToEnd().Contains(WorkbookContentType, StringComparison.Ordinal);
    }

    private static List<string> SheetNamesOf(ZipArchive zip)
    {
        var names = new List<string>();
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook)
        {
            return names;
        }

        using var stream = workbook.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.GetAttribute("name") is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }
}
