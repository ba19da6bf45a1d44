using System.IO.Compression;
using System.Text;
using CircularIctPact.Web.Features.Documents;

namespace CircularIctPact.IntegrationTests.Documents;

/// <summary>Workbooks shaped like an attack on the importers: small on upload, huge or sprawling once unpacked.</summary>
internal static class CraftedWorkbooks
{
    /// <summary>
    /// A valid-looking workbook whose "Criteria" sheet is one long run of repeated cells: it unpacks to just over
    /// <see cref="XlsxPackage.MaxUncompressedBytes"/> but compresses to well under a megabyte.
    /// </summary>
    public static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddWorkbookParts(zip);
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            Write(sheet, """<?xml version="1.0" encoding="UTF-8"?>"""
                + """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">""");
            var cells = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("""<c t="inlineStr"><is><t>x</t></is></c>""", 1000)));
            for (long written = 0; written <= XlsxPackage.MaxUncompressedBytes; written += cells.Length)
            {
                sheet.Write(cells);
            }

            Write(sheet, "</row></sheetData></worksheet>");
        }

        return buffer.ToArray();
    }

    /// <summary>A tiny workbook with more parts than <see cref="XlsxPackage.MaxEntries"/>.</summary>
    public static byte[] ManyParts()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddWorkbookParts(zip);
            for (var i = 0; i < XlsxPackage.MaxEntries; i++)
            {
                zip.CreateEntry($"xl/media/part{i}.bin");
            }
        }

        return buffer.ToArray();
    }

    private static void AddWorkbookParts(ZipArchive zip)
    {
        using (var types = zip.CreateEntry("[Content_Types].xml").Open())
        {
            Write(types, """<?xml version="1.0" encoding="UTF-8"?>"""
                + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
                + """<Override PartName="/xl/workbook.xml" """
                + """ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
                + """<Override PartName="/xl/worksheets/sheet1.xml" """
                + """ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        }

        using var workbook = zip.CreateEntry("xl/workbook.xml").Open();
        Write(workbook, """<?xml version="1.0" encoding="UTF-8"?>"""
            + """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" """
            + """xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"""
            + """<sheets><sheet name="Criteria" sheetId="1" r:id="rId1"/></sheets></workbook>""");
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
