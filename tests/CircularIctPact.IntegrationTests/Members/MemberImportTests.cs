using System.Globalization;
using System.Text;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.IntegrationTests.Documents;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Audit;
using CircularIctPact.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CircularIctPact.IntegrationTests.Members;

public sealed class MemberImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Header =
        "LegalName,Sector,Country,Website,SizeBand,IctSpendBand,Tier,JoinedOn,ContactName,ContactEmail,ContactPhone,ContactFunction";

    [Fact]
    public async Task Wrong_columns_are_listed_on_row_1_and_nothing_else_is_checked()
    {
        var preview = await PreviewAsync("Name,Sector,Land\nGemeente X,Education,NL\n");

        Assert.False(preview.IsClean);
        Assert.Contains(
            preview.Problems,
            p => p is { Row: 1, Column: "Name" } && p.Message.Contains("Unknown column 'Name'", StringComparison.Ordinal));
        Assert.Contains(
            preview.Problems,
            p => p is { Row: 1, Column: "Land" } && p.Message.Contains("Unknown column", StringComparison.Ordinal));
        Assert.Contains(preview.Problems, p => p is { Row: 1, Column: "LegalName" }
            && p.Message.Contains("required column LegalName is missing", StringComparison.Ordinal));
        Assert.Contains(
            preview.Problems,
            p => p is { Row: 1, Column: "Country" } && p.Message.Contains("missing", StringComparison.Ordinal));
        Assert.Equal(4, preview.Problems.Count);
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused_with_a_message_to_save_it_as_UTF8_CSV()
    {
        var latin1 = Encoding.Latin1.GetBytes("LegalName,Sector,Country\nGemeente Zürich-Öst,Education,CH\n");
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();

        var preview = await portal.WithServiceAsync<MemberImport, ImportPreview>(
            i => i.PreviewAsync(coordinator, group, "members.csv", latin1));
        var result = await portal.WithServiceAsync<MemberImport, ImportResult>(
            i => i.ImportAsync(coordinator, group, "members.csv", latin1));

        var problem = Assert.Single(preview.Problems);
        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Imported);
    }

    [Fact]
    public async Task Every_bad_cell_is_listed_by_row_and_column_and_nothing_is_imported()
    {
        var file = $"""
            {Header}
            ,Education,NL,,,,,,,,,
            Bad country,Education,XX,,,,,,,,,
            Bad website,Education,NL,not a website,,,,,,,,
            Bad email,Education,NL,,,,,,Ann,ann@,,
            Bad sector,Bakery,NL,,,,,,,,,
            Bad size,Education,NL,,Gigantic,Lots,,,,,,
            Bad tier,Education,NL,,,,Front row,,,,,
            gemeente rivierstad,Education,NL,,,,,,,,,
            Twice in file,Education,NL,twice.example.org,,,,,,,,
            TWICE IN FILE,Education,NL,www.twice.example.org,,,,,,,,
            Bad date,Education,NL,,,,,31/02/2025,,,,
            Good row,Healthcare,be,good.example.be,Small,Under1Million,Peloton,2025-01-31,Bo,bo@good.example.be,,Buyer
            """;
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();
        await using var before = portal.CreateDbContext();
        var count = await before.MemberOrganisations.CountAsync();

        var result = await portal.WithServiceAsync<MemberImport, ImportResult>(
            i => i.ImportAsync(coordinator, group, "members.csv", Encoding.UTF8.GetBytes(file)));

        var problems = result.Preview.Problems.Select(p => (p.Row, p.Column)).ToList();
        Assert.Equal(0, result.Imported);
        Assert.Equal(12, result.Preview.Rows.Count);
        Assert.Contains((2, "LegalName"), problems);
        Assert.Contains((3, "Country"), problems);
        Assert.Contains((4, "Website"), problems);
        Assert.Contains((5, "ContactEmail"), problems);
        Assert.Contains((6, "Sector"), problems);
        Assert.Contains((7, "SizeBand"), problems);
        Assert.Contains((7, "IctSpendBand"), problems);
        Assert.Contains((8, "Tier"), problems);
        Assert.Contains((9, "LegalName"), problems);
        Assert.Contains((11, "LegalName"), problems);
        Assert.Contains((11, "Website"), problems);
        Assert.Contains((12, "JoinedOn"), problems);
        Assert.DoesNotContain(problems, p => p.Row == 10 || p.Row == 13);
        Assert.Equal(12, problems.Count);
        Assert.Contains(
            result.Preview.Problems,
            p => p.Row == 9 && p.Message.Contains(DemoDataSeeder.ProcurerOrganisation, StringComparison.Ordinal));
        Assert.Contains(
            result.Preview.Problems,
            p => p.Row == 11 && p.Column == "LegalName" && p.Message.Contains("row 10", StringComparison.Ordinal));
        Assert.Contains(
            result.Preview.Problems,
            p => p.Row == 6 && p.Message.Contains("'Bakery' is not a known Sector", StringComparison.Ordinal));
        await using var after = portal.CreateDbContext();
        Assert.Equal(count, await after.MemberOrganisations.CountAsync());
    }

    [Fact]
    public async Task A_clean_file_of_150_rows_is_imported_in_one_go_with_one_audit_entry_each()
    {
        var batch = Guid.NewGuid().ToString("N")[..6];
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= 150; i++)
        {
            var n = i.ToString("000", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"Import {batch} {n},Regional or local government,NL,")
                .Append(CultureInfo.InvariantCulture, $"https://www.imp-{batch}-{n}.example.nl,Medium,From1To10Million,Peloton,2025-02-01,")
                .Append(CultureInfo.InvariantCulture, $"Contact {n},c{n}@imp-{batch}.example.nl,+31 30 000 {n},Buyer\n");
        }

        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());

        var preview = await portal.WithServiceAsync<MemberImport, ImportPreview>(
            i => i.PreviewAsync(coordinator, group, "dutch members.csv", bytes));
        var result = await portal.WithServiceAsync<MemberImport, ImportResult>(
            i => i.ImportAsync(coordinator, group, "dutch members.csv", bytes));

        Assert.True(preview.IsClean, string.Join("; ", preview.Problems));
        Assert.Equal(150, result.Imported);
        await using var db = portal.CreateDbContext();
        var imported =
            await db.MemberOrganisations.Include(m => m.Contacts).Where(m => m.LegalName.StartsWith($"Import {batch}")).ToListAsync();
        Assert.Equal(150, imported.Count);
        Assert.All(imported, m => Assert.Equal(group, m.BuyerGroupId));
        Assert.All(imported, m => Assert.Single(m.Contacts));
        Assert.Equal(150, await db.AuditEntries.CountAsync(
            e => e.Action == "Imported" && e.BuyerGroupId == group && e.Summary.StartsWith($"Imported Import {batch}")));

        var again = await portal.WithServiceAsync<MemberImport, ImportResult>(
            i => i.ImportAsync(coordinator, group, "dutch members.csv", bytes));
        Assert.Equal(0, again.Imported);
        Assert.Equal(300, again.Preview.Problems.Count);
    }

    [Fact]
    public async Task Semicolon_separated_CSV_from_a_Dutch_Excel_with_byte_order_mark_is_read()
    {
        var name = MemberTestData.Unique("Semicolon");
        var bytes =
            Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"LegalName;Sector;Country\n{name};Education;NL\n")).ToArray();

        var preview = await PreviewAsync(bytes, "members.csv");

        Assert.True(preview.IsClean, string.Join("; ", preview.Problems));
        Assert.Equal(name, Assert.Single(preview.Rows).LegalName);
    }

    [Fact]
    public async Task An_Excel_workbook_is_previewed_with_spreadsheet_row_numbers_and_imported_when_clean()
    {
        var good = MemberTestData.Unique("Excel member");
        var badRows = new[]
        {
            Row(good, "Education", "NL", "2025-05-01"),
            Row("", "Education", "NL", null),
        };
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();

        var bad = await portal.WithServiceAsync<MemberImport, ImportPreview>(
            i => i.PreviewAsync(coordinator, group, "members.xlsx", Xlsx(badRows)));
        var clean = await portal.WithServiceAsync<MemberImport, ImportResult>(
            i => i.ImportAsync(coordinator, group, "members.xlsx", Xlsx([badRows[0]])));

        var problem = Assert.Single(bad.Problems);
        Assert.Equal((3, "LegalName"), (problem.Row, problem.Column));
        Assert.Equal(1, clean.Imported);
        await using var db = portal.CreateDbContext();
        Assert.Equal(
            new DateOnly(2025, 5, 1),
            await db.MemberOrganisations.Where(m => m.LegalName == good).Select(m => m.JoinedOn).SingleAsync());
    }

    [Fact]
    public async Task A_file_that_is_neither_CSV_nor_Excel_is_refused()
    {
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes("hello"), "members.pdf");

        Assert.Contains("neither a .csv nor an .xlsx", Assert.Single(preview.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_that_unpacks_to_far_more_than_its_upload_is_refused_before_it_is_read()
    {
        var preview = await PreviewAsync(CraftedWorkbooks.ZipBomb(), "members.xlsx");

        var problem = Assert.Single(preview.Problems);
        Assert.StartsWith("The workbook unpacks to more than 50 MB", problem.Message, StringComparison.Ordinal);
        Assert.Empty(preview.Rows);
    }

    [Fact]
    public async Task A_workbook_with_more_organisations_than_allowed_is_refused()
    {
        var rows = Enumerable.Range(1, MemberImport.MaxRows + 5).Select(i => Row($"Gemeente Te Veel {i}", "Education", "NL", null));

        var preview = await PreviewAsync(Xlsx(rows), "members.xlsx");

        Assert.Equal(
            $"A file can hold at most {MemberImport.MaxRows} organisations; split it into several files.",
            Assert.Single(preview.Problems).Message);
    }

    [Fact]
    public async Task The_template_has_the_expected_header_and_its_example_row_is_clean()
    {
        var template = MemberImport.TemplateCsv();

        var text = Encoding.UTF8.GetString(template).TrimStart('\uFEFF');
        Assert.StartsWith(Header, text, StringComparison.Ordinal);
        Assert.True((await PreviewAsync(template, "template.csv")).IsClean);
    }

    [Fact]
    public async Task Import_and_preview_are_audited_only_for_the_import()
    {
        var name = MemberTestData.Unique("Audited import");
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();
        var bytes = Encoding.UTF8.GetBytes($"LegalName,Sector,Country\n{name},Education,NL\n");

        await portal.WithServiceAsync<MemberImport, ImportPreview>(i => i.PreviewAsync(coordinator, group, "a.csv", bytes));
        Assert.Equal(
            0,
            (await portal.WithServiceAsync<AuditLog, AuditPage>(a => a.ListAsync(coordinator, new AuditQuery { Text = name }))).TotalCount);
        await portal.WithServiceAsync<MemberImport, ImportResult>(i => i.ImportAsync(coordinator, group, "a.csv", bytes));

        var entry = Assert.Single(
            (await portal.WithServiceAsync<AuditLog, AuditPage>(a => a.ListAsync(coordinator, new AuditQuery { Text = name }))).Items);
        Assert.Equal("Imported", entry.Action);
        Assert.Equal(DemoDataSeeder.DutchBuyerGroup, entry.BuyerGroup);
    }

    private static Dictionary<string, object?> Row(string name, string sector, string country, string? joined) => new()
    {
        ["LegalName"] = name,
        ["Sector"] = sector,
        ["Country"] = country,
        ["JoinedOn"] = joined is null ? null : DateTime.Parse(joined, CultureInfo.InvariantCulture),
    };

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private Task<ImportPreview> PreviewAsync(string csv) => PreviewAsync(Encoding.UTF8.GetBytes(csv), "members.csv");

    private async Task<ImportPreview> PreviewAsync(byte[] content, string fileName)
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();
        return await portal.WithServiceAsync<MemberImport, ImportPreview>(i => i.PreviewAsync(coordinator, group, fileName, content));
    }
}
