using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CircularIctPact.Domain.Events;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Events;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Events;

/// <summary>The event form posts back to its page: refused input comes back with everything typed and the message beside its field.</summary>
public sealed class EventFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Title = "Repair workshop for school laptops";
    private const string Description = "We open three laptops together and swap their batteries.";

    [Fact]
    public async Task A_refused_new_event_comes_back_with_everything_typed_and_the_message_next_to_the_field()
    {
        using var client = await SignedInClientAsync(DemoAccounts.CoordinatorNetherlands);
        var scope = await OwnScopeAsync(DemoAccounts.CoordinatorNetherlands);

        var refused = await FormSignIn.PostFormAsync(client, "/events/new", "event", Fields(scope, endsAt: "2027-05-10T13:00"));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"e-EndsAt\" class=\"validation-message\" data-testid=\"field-error\">The event must end after it starts.</div>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"e-EndsAt\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Title}\"", html, StringComparison.Ordinal);
        Assert.Contains($">{Description}</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-05-10T14:00\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-05-10T13:00\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Rivierstad town hall\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Webinar\" selected", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Europe/Amsterdam\" selected", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"MembersOnly\" selected", html, StringComparison.Ordinal);
        Assert.DoesNotContain((await ListAsync()).Upcoming, e => e.Title == Title);

        var unreadable = await FormSignIn.PostFormAsync(client, "/events/new", "event", Fields(scope, startsAt: string.Empty));
        var unreadableHtml = await unreadable.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"e-StartsAt\" class=\"validation-message\" data-testid=\"field-error\">Give a date and time.</div>", unreadableHtml, StringComparison.Ordinal);
        Assert.Contains($">{Description}</textarea>", unreadableHtml, StringComparison.Ordinal);

        var saved = await FormSignIn.PostFormAsync(client, "/events/new", "event", Fields(scope));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var created = Assert.Single((await ListAsync()).Upcoming, e => e.Title == Title);
        Assert.Equal($"/events/{created.Id}?done=saved", saved.Headers.Location?.PathAndQuery);
        Assert.Equal(EventAudience.MembersOnly, created.Audience);
        Assert.Equal(new DateTimeOffset(2027, 5, 10, 12, 0, 0, TimeSpan.Zero), created.StartsAt);
    }

    [Fact]
    public async Task A_refused_change_keeps_the_typed_values_and_a_conflict_shows_the_stored_version_beside_them()
    {
        using var client = await SignedInClientAsync(DemoAccounts.CoordinatorNetherlands);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var scope = await OwnScopeAsync(DemoAccounts.CoordinatorNetherlands);
        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.PostFormAsync(client, "/events/new", "event", Fields(scope, title: "Battery clinic"))).StatusCode);
        var id = (await ListAsync()).Upcoming.Single(e => e.Title == "Battery clinic").Id;
        var edit = $"/events/{id}/edit";
        var opened = await portal.WithServiceAsync<PactEvents, EventView>(e => e.GetAsync(id, coordinator));
        var version = opened.RowVersion.ToString(CultureInfo.InvariantCulture);

        var refused = await FormSignIn.PostFormAsync(client, edit, "event", Fields(title: "Battery clinic, second round", capacity: "0", rowVersion: version));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"e-Capacity\" class=\"validation-message\" data-testid=\"field-error\">Capacity must be between 1 and 100000.</div>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Battery clinic, second round\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains($">{Description}</textarea>", refusedHtml, StringComparison.Ordinal);

        await portal.WithServiceAsync<PactEvents>(e => e.UpdateAsync(id, opened.RowVersion, opened.Details with { Place = "Library of Rivierstad" }, coordinator));
        var conflict = await FormSignIn.PostFormAsync(client, edit, "event", Fields(title: "Battery clinic, second round", rowVersion: version));
        var conflictHtml = await conflict.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Someone else changed this event after you opened it; nothing of yours was saved. Review it and save again.", conflictHtml, StringComparison.Ordinal);
        Assert.Contains("<dd>Library of Rivierstad</dd>", conflictHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Battery clinic, second round\"", conflictHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Rivierstad town hall\"", conflictHtml, StringComparison.Ordinal);
        var current = await portal.WithServiceAsync<PactEvents, EventView>(e => e.GetAsync(id, coordinator));
        Assert.Equal("Battery clinic", current.Details.Title);
        Assert.Contains($"name=\"Input.RowVersion\" value=\"{current.RowVersion}\"", conflictHtml, StringComparison.Ordinal);

        var again = await FormSignIn.PostFormAsync(client, edit, "event", Fields(title: "Battery clinic, second round", rowVersion: current.RowVersion.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/events/{id}?done=saved", again.Headers.Location?.PathAndQuery);
        Assert.Equal("Battery clinic, second round", (await portal.WithServiceAsync<PactEvents, EventView>(e => e.GetAsync(id, coordinator))).Details.Title);
    }

    [Fact]
    public async Task Only_organisers_post_the_form_and_only_for_their_own_scope()
    {
        using (var procurerClient = await SignedInClientAsync(DemoAccounts.Procurer))
        {
            var refused = await FormSignIn.PostFormAsync(procurerClient, "/events", "event", Fields(PactEvents.PactScope, title: "Procurer webinar"), action: "/events/new");

            Assert.False(refused.IsSuccessStatusCode);
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        }

        using var client = await SignedInClientAsync(DemoAccounts.CoordinatorNetherlands);
        var otherScope = await FormSignIn.PostFormAsync(client, "/events/new", "event", Fields(PactEvents.PactScope, title: "Pact-wide by a coordinator"));
        var html = await otherScope.Content.ReadAsStringAsync();

        Assert.Contains("<div id=\"e-Scope\" class=\"validation-message\" data-testid=\"field-error\">Choose whom the event is organised for.</div>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Pact-wide by a coordinator\"", html, StringComparison.Ordinal);
        var titles = (await ListAsync()).Upcoming.Select(e => e.Title).ToList();
        Assert.DoesNotContain("Procurer webinar", titles);
        Assert.DoesNotContain("Pact-wide by a coordinator", titles);
    }

    [Fact]
    public async Task A_refused_material_comes_back_with_its_title_and_link_and_the_message_beside_the_field()
    {
        using var client = await SignedInClientAsync(DemoAccounts.CoordinatorNetherlands);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        var scope = await OwnScopeAsync(DemoAccounts.CoordinatorNetherlands);
        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.PostFormAsync(client, "/events/new", "event", Fields(scope, title: "Battery clinic with slides"))).StatusCode);
        var id = (await ListAsync()).Upcoming.Single(e => e.Title == "Battery clinic with slides").Id;
        var page = $"/events/{id}";
        var documentsBefore = await StoredDocumentCountAsync();

        var badLink = await FormSignIn.PostFormAsync(client, page, "material", Material("Slides of the clinic", "ftp://files.example/slides.pdf"));
        var badLinkHtml = await badLink.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, badLink.StatusCode);
        Assert.Contains("name=\"Material.Title\" class=\"form-control\" maxlength=\"200\" required value=\"Slides of the clinic\" />", badLinkHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"Material.Url\" type=\"url\" class=\"form-control\" value=\"ftp://files.example/slides.pdf\" aria-invalid=\"true\" aria-describedby=\"e-material-Url\" />", badLinkHtml, StringComparison.Ordinal);
        Assert.Contains("<div id=\"e-material-Url\" class=\"validation-message\" data-testid=\"field-error\">Der Link muss eine Webadresse sein, die mit https:// beginnt.</div>", WebUtility.HtmlDecode(badLinkHtml), StringComparison.Ordinal);
        Assert.Contains($"action=\"/events/{id}#materials\"", badLinkHtml, StringComparison.Ordinal);

        var withFile = await PostMaterialWithFileAsync(client, page, "Slides of the clinic", "ftp://files.example/slides.pdf", "slides.pdf", "%PDF-1.7\n% slides\n"u8.ToArray());
        var withFileHtml = await withFile.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, withFile.StatusCode);
        Assert.Contains("value=\"Slides of the clinic\"", withFileHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"ftp://files.example/slides.pdf\" aria-invalid=\"true\"", withFileHtml, StringComparison.Ordinal);
        Assert.Contains("<div id=\"e-material-File\" class=\"validation-message\" data-testid=\"field-error\">Wählen Sie die Datei erneut aus: Sie bleibt nicht erhalten, wenn das Formular zurückkommt.</div>", WebUtility.HtmlDecode(withFileHtml), StringComparison.Ordinal);

        var badFile = await PostMaterialWithFileAsync(client, page, "Slides of the clinic", "https://files.example/slides", "slides.pdf", "just some notes"u8.ToArray());
        var badFileHtml = await badFile.Content.ReadAsStringAsync();

        Assert.Contains("value=\"Slides of the clinic\"", badFileHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"https://files.example/slides\" />", badFileHtml, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"e-material-File\" />", badFileHtml, StringComparison.Ordinal);
        Assert.Contains("<div id=\"e-material-File\" class=\"validation-message\" data-testid=\"field-error\">'slides.pdf' cannot be uploaded", WebUtility.HtmlDecode(badFileHtml), StringComparison.Ordinal);

        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        Assert.Empty((await portal.WithServiceAsync<PactEvents, EventView>(e => e.GetAsync(id, coordinator))).Materials);
        Assert.Equal(documentsBefore, await StoredDocumentCountAsync());

        var added = await FormSignIn.PostFormAsync(client, page, "material", Material("Slides of the clinic", "https://files.example/slides"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/events/{id}?done=material", added.Headers.Location?.PathAndQuery);
        var material = Assert.Single((await portal.WithServiceAsync<PactEvents, EventView>(e => e.GetAsync(id, coordinator))).Materials);
        Assert.Equal("https://files.example/slides", material.Url);
    }

    private static Dictionary<string, string> Material(string title, string url) => new()
    {
        ["Material.Title"] = title,
        ["Material.Url"] = url,
    };

    /// <summary>Posts the materials form as a browser does when a file is chosen: multipart, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostMaterialWithFileAsync(HttpClient client, string page, string title, string url, string fileName, byte[] content)
    {
        var html = await client.GetStringAsync(page);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("material"), "_handler" },
            { new StringContent(title), "Material.Title" },
            { new StringContent(url), "Material.Url" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri(page, UriKind.Relative), form);
    }

    private async Task<int> StoredDocumentCountAsync()
    {
        await using var db = portal.CreateDbContext();
        return await db.StoredDocuments.CountAsync();
    }

    private static Dictionary<string, string> Fields(
        string? scope = null, string title = Title, string startsAt = "2027-05-10T14:00", string endsAt = "2027-05-10T16:00", string capacity = "12", string rowVersion = "0")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Description"] = Description,
            ["Input.Kind"] = "Webinar",
            ["Input.StartsAt"] = startsAt,
            ["Input.EndsAt"] = endsAt,
            ["Input.TimeZone"] = "Europe/Amsterdam",
            ["Input.OnlineLink"] = string.Empty,
            ["Input.Place"] = "Rivierstad town hall",
            ["Input.Capacity"] = capacity,
            ["Input.Audience"] = "MembersOnly",
            ["Input.RowVersion"] = rowVersion,
        };
        if (scope is not null)
        {
            fields["Input.Scope"] = scope;
        }

        return fields;
    }

    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(client, email);
        return client;
    }

    private async Task<string> OwnScopeAsync(string email)
    {
        var person = await portal.PrincipalForAsync(email);
        return (await portal.WithServiceAsync<PactEvents, IReadOnlyList<OrganiserScope>>(e => e.OrganiserScopesAsync(person))).Single().Value;
    }

    private async Task<EventListView> ListAsync()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        return await portal.WithServiceAsync<PactEvents, EventListView>(e => e.ListAsync(coordinator));
    }
}
