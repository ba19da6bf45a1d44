using System.Net;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Members;
using CsvHelper;
using Microsoft.AspNetCore.Mvc.Testing;
using MiniExcelLibs;

namespace CircularIctPact.IntegrationTests.Members;

/// <summary>The export and template downloads over HTTP, signed in through the real sign-in form.</summary>
public sealed class MemberDownloadEndpointTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Coordinator_exports_their_group_as_CSV_that_parses_back()
    {
        var client = await SignedInAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();

        var response = await client.GetAsync($"/members/export.csv?group={group}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = ParseCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(MemberExport.Columns, rows[0]);
        var members = rows.Skip(1).ToList();
        Assert.True(members.Count >= 10);
        Assert.All(members, r => Assert.Equal(DemoDataSeeder.DutchBuyerGroup, r[0]));
        var rivierstad = Assert.Single(members, r => r[1] == DemoDataSeeder.ProcurerOrganisation);
        Assert.Equal("Regional or local government", rivierstad[2]);
        Assert.Equal("fatima@rivierstad.example.nl", rivierstad[10]);
        Assert.Equal("Active", rivierstad[13]);
    }

    [Fact]
    public async Task Export_follows_the_grid_filter_and_sort()
    {
        var client = await SignedInAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();

        var search = ParseCsv(await client.GetByteArrayAsync($"/members/export.csv?group={group}&search=rivierstad"));
        var education = ParseCsv(
            await client.GetByteArrayAsync($"/members/export.csv?group={group}&sector=Education&sort=LegalName&desc=true"));

        Assert.Equal([DemoDataSeeder.ProcurerOrganisation], search.Skip(1).Select(r => r[1]));
        // Other tests add education members too: the seeded ones come in descending order, and only education members are listed.
        var names = education.Skip(1).Select(r => r[1]).ToList();
        Assert.Equal(names.OrderDescending(StringComparer.Ordinal), names);
        Assert.Equal(
            ["Universiteit Polderstad", "Hogeschool Lage Landen"],
            names.Where(n => n is "Universiteit Polderstad" or "Hogeschool Lage Landen"));
        Assert.All(education.Skip(1), r => Assert.Equal("Education", r[2]));
    }

    [Fact]
    public async Task Coordinator_exports_their_group_as_an_Excel_workbook_that_opens()
    {
        var client = await SignedInAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();

        var response = await client.GetAsync($"/members/export.xlsx?group={group}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.True(rows.Count >= 10);
        Assert.Equal(MemberExport.Columns, rows[0].Keys);
        Assert.Contains(rows, r => Equals(r["LegalName"], DemoDataSeeder.ProcurerOrganisation) && Equals(r["Country"], "NL"));
        Assert.All(rows, r => Assert.Equal(DemoDataSeeder.DutchBuyerGroup, r["BuyerGroup"]));
    }

    [Fact]
    public async Task Coordinator_without_a_group_filter_exports_only_their_own_groups()
    {
        var client = await SignedInAsync(DemoAccounts.CoordinatorBelgium);

        var rows = ParseCsv(await client.GetByteArrayAsync("/members/export.csv"));

        Assert.NotEmpty(rows.Skip(1));
        Assert.All(rows.Skip(1), r => Assert.Equal(DemoDataSeeder.BelgianBuyerGroup, r[0]));
    }

    [Theory]
    [InlineData("/members/export.csv")]
    [InlineData("/members/export.xlsx")]
    [InlineData("/audit/export.csv")]
    public async Task Coordinator_of_another_group_gets_403(string path)
    {
        var client = await SignedInAsync(DemoAccounts.CoordinatorBelgium);
        var group = await portal.DutchGroupAsync();

        var response = await client.GetAsync($"{path}?group={group}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(DemoDataSeeder.ProcurerOrganisation, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/members/export.csv")]
    [InlineData("/members/export.xlsx")]
    [InlineData("/audit/export.csv")]
    [InlineData("/members/import/template.csv")]
    [InlineData("/members")]
    [InlineData("/members/import")]
    [InlineData("/audit")]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var client = NewClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(
            "/Account/Login",
            response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/members/export.csv")]
    [InlineData("/members/export.xlsx")]
    [InlineData("/audit/export.csv")]
    public async Task Procurer_is_refused_the_downloads(string path)
    {
        var client = await SignedInAsync(DemoAccounts.Procurer);
        var group = await portal.DutchGroupAsync();

        var response = await client.GetAsync($"{path}?group={group}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_export_of_a_coordinator_holds_only_their_groups_entries()
    {
        await portal.CreateDutchMemberAsync(MemberTestData.Unique("Audited for export"));
        var dutch = await SignedInAsync(DemoAccounts.CoordinatorNetherlands);
        var belgian = await SignedInAsync(DemoAccounts.CoordinatorBelgium);

        var dutchRows = ParseCsv(await dutch.GetByteArrayAsync("/audit/export.csv?text=Audited%20for%20export"));
        var belgianRows = ParseCsv(await belgian.GetByteArrayAsync("/audit/export.csv?text=Audited%20for%20export"));

        string[] header = ["Occurred at (UTC)", "Actor", "Buyer group", "Entity type", "Entity id", "Action", "Summary", "Before", "After"];
        Assert.Equal(header, dutchRows[0]);
        var entry = Assert.Single(dutchRows.Skip(1));
        Assert.Equal((DemoDataSeeder.DutchBuyerGroup, "Created"), (entry[2], entry[5]));
        Assert.Single(belgianRows);
    }

    [Fact]
    public async Task Tender_and_audit_exports_are_written_in_the_readers_language()
    {
        var client = await SignedInAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();

        var tenders = ParseCsv(await client.GetByteArrayAsync($"/tenders/export.csv?group={group}&culture=nl"));
        var audit = ParseCsv(await client.GetByteArrayAsync("/audit/export.csv"));

        Assert.Equal(["Titel", "Organisatie", "Buyer group", "Productgroep", "Status", "Geplande publicatie"], tenders[0][..6]);
        Assert.Contains("Gedeeld in de aanbestedingskalender", tenders[0]);
        Assert.All(tenders.Skip(1), row => Assert.Contains(row[4], new[] { "Gepland", "Gepubliceerd", "Gegund", "Geannuleerd" }));
        Assert.All(tenders.Skip(1), row => Assert.Contains(row[14], new[] { "Ja", "Nee" }));
        Assert.Equal(["Tijdstip (UTC)", "Uitvoerder"], audit[0][..2]);
    }

    [Fact]
    public async Task Member_pages_render_for_the_coordinator()
    {
        var client = await SignedInAsync(DemoAccounts.CoordinatorNetherlands);
        var member = await portal.CreateDutchMemberAsync(MemberTestData.Unique("Page render"));

        foreach (var path in new[] { "/members", $"/members/{member}", "/members/import", "/audit" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Coordinator_opening_a_member_of_another_group_sees_a_refusal_not_its_data()
    {
        var client = await SignedInAsync(DemoAccounts.CoordinatorBelgium);
        var member = await portal.CreateDutchMemberAsync(MemberTestData.Unique("Hidden page"));

        var html = await client.GetStringAsync($"/members/{member}");

        Assert.Contains("You can only work with the buyer groups you coordinate", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden page", html, StringComparison.Ordinal);
    }

    private static List<string[]> ParseCsv(byte[] content)
    {
        using var reader = CsvReader.Create(content, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        return rows;
    }

    private HttpClient NewClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewClient();
        var response = await FormSignIn.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
