using System.Security.Claims;
using Bunit;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Events;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Events;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace CircularIctPact.ComponentTests.Events;

public sealed class EventEditorTests : PortalComponentTest
{
    private static readonly EventDetails Webinar = new(
        "Repairability in practice", "How buyers ask for spare parts.", EventKind.Webinar,
        new DateTimeOffset(2027, 3, 4, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 4, 10, 30, 0, TimeSpan.Zero),
        "UTC", "https://meet.example/repair", null, 80, EventAudience.Public);

    private readonly StandInEvents _events = new();
    private readonly HttpContext _request = new DefaultHttpContext();

    public EventEditorTests()
    {
        AddAuthorization().SetAuthorized("chair@cfit.example");
        Services.AddSingleton<PactEvents>(_events);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Event_editor_starts_a_new_event_for_the_first_scope_the_organiser_may_organise_for()
    {
        _events.Scopes = [new OrganiserScope(PactEvents.PactScope, "The pact"), new OrganiserScope("group:1", "Dutch buyer group")];

        var page = RenderPage();

        Assert.Equal(PactEvents.PactScope, Select(page, "Organised for").Instance.GetState(x => x.Value));
        Assert.Equal("Organise an event", page.Find("h1").TextContent.Trim());
        Assert.Equal("30", MudInput(page, "Capacity").GetAttribute("value"));
    }

    [Fact]
    public void Event_editor_refuses_someone_who_organises_for_nobody()
    {
        var page = RenderPage();

        Assert.Contains(
            "Only the secretariat, coordinators and working-group chairs organise events.",
            page.Find(".mud-alert").TextContent,
            StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=event-form]"));
        Assert.Equal(StatusCodes.Status403Forbidden, _request.Response.StatusCode);
    }

    [Fact]
    public void Event_editor_refuses_a_form_without_a_kind_beside_the_kind_without_calling_the_service()
    {
        _events.Scopes = [new OrganiserScope(PactEvents.PactScope, "The pact")];
        var page = RenderPage();

        Save(page);

        Assert.Empty(_events.Created);
        Assert.Contains("Choose the kind of event.", MudField(page, "Kind").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Choose the kind of event.", MudField(page, "Title").TextContent, StringComparison.Ordinal);
        var summary = page.Find("[data-testid=error-summary]");
        Assert.Contains("The form was not saved.", summary.TextContent, StringComparison.Ordinal);
        var link = summary.QuerySelector("a[data-testid=error-summary-link]")!;
        Assert.Equal("Choose the kind of event.", link.TextContent.Trim());
        Assert.Single(page.FindAll($"[id='{link.GetAttribute("href")!.TrimStart('#')}']"));
    }

    [Fact]
    public void Event_editor_names_every_mistake_of_an_empty_form_at_once()
    {
        _events.Scopes = [new OrganiserScope(PactEvents.PactScope, "The pact")];
        var page = RenderPage();

        Save(page);

        Assert.Empty(_events.Created);
        Assert.Contains("Choose the kind of event.", MudField(page, "Kind").TextContent, StringComparison.Ordinal);
        Assert.Contains("Give a date and time.", MudField(page, "Starts").TextContent, StringComparison.Ordinal);
        Assert.Contains("Give a date and time.", MudField(page, "Ends").TextContent, StringComparison.Ordinal);
        Assert.Contains("Title is required.", MudField(page, "Title").TextContent, StringComparison.Ordinal);
        Assert.Contains("Give an online link, a place, or both.", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("The event must end after it starts.", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_editor_fills_the_form_from_the_stored_event()
    {
        var id = _events.Store(Webinar, rowVersion: 11);

        var page = RenderPage(id);

        Assert.Equal("Edit the event", page.Find("h1").TextContent.Trim());
        Assert.Equal("Repairability in practice", MudInput(page, "Title").GetAttribute("value"));
        Assert.Equal("2027-03-04T09:00", MudInput(page, "Starts").GetAttribute("value"));
        Assert.Equal("2027-03-04T10:30", MudInput(page, "Ends").GetAttribute("value"));
        Assert.Equal("80", MudInput(page, "Capacity").GetAttribute("value"));
        Assert.Equal(nameof(EventKind.Webinar), Select(page, "Kind").Instance.GetState(x => x.Value));
        Assert.DoesNotContain(page.FindComponents<MudSelect<string>>(), select => select.Instance.Label == "Organised for");
    }

    [Fact]
    public void Event_editor_refuses_someone_who_does_not_organise_the_event()
    {
        var id = _events.Store(Webinar, rowVersion: 11, canManage: false);

        var page = RenderPage(id);

        Assert.Contains("Only the organisers of this event can do this.", page.Find(".mud-alert").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=event-form]"));
        Assert.Equal(StatusCodes.Status403Forbidden, _request.Response.StatusCode);
    }

    [Fact]
    public void Event_editor_saves_the_event_against_its_version_and_opens_it()
    {
        var id = _events.Store(Webinar, rowVersion: 11);
        var page = RenderPage(id);

        Save(page);

        var update = Assert.Single(_events.Updated);
        Assert.Equal((id, 11u), (update.Id, update.ExpectedVersion));
        Assert.Equal(Webinar, update.Details with { Translations = null });
        Assert.Empty(update.Details.Translations!);
        Assert.EndsWith($"/events/{id}?done=saved", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_editor_saves_the_language_chosen_and_a_translation_the_organiser_adds()
    {
        var id = _events.Store(Webinar, rowVersion: 11);
        var page = RenderPage(id);

        ClickWhenSettled(page, p => p.Find("button[data-testid=add-translation-nl]"));
        Type(page, "#field-Translations-nl--Title", "Repareerbaarheid in de praktijk");
        Type(page, "#field-Translations-nl--Description", "Hoe inkopers om reserveonderdelen vragen.");
        Save(page);

        var update = Assert.Single(_events.Updated);
        Assert.Equal(CriteriaLanguage.En, update.Details.Language);
        var translation = Assert.Single(update.Details.Translations!);
        Assert.Equal(
            new Translation<EventText>(
                CriteriaLanguage.Nl, new EventText("Repareerbaarheid in de praktijk", "Hoe inkopers om reserveonderdelen vragen.")),
            translation);
    }

    [Fact]
    public void Event_editor_fills_and_removes_a_stored_translation()
    {
        var french = new Translation<EventText>(CriteriaLanguage.Fr, new EventText("La réparabilité en pratique", "Comment demander."));
        var id = _events.Store(Webinar with { Translations = [french] }, rowVersion: 11);
        var page = RenderPage(id);

        Assert.Equal("La réparabilité en pratique", page.Find("#field-Translations-fr--Title").GetAttribute("value"));
        Assert.Empty(page.FindAll("button[data-testid=add-translation-fr]"));
        Assert.Empty(page.FindAll("button[data-testid=add-translation-en]"));

        ClickWhenSettled(page, p => p.Find("button[data-testid=remove-translation-fr]"));
        Save(page);

        Assert.Empty(Assert.Single(_events.Updated).Details.Translations!);
    }

    [Fact]
    public void Event_editor_shows_a_refused_translation_beside_its_input()
    {
        var id = _events.Store(Webinar, rowVersion: 11);
        _events.Refusal = new DomainException(
            PactEventFields.Title.In(CommonFields.Translation(CriteriaLanguage.De)), "{0} is required.", PactEventFields.Title);
        var page = RenderPage(id);

        ClickWhenSettled(page, p => p.Find("button[data-testid=add-translation-de]"));
        Save(page);

        var field = page.Find("[data-testid=translation-de]");
        Assert.Contains("Title is required.", field.TextContent, StringComparison.Ordinal);
        Assert.Contains("Title is required.", page.Find("[data-testid=error-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_editor_shows_a_refusal_of_the_service_beside_its_field()
    {
        var id = _events.Store(Webinar, rowVersion: 11);
        _events.Refusal = new DomainException(PactEventFields.Capacity, "Capacity must be between 1 and 1000.");
        var page = RenderPage(id);

        TypeWhenSettled(page, "Title", "Repairability in practice, second round");
        Save(page);

        Assert.Contains("Capacity must be between 1 and 1000.", MudField(page, "Capacity").TextContent, StringComparison.Ordinal);
        Assert.Equal("Repairability in practice, second round", MudInput(page, "Title").GetAttribute("value"));
        Assert.DoesNotContain("done=saved", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_editor_shows_the_stored_event_after_a_conflict_and_saves_over_it_next_time()
    {
        var id = _events.Store(Webinar, rowVersion: 11);
        _events.Refusal = new ConcurrencyConflictException(
            new StoredEvent(Webinar with { Title = "Repairability, moved online", Capacity = 120 }, 12));
        var page = RenderPage(id);

        Save(page);

        var conflict = page.Find("[data-testid=event-conflict]").TextContent;
        Assert.Contains(
            "Someone else changed this event after you opened it; nothing of yours was saved.",
            conflict,
            StringComparison.Ordinal);
        Assert.Contains("Repairability, moved online", conflict, StringComparison.Ordinal);
        Assert.Contains("120", conflict, StringComparison.Ordinal);
        Assert.Equal("Repairability in practice", MudInput(page, "Title").GetAttribute("value"));

        _events.Refusal = null;
        Save(page);

        Assert.Equal([11u, 12u], _events.Updated.Select(update => update.ExpectedVersion));
    }

    [Fact]
    public void Event_editor_shows_its_refusal_and_field_message_in_dutch()
    {
        _events.Scopes = [new OrganiserScope(PactEvents.PactScope, "The pact")];

        var page = RenderInDutch(() =>
        {
            var rendered = RenderPage();
            Save(rendered);
            return rendered;
        });

        Assert.Contains(
            page.FindAll(".mud-input-helper-text.mud-input-error"),
            error => error.TextContent.Contains("Kies het soort evenement.", StringComparison.Ordinal));
        Assert.Contains(
            "Kies het soort evenement.",
            page.Find("[data-testid=error-summary]").TextContent,
            StringComparison.Ordinal);
    }

    private static void Type(IRenderedComponent<EventEditPage> page, string selector, string value) =>
        page.InvokeAsync(() => page.Find(selector).Change(value)).GetAwaiter().GetResult();

    private static void Save(IRenderedComponent<EventEditPage> page) =>
        ClickWhenSettled(page, p => p.Find("button[data-testid=save-event]"));

    private static IRenderedComponent<MudSelect<string>> Select(IRenderedComponent<EventEditPage> page, string label) =>
        page.FindComponents<MudSelect<string>>().Single(select => select.Instance.Label == label);

    private IRenderedComponent<EventEditPage> RenderPage(Guid? id = null) =>
        Render<EventEditPage>(parameters => parameters.Add(p => p.Id, id).AddCascadingValue(_request));

    private sealed class StandInEvents() : PactEvents(null!, null!, null!, null!, null!, null!)
    {
        private readonly Dictionary<Guid, EventView> _stored = [];

        public IReadOnlyList<OrganiserScope> Scopes { get; set; } = [];

        public Exception? Refusal { get; set; }

        public List<(EventDetails Details, string Scope)> Created { get; } = [];

        public List<(Guid Id, uint ExpectedVersion, EventDetails Details)> Updated { get; } = [];

        public Guid Store(EventDetails details, uint rowVersion, bool canManage = true)
        {
            var id = Guid.NewGuid();
            _stored[id] =
                new EventView(
                    id,
                    details,
                    new Translation<EventText>(details.Language, new EventText(details.Title, details.Description)),
                    0,
                    0,
                    null,
                    null,
                    CanRegister: false,
                    CanManage: canManage,
                    IsOver: false,
                    rowVersion,
                    [],
                    []);
            return id;
        }

        public override Task<IReadOnlyList<OrganiserScope>> OrganiserScopesAsync(
            ClaimsPrincipal user,
            CancellationToken cancellationToken = default) =>
            Task.FromResult(Scopes);

        public override Task<EventView> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            _stored.TryGetValue(id, out var view) ? Task.FromResult(view) : Task.FromException<EventView>(new NotFoundException());

        public override Task<Guid> CreateAsync(
            EventDetails details,
            string scope,
            ClaimsPrincipal user,
            CancellationToken cancellationToken = default)
        {
            Created.Add((details, scope));
            return Refusal is null ? Task.FromResult(Guid.NewGuid()) : Task.FromException<Guid>(Refusal);
        }

        public override Task UpdateAsync(
            Guid id,
            uint expectedVersion,
            EventDetails details,
            ClaimsPrincipal user,
            CancellationToken cancellationToken = default)
        {
            Updated.Add((id, expectedVersion, details));
            return Refusal is null ? Task.CompletedTask : Task.FromException(Refusal);
        }
    }
}
