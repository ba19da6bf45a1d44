using System.Net;
using System.Text.Json;
using CircularIctPact.Testing;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Criteria;

public sealed class CataloguePagesAndExportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string GhentQuery = "/criteria?productGroup=smartphones&lang=nl&theme=RepairabilityAndSpareParts&level=Comprehensive";

    [Fact]
    public async Task Catalogue_page_filters_through_the_query_string_without_JavaScript()
    {
        using var client = NewClient();

        var page = await client.GetStringAsync(GhentQuery);

        Assert.Contains("PHO-REP-02", page, StringComparison.Ordinal);
        Assert.Contains("Repareerbaarheidsklasse B of beter", page, StringComparison.Ordinal);
        Assert.DoesNotContain("PHO-REP-01", page, StringComparison.Ordinal);
        Assert.DoesNotContain("LAP-", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/criteria/smartphones/2.0/PHO-REP-02?lang=nl\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_page_searches_in_the_chosen_language()
    {
        using var client = NewClient();

        var page = await client.GetStringAsync("/criteria?productGroup=laptops&lang=nl&q=reparatie");

        Assert.Contains("LAP-REP-02", page, StringComparison.Ordinal);
        Assert.DoesNotContain("LAP-ENE-01", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_criterion_version_has_a_stable_address_in_each_language()
    {
        using var client = NewClient();

        var dutch = await client.GetStringAsync("/criteria/laptops/2.0/LAP-REP-02?lang=nl");
        var old = await client.GetAsync("/criteria/laptops/1.0/LAP-REP-02?lang=en");
        var missing = await client.GetAsync("/criteria/laptops/2.0/LAP-XYZ-99");

        Assert.Contains("Reparatiehandleiding", dutch, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Untranslated_criterion_shows_English_with_a_visible_marker()
    {
        using var client = NewClient();

        var page = await client.GetStringAsync("/criteria/laptops/2.0/LAP-REC-03?lang=de");

        Assert.Contains("data-testid=\"fallback-marker\"", page, StringComparison.Ordinal);
        Assert.Contains("English — not yet translated", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortlisted_criteria_export_to_Word_in_the_chosen_language_with_headings_per_type()
    {
        using var client = NewClient();
        var ids = await ShortlistAsync(
            client,
            "/criteria?productGroup=smartphones&lang=nl&theme=RepairabilityAndSpareParts",
            "PHO-REP-02",
            "PHO-REP-03");

        using var response = await client.GetAsync("/criteria/shortlist/export?format=docx&lang=nl&title=Aanbesteding%20smartphones");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        var text = string.Join('\n', paragraphs.Select(p => p.InnerText));
        Assert.Contains("Aanbesteding smartphones", text, StringComparison.Ordinal);
        Assert.Contains("PHO-REP-02 Repareerbaarheidsklasse B of beter", text, StringComparison.Ordinal);
        Assert.Contains("PHO-REP-03", text, StringComparison.Ordinal);
        Assert.Contains("Elk aangeboden smartphonemodel heeft een repareerbaarheidsklasse", text, StringComparison.Ordinal);
        Assert.Contains("smartphones 2.0, PHO-REP-02", text, StringComparison.Ordinal);
        var headings = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText)
            .ToList();
        Assert.Equal(["Technische specificaties", "Gunningscriteria"], headings);
        Assert.NotNull(word.MainDocumentPart.StyleDefinitionsPart?.Styles);
        Assert.Equal(2, ids.Count);
    }

    [Fact]
    public async Task Shortlist_exports_as_CSV_that_round_trips_and_as_JSON()
    {
        using var client = NewClient();
        await ShortlistAsync(client, "/criteria?productGroup=laptops&lang=fr&theme=Battery", "LAP-BAT-01", "LAP-BAT-02");

        var csvBytes = await client.GetByteArrayAsync("/criteria/shortlist/export?format=csv&lang=fr");
        var json = await client.GetStringAsync("/criteria/shortlist/export?format=json&lang=fr");

        var (header, rows) = ParseCsv(csvBytes);
        Assert.Equal(["Groupe de produits", "Version", "Code", "Langue"], header.Take(4));
        Assert.Equal(["LAP-BAT-01", "LAP-BAT-02"], rows.Select(r => r[header.IndexOf("Code")]));
        Assert.All(rows, r =>
        {
            Assert.Equal("fr", r[header.IndexOf("Langue")]);
            Assert.Equal("2.0", r[header.IndexOf("Version")]);
            Assert.False(string.IsNullOrEmpty(r[header.IndexOf("Exigence")]));
        });

        using var document = JsonDocument.Parse(json);
        Assert.Equal("fr", document.RootElement.GetProperty("language").GetString());
        Assert.Equal(
            ["LAP-BAT-01", "LAP-BAT-02"],
            document.RootElement.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Shortlist_CSV_names_themes_levels_and_types_in_the_reader_s_language_without_code_values()
    {
        using var client = NewClient();
        await ShortlistAsync(client, "/criteria?productGroup=laptops&theme=Battery", "LAP-BAT-01", "LAP-BAT-02");

        var (header, rows) = ParseCsv(await client.GetByteArrayAsync("/criteria/shortlist/export?format=csv&culture=de"));

        Assert.Equal(["Produktgruppe", "Version", "Code", "Sprache"], header.Take(4));
        Assert.Equal(["Akku", "Akku"], rows.Select(r => r[header.IndexOf("Thema")]));
        Assert.Equal(["Kern", "Vorreiter"], rows.Select(r => r[header.IndexOf("Ambitionsniveau")]));
        Assert.Equal(["Technische Spezifikationen", "Zuschlagskriterien"], rows.Select(r => r[header.IndexOf("Art")]));
        Assert.Equal(["Länger nutzen", "Länger nutzen"], rows.Select(r => r[header.IndexOf("Strategie")]));
        string[] codeValues = ["Battery", "Core", "Frontrunner", "TechnicalSpecification", "AwardCriterion", "UseLonger", "True", "False"];
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => codeValues.Contains(cell));
    }

    [Theory]
    [InlineData("de", "Kriterien für zirkuläre und faire IKT", "Kriterien des Circular & Fair ICT Pact (laptops 2.0), Sprache: Deutsch.")]
    [InlineData("en", "Circular and fair ICT criteria", "Criteria of the Circular & Fair ICT Pact (laptops 2.0), language: English.")]
    public async Task Word_export_without_a_title_names_itself_in_the_export_language(string culture, string title, string opening)
    {
        using var client = NewClient();
        await ShortlistAsync(client, "/criteria?productGroup=laptops&theme=Battery", "LAP-BAT-01");

        using var response = await client.GetAsync($"/criteria/shortlist/export?format=docx&culture={culture}");

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(title, paragraphs[0]);
        Assert.Equal(opening, paragraphs[1]);
    }

    [Fact]
    public async Task Shortlist_keeps_the_order_the_procurer_chooses()
    {
        using var client = NewClient();
        var ids = await ShortlistAsync(client, "/criteria?productGroup=laptops&theme=Battery", "LAP-BAT-01", "LAP-BAT-02");

        var page = await client.GetStringAsync("/criteria/shortlist");
        var response = await FormSignIn.PostFormAsync(client, "/criteria/shortlist", "ignored", new Dictionary<string, string>
        {
            ["action"] = "down",
            ["ids"] = ids[0],
            ["returnUrl"] = "/criteria/shortlist",
        });
        var reordered = await client.GetStringAsync("/criteria/shortlist");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(page.IndexOf("LAP-BAT-01", StringComparison.Ordinal) < page.IndexOf("LAP-BAT-02", StringComparison.Ordinal));
        Assert.True(reordered.IndexOf("LAP-BAT-02", StringComparison.Ordinal) < reordered.IndexOf("LAP-BAT-01", StringComparison.Ordinal));
    }

    /// <summary>Ticks the rows with these codes on a catalogue page and posts its shortlist form, as a browser would.</summary>
    private static async Task<List<string>> ShortlistAsync(HttpClient client, string catalogueUrl, params string[] codes)
    {
        var page = await client.GetStringAsync(catalogueUrl);
        var ids = codes.Select(code => IdOf(page, code)).ToList();
        var token =
            System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token)),
            new("action", "add"),
            new("returnUrl", catalogueUrl),
        };
        fields.AddRange(ids.Select(id => new KeyValuePair<string, string>("ids", id)));
        using var form = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync("/criteria/shortlist", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return ids;
    }

    private static string IdOf(string page, string code)
    {
        var row = page.IndexOf($"data-code=\"{code}\"", StringComparison.Ordinal);
        Assert.True(row >= 0, $"{code} is not on the page.");
        var match = System.Text.RegularExpressions.Regex.Match(page[row..], "name=\"ids\" value=\"([0-9a-f-]{36})\"");
        return match.Groups[1].Value;
    }

    private static (List<string> Header, List<string[]> Rows) ParseCsv(byte[] content)
    {
        using var reader = CsvReader.Create(content, new CsvReaderOptions { HasHeader = false });
        var lines = new List<string[]>();
        while (reader.Read())
        {
            lines.Add(reader.Current.ToArray());
        }

        return ([.. lines[0]], lines[1..]);
    }

    private HttpClient NewClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
