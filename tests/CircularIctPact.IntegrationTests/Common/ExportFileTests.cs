using System.IO.Compression;
using System.Text;
using CircularIctPact.Web.Features.Common;
using MiniExcelLibs;

namespace CircularIctPact.IntegrationTests.Common;

/// <summary>The escaping rules of the one CSV writer and the one workbook writer that every export uses.</summary>
public sealed class ExportFileTests
{
    private const string Formula = "=HYPERLINK(\"https://evil.example\",\"Click\")";

    [Fact]
    public void Csv_starts_with_a_byte_order_mark_and_quotes_only_the_cells_that_need_it()
    {
        var csv = CsvFile.Write(["Name", "Note"], [["Gemeente Ütrecht", "plain"], ["a, b", "say \"hi\"\nbye"], [null, ""]]);

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Equal("Name,Note\r\nGemeente Ütrecht,plain\r\n\"a, b\",\"say \"\"hi\"\"\nbye\"\r\n,\r\n", Text(csv));
    }

    [Theory]
    [InlineData(Formula, "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\"")]
    [InlineData("+31 20 123 4567", "\"'+31 20 123 4567\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("a=b", "a=b")]
    public void Csv_cells_that_a_spreadsheet_would_run_as_a_formula_start_with_an_apostrophe(string cell, string written)
    {
        Assert.Equal($"Cell\r\n{written}\r\n", Text(CsvFile.Write(["Cell"], [[cell]])));
    }

    [Fact]
    public void Workbook_keeps_formula_like_cells_as_text_and_gives_them_back_unchanged()
    {
        var workbook = WorkbookFile.Write(
            new WorkbookSheet("Members", ["Name", "Phone", "Note"], [[Formula, "+31 20 123 4567", "-1"], ["@SUM(A1)", null, "\tcmd"]]));

        var sheets = SheetXml(workbook);
        Assert.DoesNotContain("<x:f", sheets, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheets, StringComparison.Ordinal);
        Assert.DoesNotContain("<f ", sheets, StringComparison.Ordinal);
        using var stream = new MemoryStream(workbook);
        var rows = stream.Query(useHeaderRow: true, sheetName: "Members").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal<object?>([Formula, "+31 20 123 4567", "-1"], rows[0].Values);
        Assert.Equal<object?>(["@SUM(A1)", null, "\tcmd"], rows[1].Values);
    }

    [Fact]
    public void Workbook_has_its_sheets_in_order_and_keeps_the_header_of_an_empty_one()
    {
        var workbook = WorkbookFile.Write(
            new WorkbookSheet("Tenders", ["Title", "Status"], []),
            new WorkbookSheet("About", ["Field", "Value"], [["Version", "1.0"]]));

        using var stream = new MemoryStream(workbook);
        Assert.Equal(["Tenders", "About"], stream.GetSheetNames());
        var header = stream.Query(useHeaderRow: false, sheetName: "Tenders").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal<object?>(["Title", "Status"], header.Values);
    }

    private static string Text(byte[] csv) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(csv.AsSpan(3));

    private static string SheetXml(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }));
    }
}
