using System.Text;
using CircularIctPact.Web.Features.Documents;
using MiniExcelLibs;

namespace CircularIctPact.IntegrationTests.Documents;

/// <summary>The check every imported workbook passes before any of its sheets is read.</summary>
public sealed class XlsxPackageTests
{
    [Fact]
    public void A_workbook_that_unpacks_beyond_the_bound_is_refused_as_too_large_although_its_upload_is_small()
    {
        var bomb = CraftedWorkbooks.ZipBomb();

        Assert.True(bomb.Length < 1024 * 1024, $"{bomb.Length} bytes");
        Assert.False(XlsxPackage.TryOpen(bomb, out var package, out var refusal));
        Assert.Null(package);
        Assert.Equal(XlsxRefusal.TooLarge, refusal);
    }

    [Fact]
    public void A_workbook_with_more_parts_than_allowed_is_refused_as_too_large()
    {
        Assert.False(XlsxPackage.TryOpen(CraftedWorkbooks.ManyParts(), out _, out var refusal));
        Assert.Equal(XlsxRefusal.TooLarge, refusal);
    }

    [Theory]
    [InlineData("Code;Theme")]
    [InlineData("PK\u0003\u0004 not really a zip")]
    public void Content_that_is_not_a_workbook_is_refused_as_such(string content)
    {
        Assert.False(XlsxPackage.TryOpen(Encoding.UTF8.GetBytes(content), out _, out var refusal));
        Assert.Equal(XlsxRefusal.NotAWorkbook, refusal);
    }

    [Fact]
    public void A_workbook_opens_with_its_sheet_names_and_gives_its_rows_in_order()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["First"] = Enumerable.Range(1, 500).Select(i => new Dictionary<string, object?> { ["Number"] = i }),
            ["Second"] = new[] { new Dictionary<string, object?> { ["Name"] = "only" } },
        }, excelType: ExcelType.XLSX);

        Assert.True(XlsxPackage.TryOpen(stream.ToArray(), out var package, out _));
        Assert.Equal(["First", "Second"], package.SheetNames);
        var rows = package.Rows("First").Take(3).ToList();
        Assert.Equal<string?>(
            ["Number", "1", "2"],
            rows.Select(r => Convert.ToString(r["A"], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
