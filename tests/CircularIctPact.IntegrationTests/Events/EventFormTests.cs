using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Events;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Events;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Events;

/// <summary>
/// The event editor's form on real PostgreSQL: what the organiser typed is read by <see cref="EventForm"/> and saved by
/// <see cref="PactEvents"/>, and every refusal names the field the editor shows it beside. The editor page itself is
/// tested with stand-ins in the component tests.
/// </summary>
public sealed class EventFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Title = "Repair workshop for school laptops";
    private const string Description = "We open three laptops together and swap their batteries.";

    [Fact]
    public async Task The_editor_page_opens_for_an_organiser_and_refuses_a_procurer()
    {
        using var coordinatorClient = await SignedInClientAsync(DemoAccounts.CoordinatorNetherlands);
        using var procurerClient = await SignedInClientAsync(DemoAccounts.Procurer);

        using var opened = await coordinatorClient.GetAsync("/events/new");
        using var refused = await procurerClient.GetAsync("/events/new");

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("data-testid=\"event-form\"", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("data-testid=\"event-form\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_event_is_refused_beside_the_field_that_is_wrong_and_saved_once_corrected()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var scope = await OwnScopeAsync(DemoAccounts.CoordinatorNetherlands);

        var endsFirst = await Assert.ThrowsAsync<DomainException>(() => CreateAsync(Form(endsAt: "2027-05-10T13:00"), scope, coordinator));
        var unreadable = Assert.Throws<DomainException>(() => Form(startsAt: string.Empty).ToDetails());
        var saved = await CreateAsync(Form(), scope, coordinator);

        Assert.Equal((PactEventFields.EndsAt, "The event must end after it starts."), (endsFirst.Field, endsFirst.Message));
        Assert.Equal((EventForm.StartsAtField, "Give a date and time."), (unreadable.Field, unreadable.Message));
        var created = Assert.Single((await ListAsync()).Upcoming, e => e.Title == Title);
        Assert.Equal(saved, created.Id);
        Assert.Equal(EventAudience.MembersOnly, created.Audience);
        Assert.Equal(new DateTimeOffset(2027, 5, 10, 12, 0, 0, TimeSpan.Zero), created.StartsAt);
    }

    [Fact]
    public async Task A_change_is_refused_beside_its_field_and_a_conflict_carries_the_stored_version_to_save_over()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var id = await CreateAsync(Form(title: "Battery clinic"), await OwnScopeAsync(DemoAccounts.CoordinatorNetherlands), coordinator);
        var opened = await portal.WithServiceAsync<PactEvents, EventView>(e => e.GetAsync(id, coordinator));
        var form = EventForm.From(opened.Details, opened.RowVersion);
        form.Title = "Battery clinic, second round";

        form.Capacity = "0";
        var refused = await Assert.ThrowsAsync<DomainException>(() => UpdateAsync(id, form, coordinator));
        form.Capacity = "12";
        await portal.WithServiceAsync<PactEvents>(
            e => e.UpdateAsync(id, opened.RowVersion, opened.Details with { Place = "Library of Rivierstad" }, coordinator));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => UpdateAsync(id, form, coordinator));

        Assert.Equal((PactEventFields.Capacity, "Capacity must be between 1 and 100000."), (refused.Field, refused.Message));
        var stored = Assert.IsType<StoredEvent>(conflict.Current);
        Assert.Equal("Library of Rivierstad", stored.Details.Place);
        Assert.Equal(
            "Battery clinic",
            (await portal.WithServiceAsync<PactEvents, EventView>(e => e.GetAsync(id, coordinator))).Details.Title);

        form.RowVersion = stored.RowVersion;
        await UpdateAsync(id, form, coordinator);

        Assert.Equal(
            "Battery clinic, second round",
            (await portal.WithServiceAsync<PactEvents, EventView>(e => e.GetAsync(id, coordinator))).Details.Title);
    }

    [Fact]
    public async Task Only_organisers_create_events_and_only_for_their_own_scope()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);

        await Assert.ThrowsAsync<ForbiddenException>(() => CreateAsync(Form(title: "Procurer webinar"), PactEvents.PactScope, procurer));
        var otherScope = await Assert.ThrowsAsync<DomainException>(
            () => CreateAsync(Form(title: "Pact-wide by a coordinator"), PactEvents.PactScope, coordinator));

        Assert.Equal((PactEvents.ScopeField, "Choose whom the event is organised for."), (otherScope.Field, otherScope.Message));
        var titles = (await ListAsync()).Upcoming.Select(e => e.Title).ToList();
        Assert.DoesNotContain("Procurer webinar", titles);
        Assert.DoesNotContain("Pact-wide by a coordinator", titles);
    }

    [Fact]
    public async Task A_refused_material_comes_back_with_its_title_and_link_and_the_message_beside_the_field()
    {
        using var client = await SignedInClientAsync(DemoAccounts.CoordinatorNetherlands);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        var id = await CreateAsync(
            Form(title: "Battery clinic with slides"),
            await OwnScopeAsync(DemoAccounts.CoordinatorNetherlands),
            await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands));
        var page = $"/events/{id}";
        var documentsBefore = await StoredDocumentCountAsync();

        var badLink =
            await FormSignIn.PostFormAsync(client, page, "material", Material("Slides of the clinic", "ftp://files.example/slides.pdf"));
        var badLinkHtml = await badLink.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, badLink.StatusCode);
        Assert.Contains(
            "name=\"Material.Title\" class=\"form-control\" maxlength=\"200\" required value=\"Slides of the clinic\" />",
            badLinkHtml,
            StringComparison.Ordinal);
        Assert.Contains(
            "name=\"Material.Url\" type=\"url\" class=\"form-control\" value=\"ftp://files.example/slides.pdf\" aria-invalid=\"true\" "
                + "aria-describedby=\"e-material-Url\" />",
            badLinkHtml,
            StringComparison.Ordinal);
        Assert.Contains(
            "<div id=\"e-material-Url\" class=\"validation-message\" data-testid=\"field-error\">Der Link muss eine Webadresse sein, die "
                + "mit https:// beginnt.</div>",
            WebUtility.HtmlDecode(badLinkHtml),
            StringComparison.Ordinal);
        Assert.Contains($"action=\"/events/{id}#materials\"", badLinkHtml, StringComparison.Ordinal);

        var withFile = await PostMaterialWithFileAsync(
            client,
            page,
            "Slides of the clinic",
            "ftp://files.example/slides.pdf",
            "slides.pdf",
            "%PDF-1.7\n% slides\n"u8.ToArray());
        var withFileHtml = await withFile.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, withFile.StatusCode);
        Assert.Contains("value=\"Slides of the clinic\"", withFileHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"ftp://files.example/slides.pdf\" aria-invalid=\"true\"", withFileHtml, StringComparison.Ordinal);
        Assert.Contains(
            "<div id=\"e-material-File\" class=\"validation-message\" data-testid=\"field-error\">Wählen Sie die Datei erneut aus: Sie "
                + "bleibt nicht erhalten, wenn das Formular zurückkommt.</div>",
            WebUtility.HtmlDecode(withFileHtml),
            StringComparison.Ordinal);

        var badFile = await PostMaterialWithFileAsync(
            client,
            page,
            "Slides of the clinic",
            "https://files.example/slides",
            "slides.pdf",
            "just some notes"u8.ToArray());
        var badFileHtml = await badFile.Content.ReadAsStringAsync();

        Assert.Contains("value=\"Slides of the clinic\"", badFileHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"https://files.example/slides\" />", badFileHtml, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"e-material-File\" />", badFileHtml, StringComparison.Ordinal);
        Assert.Contains(
            "<div id=\"e-material-File\" class=\"validation-message\" data-testid=\"field-error\">'slides.pdf' kann nicht hochgeladen "
                + "werden",
            WebUtility.HtmlDecode(badFileHtml),
            StringComparison.Ordinal);

        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        Assert.Empty((await portal.WithServiceAsync<PactEvents, EventView>(e => e.GetAsync(id, coordinator))).Materials);
        Assert.Equal(documentsBefore, await StoredDocumentCountAsync());

        var added =
            await FormSignIn.PostFormAsync(client, page, "material", Material("Slides of the clinic", "https://files.example/slides"));

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
    private static async Task<HttpResponseMessage> PostMaterialWithFileAsync(
        HttpClient client,
        string page,
        string title,
        string url,
        string fileName,
        byte[] content)
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

    private static EventForm Form(string title = Title, string startsAt = "2027-05-10T14:00", string endsAt = "2027-05-10T16:00") => new()
    {
        Title = title,
        Description = Description,
        Kind = "Webinar",
        StartsAt = startsAt,
        EndsAt = endsAt,
        TimeZone = "Europe/Amsterdam",
        Place = "Rivierstad town hall",
        Capacity = "12",
        Audience = "MembersOnly",
    };

    private Task<Guid> CreateAsync(EventForm form, string scope, ClaimsPrincipal user) =>
        portal.WithServiceAsync<PactEvents, Guid>(e => e.CreateAsync(form.ToDetails(), scope, user));

    private Task UpdateAsync(Guid id, EventForm form, ClaimsPrincipal user) =>
        portal.WithServiceAsync<PactEvents>(e => e.UpdateAsync(id, form.RowVersion, form.ToDetails(), user));

    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(client, email);
        return client;
    }

    private async Task<string> OwnScopeAsync(string email)
    {
        var person = await portal.PrincipalForAsync(email);
        var scopes = await portal.WithServiceAsync<PactEvents, IReadOnlyList<OrganiserScope>>(e => e.OrganiserScopesAsync(person));
        return scopes.Single().Value;
    }

    private async Task<EventListView> ListAsync()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        return await portal.WithServiceAsync<PactEvents, EventListView>(e => e.ListAsync(coordinator));
    }
}
