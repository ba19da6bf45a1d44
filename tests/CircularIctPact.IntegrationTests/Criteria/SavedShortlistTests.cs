using System.Net;
using System.Text.RegularExpressions;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Criteria;

public sealed partial class SavedShortlistTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Signed_in_procurer_saves_a_named_shortlist_and_opens_it_again()
    {
        using var client = NewClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);
        var catalogue = await client.GetStringAsync("/criteria?productGroup=smartphones&lang=nl&theme=Battery");
        var ids = Ids().Matches(catalogue).Select(m => m.Groups[1].Value).Take(2).ToList();
        await PostAsync(client, "/criteria/shortlist", catalogue, [new("action", "add"), .. ids.Select(
            id => new KeyValuePair<string, string>("ids", id))]);
        var shortlist = await client.GetStringAsync("/criteria/shortlist?lang=nl");

        var saved = await PostAsync(
            client,
            "/criteria/shortlist/saved",
            shortlist,
            [new("name", "Smartphones Rivierstad 2026"), new("lang", "nl")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await PostAsync(client, "/criteria/shortlist", shortlist, [new("action", "clear")]);
        var emptied = await client.GetStringAsync("/criteria/shortlist");
        Assert.Contains("Smartphones Rivierstad 2026", emptied, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"shortlist-empty\"", emptied, StringComparison.Ordinal);

        var listId = Regex.Match(emptied, "/criteria/shortlist/saved/([0-9a-f-]{36})/load").Groups[1].Value;
        var opened = await PostAsync(client, $"/criteria/shortlist/saved/{listId}/load", emptied, []);
        var restored = await client.GetStringAsync(opened.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.All(ids, id => Assert.Contains(id, restored, StringComparison.Ordinal));
        Assert.DoesNotContain("data-testid=\"shortlist-empty\"", restored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_save_comes_back_with_the_typed_name_and_the_message_beside_it()
    {
        using var client = NewClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);
        var catalogue = await client.GetStringAsync("/criteria?productGroup=laptops&lang=en");
        var id = Ids().Match(catalogue).Groups[1].Value;
        await PostAsync(client, "/criteria/shortlist", catalogue, [new("action", "add"), new("ids", id)]);
        var shortlist = await client.GetStringAsync("/criteria/shortlist?lang=en");
        var tooLong = "Laptop tender for the schools of Rivierstad " + new string('x', 100);

        var refused = await PostAsync(client, "/criteria/shortlist/saved", shortlist, [new("name", tooLong), new("lang", "en")]);
        var page = await client.GetStringAsync(refused.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains($"value=\"{tooLong}\"", page, StringComparison.Ordinal);
        Assert.Contains(
            "<div id=\"e-shortlist-name\" class=\"validation-message\" role=\"alert\" data-testid=\"field-error\">Name can be at most 120 "
                + "characters.</div>",
            page,
            StringComparison.Ordinal);
        Assert.DoesNotContain(
            "Laptop tender for the schools of Rivierstad",
            await client.GetStringAsync("/criteria/shortlist?lang=en"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_else_can_open_or_delete_a_saved_shortlist()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var criterion = (await portal.WithServiceAsync<CriteriaCatalogue, CatalogueView>(
            c => c.GetAsync(new CatalogueQuery("laptops"), procurer))).Criteria[0].Id;
        var id = await portal.WithServiceAsync<SavedShortlists, Guid>(
            s => s.SaveAsync("Laptops", [criterion], CriteriaLanguage.En, procurer));

        await Assert.ThrowsAsync<NotFoundException>(() => portal.WithServiceAsync<SavedShortlists>(s => s.LoadAsync(id, coordinator)));
        await Assert.ThrowsAsync<NotFoundException>(() => portal.WithServiceAsync<SavedShortlists>(s => s.DeleteAsync(id, coordinator)));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<SavedShortlists, Guid>(
            s => s.SaveAsync("Mine", [criterion], CriteriaLanguage.En, PortalFactoryExtensions.Anonymous)));
        var empty = await Assert.ThrowsAsync<DomainException>(
            () => portal.WithServiceAsync<SavedShortlists, Guid>(s => s.SaveAsync("Empty", [], CriteriaLanguage.En, procurer)));
        Assert.Equal(SavedShortlistFields.Name, empty.Field);
        Assert.Empty(await portal.WithServiceAsync<SavedShortlists, IReadOnlyList<SavedShortlistSummary>>(s => s.ListAsync(coordinator)));
        var (ids, _) = await portal.WithServiceAsync<SavedShortlists, (IReadOnlyList<Guid>, CriteriaLanguage)>(
            s => s.LoadAsync(id, procurer));
        Assert.Equal([criterion], ids);
    }

    [Fact]
    public async Task Anonymous_visitor_cannot_save_a_shortlist()
    {
        using var client = NewClient();
        var page = await client.GetStringAsync("/criteria?productGroup=laptops");

        var response = await PostAsync(client, "/criteria/shortlist/saved", page, [new("name", "Anonymous"), new("lang", "en")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client,
        string url,
        string pageWithToken,
        List<KeyValuePair<string, string>> fields)
    {
        var token = Regex.Match(pageWithToken, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"ids\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex Ids();

    private HttpClient NewClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
