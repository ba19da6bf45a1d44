using System.Globalization;
using System.Text;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Members;

/// <summary>A file with some bad rows imports its good rows, hands back the bad ones with reasons, and reads countries by name.</summary>
public sealed class MemberPartialImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_accepted_rows_are_imported_and_audited_and_the_refused_rows_come_back_with_their_reasons()
    {
        var first = MemberTestData.Unique("Partial good");
        var second = MemberTestData.Unique("Partial also good");
        var refused = MemberTestData.Unique("Partial bad country");
        var file = $"""
            LegalName,Sector,Country,SizeBand
            {first},Education,NL,Small
            {refused},Education,Atlantis,Small
            {second},Healthcare,BE,
            ,Education,NL,Gigantic
            """;
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();
        var bytes = Encoding.UTF8.GetBytes(file);

        var preview = await portal.WithServiceAsync<MemberImport, ImportPreview>(
            i => i.PreviewAsync(coordinator, group, "partial.csv", bytes));
        var result = await portal.WithServiceAsync<MemberImport, ImportResult>(
            i => i.ImportAcceptedRowsAsync(coordinator, group, "partial.csv", bytes));

        Assert.True(preview.CanImportAcceptedRows);
        Assert.Equal(2, preview.AcceptedCount);
        Assert.Equal([true, false, true, false], preview.Rows.Select(row => row.Accepted));
        Assert.Equal(2, result.Imported);
        Assert.Equal([3, 5], result.Refused.Select(row => row.Row));
        Assert.Equal(["Country"], result.Refused[0].Problems.Select(problem => problem.Column));
        Assert.Equal(["LegalName", "SizeBand"], result.Refused[1].Problems.Select(problem => problem.Column));
        await using var db = portal.CreateDbContext();
        Assert.Equal(
            2, await db.MemberOrganisations.CountAsync(m => m.BuyerGroupId == group && (m.LegalName == first || m.LegalName == second)));
        Assert.False(await db.MemberOrganisations.AnyAsync(m => m.LegalName == refused));
        Assert.Equal(2, await db.AuditEntries.CountAsync(
            e => e.Action == "Imported" && e.BuyerGroupId == group && (e.Summary.Contains(first) || e.Summary.Contains(second))));
    }

    [Fact]
    public async Task The_file_of_refused_rows_holds_the_original_cells_and_a_reason_column()
    {
        var good = MemberTestData.Unique("Refused file good");
        var file = $"""
            LegalName,Sector,Country,Website
            {good},Education,NL,
            "Gemeente, met komma",Bakery,NL,www.komma.example.nl
            """;
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();

        var result = await portal.WithServiceAsync<MemberImport, ImportResult>(
            i => i.ImportAcceptedRowsAsync(coordinator, group, "refused.csv", Encoding.UTF8.GetBytes(file)));
        var csv = Encoding.UTF8.GetString(MemberImport.RefusedRowsCsv(result, "Reason")).TrimStart('\uFEFF');

        var lines = csv.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("LegalName,Sector,Country,Website,Reason", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("\"Gemeente, met komma\",Bakery,NL,www.komma.example.nl,", lines[1], StringComparison.Ordinal);
        Assert.Contains("Sector: 'Bakery' is not a known Sector; use one of:", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Dutch_coordinator_reads_every_refusal_of_the_file_in_Dutch()
    {
        var earlier = MemberTestData.Unique("Dubbel");
        var file = $"""
            LegalName,Sector,Country,Tier,JoinedOn
            {earlier},Education,NL,,
            {earlier},Bakery,Atlantis,Voorhoede,gisteren
            """;
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");
            var result = await portal.WithServiceAsync<MemberImport, ImportResult>(
                i => i.ImportAcceptedRowsAsync(coordinator, group, "dubbel.csv", Encoding.UTF8.GetBytes(file)));

            var reasons = string.Join(" ", result.Refused.Single().Problems.Select(p => DomainMessageText.Of(p.Violation)));
            Assert.Contains($"'{earlier}' staat ook op rij 2 van dit bestand.", reasons, StringComparison.Ordinal);
            Assert.Contains("'Bakery' is geen bekende waarde voor Sector; gebruik een van:", reasons, StringComparison.Ordinal);
            Assert.Contains("'Atlantis' is geen ISO 3166-landcode", reasons, StringComparison.Ordinal);
            Assert.Contains("'Voorhoede' is geen niveau van deze buyer group; gebruik een van:", reasons, StringComparison.Ordinal);
            Assert.Contains("'gisteren' is geen datum; schrijf die als 2026-01-31.", reasons, StringComparison.Ordinal);
            var refusedFile = Encoding.UTF8.GetString(MemberImport.RefusedRowsCsv(result, "Reden"));
            Assert.Contains("Country: 'Atlantis' is geen ISO 3166-landcode", refusedFile, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("Netherlands")]
    [InlineData("Nederland")]
    [InlineData("Pays-Bas")]
    [InlineData("Niederlande")]
    [InlineData("nl")]
    public async Task A_country_is_read_from_its_name_in_the_interface_languages_or_its_code(string country)
    {
        var name = MemberTestData.Unique("Country by name");

        var preview = await PreviewAsync($"LegalName,Sector,Country\n{name},Education,{country}\n");

        Assert.True(preview.IsClean, string.Join("; ", preview.Problems));
        Assert.Equal("NL", Assert.Single(preview.Rows).Country);
    }

    [Fact]
    public async Task A_country_nobody_knows_is_refused_with_a_reason()
    {
        var preview = await PreviewAsync($"LegalName,Sector,Country\n{MemberTestData.Unique("Nowhere")},Education,Atlantis\n");

        var problem = Assert.Single(preview.Problems);
        Assert.Equal("Country", problem.Column);
        Assert.Contains("'Atlantis'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sector_size_and_spend_are_read_as_the_words_of_any_interface_language()
    {
        var name = MemberTestData.Unique("Dutch words");

        var preview = await PreviewAsync(
            $"LegalName,Sector,Country,SizeBand,IctSpendBand\n{name},Regionale of lokale overheid,NL,Middelgroot,"
            + "Minder dan € 1 miljoen\n");

        Assert.True(preview.IsClean, string.Join("; ", preview.Problems));
    }

    [Fact]
    public void The_template_writes_sector_size_and_spend_as_words_of_the_interface_language()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");
            var dutch = Encoding.UTF8.GetString(MemberImport.TemplateCsv());
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var english = Encoding.UTF8.GetString(MemberImport.TemplateCsv());

            Assert.Contains(
                ",Regionale of lokale overheid,NL,www.voorbeeld.example.nl,Middelgroot,Minder dan € 1 miljoen,",
                dutch,
                StringComparison.Ordinal);
            Assert.Contains(
                ",Regional or local government,NL,www.voorbeeld.example.nl,Medium,Under €1 million,", english, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task A_coordinator_cannot_import_the_valid_rows_into_another_group()
    {
        var name = MemberTestData.Unique("Cross group");
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var dutchGroup = await portal.DutchGroupAsync();
        var bytes = Encoding.UTF8.GetBytes($"LegalName,Sector,Country\n{name},Education,NL\n,Education,NL\n");

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MemberImport, ImportResult>(
                i => i.ImportAcceptedRowsAsync(belgian, dutchGroup, "other.csv", bytes)));

        await using var db = portal.CreateDbContext();
        Assert.False(await db.MemberOrganisations.AnyAsync(m => m.LegalName == name));
    }

    private async Task<ImportPreview> PreviewAsync(string csv)
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();
        return await portal.WithServiceAsync<MemberImport, ImportPreview>(
            i => i.PreviewAsync(coordinator, group, "members.csv", Encoding.UTF8.GetBytes(csv)));
    }
}
