using System.Security.Claims;
using Bunit;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.ComponentTests.Tenders;

public sealed class TenderEditorTests : PortalComponentTest
{
    private static readonly Guid OwnOrganisation = Guid.NewGuid();
    private static readonly ProductGroupOption Laptops = new(Guid.NewGuid(), "laptops", "Laptops");

    private readonly StandInTenderDirectory _directory = new();
    private readonly StandInTenderEditor _editor = new();
    private readonly StandInTenderAccess _access = new();

    public TenderEditorTests()
    {
        AddAuthorization().SetAuthorized("procurer@cfit.example").SetRoles(PortalRoles.Procurer);
        Services.AddSingleton<TenderDirectory>(_directory);
        Services.AddSingleton<TenderEditor>(_editor);
        Services.AddSingleton<TenderAccess>(_access);
        Services.AddSingleton<CriteriaCatalogue>(new StandInCatalogue());
        Services.AddSingleton<SavedShortlists>(new StandInShortlists());
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Tender_editor_fills_the_form_from_the_loaded_tender()
    {
        var tender = Tender("Laptops for schools", canEdit: true) with
        {
            EstimatedQuantity = 1200,
            Lots = [new TenderLotDetails("Teachers", 200), new TenderLotDetails("Pupils", 1000)],
        };
        _directory.Stored = tender;

        var page = Render<TenderEdit>(parameters => parameters.Add(p => p.Id, tender.Id));

        Assert.Equal("Laptops for schools", page.Find("h1").TextContent.Trim());
        Assert.Contains("Gemeente Utrecht · Dutch buyer group", page.Find(".page-lead").TextContent, StringComparison.Ordinal);
        Assert.Equal("Laptops for schools", MudInput(page, "Title").GetAttribute("value"));
        Assert.Equal("1200", MudInput(page, "Estimated quantity (devices)").GetAttribute("value"));
        var lots = page.FindAll("[data-testid=lot] input").Select(input => input.GetAttribute("value")).ToList();
        Assert.Contains("Teachers", lots);
        Assert.Contains("Pupils", lots);
        Assert.Single(page.FindAll("button[data-testid=save-tender]"));
    }

    [Fact]
    public void Tender_editor_shows_a_tender_the_user_may_not_change_without_save_or_lot_buttons()
    {
        var tender = Tender("Smartphones for the province", canEdit: false) with { Lots = [new TenderLotDetails("Phones", 50)] };
        _directory.Stored = tender;

        var page = Render<TenderEdit>(parameters => parameters.Add(p => p.Id, tender.Id));

        Assert.Empty(page.FindAll("button[data-testid=save-tender]"));
        Assert.DoesNotContain(page.FindAll("button"), button => button.TextContent.Contains("Add lot", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("button[aria-label^='Remove lot']"));
        Assert.True(MudInput(page, "Title").HasAttribute("readonly"));
    }

    [Fact]
    public void Tender_editor_shows_why_a_tender_cannot_be_opened()
    {
        _directory.Refusal = new ForbiddenException("You may only see the tenders of your own buyer group.");

        var page = Render<TenderEdit>(parameters => parameters.Add(p => p.Id, Guid.NewGuid()));

        Assert.Contains(
            "You may only see the tenders of your own buyer group.",
            page.Find(".mud-alert").TextContent,
            StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=tender-form]"));
    }

    [Fact]
    public void Tender_editor_sends_the_new_tender_to_the_service_and_opens_it()
    {
        var page = Render<TenderEdit>();

        TypeWhenSettled(page, "Title", "Refurbished laptops 2027");
        TypeWhenSettled(page, "Estimated quantity (devices)", "300");
        ClickWhenSettled(page, p => p.Find("button[data-testid=save-tender]"));

        var sent = Assert.Single(_editor.Created);
        Assert.Equal("Refurbished laptops 2027", sent.Details.Title);
        Assert.Equal(300, sent.Details.EstimatedQuantity);
        Assert.Equal("EUR", sent.Details.Currency);
        Assert.Equal(TenderStatus.Planned, sent.Status);
        Assert.Null(sent.Award);
        Assert.EndsWith($"tenders/{_editor.CreatedId}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Tender_editor_shows_a_refused_field_beside_that_field_and_keeps_what_was_typed()
    {
        _editor.Refusal = new DomainException(TenderFields.EstimatedQuantity, "The estimated quantity must be at least 1.");
        var page = Render<TenderEdit>();

        var address = Services.GetRequiredService<NavigationManager>().Uri;

        TypeWhenSettled(page, "Title", "Monitors");
        TypeWhenSettled(page, "Estimated quantity (devices)", "0");
        ClickWhenSettled(page, p => p.Find("button[data-testid=save-tender]"));

        Assert.Contains(
            "The estimated quantity must be at least 1.",
            MudField(page, "Estimated quantity (devices)").TextContent,
            StringComparison.Ordinal);
        Assert.DoesNotContain("The estimated quantity must be at least 1.", MudField(page, "Title").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=form-error]"));
        Assert.Equal("Monitors", MudInput(page, "Title").GetAttribute("value"));
        Assert.Equal(address, Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Tender_editor_lists_every_refused_field_in_a_summary_that_links_to_each_input()
    {
        _editor.Refusal = new DomainException(
        [
            new RuleViolation(TenderFields.Title, "{0} is required.", TenderFields.Title),
            new RuleViolation(TenderFields.PlannedPublicationOn, "Planned publication date is required."),
        ]);
        var page = Render<TenderEdit>();

        ClickWhenSettled(page, p => p.Find("button[data-testid=save-tender]"));

        var links = page.FindAll("[data-testid=error-summary] a[data-testid=error-summary-link]");
        Assert.Equal(["Title is required.", "Planned publication date is required."], links.Select(link => link.TextContent.Trim()));
        foreach (var link in links)
        {
            var target = link.GetAttribute("href")!.TrimStart('#');
            Assert.Single(page.FindAll($"[id='{target}']"));
        }

        Assert.Contains("Title is required.", MudField(page, "Title").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Tender_editor_shows_refused_fields_in_dutch_beside_them_and_in_the_summary()
    {
        _editor.Refusal = new DomainException(
        [
            new RuleViolation(TenderFields.Title, "{0} is required.", TenderFields.Title),
            new RuleViolation(TenderFields.PlannedPublicationOn, "Planned publication date is required."),
        ]);

        var page = RenderInDutch(() =>
        {
            var rendered = Render<TenderEdit>();
            rendered.Find("button[data-testid=save-tender]").Click();
            return rendered;
        });

        var summary = page.Find("[data-testid=error-summary]").TextContent;
        Assert.Contains("Het formulier is niet opgeslagen.", summary, StringComparison.Ordinal);
        Assert.Contains("Titel is verplicht.", summary, StringComparison.Ordinal);
        Assert.Contains("De geplande publicatiedatum is verplicht.", summary, StringComparison.Ordinal);
        Assert.Contains(
            "De geplande publicatiedatum is verplicht.",
            page.FindAll(".mud-input-helper-text.mud-input-error").Select(error => error.TextContent),
            StringComparer.Ordinal);
    }

    [Fact]
    public void Tender_editor_shows_a_refusal_for_a_field_it_has_not_above_the_form()
    {
        _editor.Refusal = new DomainException("This organisation is suspended and reports no tenders.");
        var page = Render<TenderEdit>();

        ClickWhenSettled(page, p => p.Find("button[data-testid=save-tender]"));

        Assert.Equal("This organisation is suspended and reports no tenders.", page.Find("[data-testid=form-error]").TextContent.Trim());
    }

    [Fact]
    public void Tender_editor_shows_the_other_version_after_a_conflict_and_loads_it_on_request()
    {
        var mine = Tender("Laptops for schools", canEdit: true);
        _directory.Stored = mine;
        _editor.Refusal = new ConcurrencyConflictException(
            mine with { Title = "Laptops for all schools", EstimatedQuantity = 900, Version = mine.Version + 1 });
        var page = Render<TenderEdit>(parameters => parameters.Add(p => p.Id, mine.Id));

        TypeWhenSettled(page, "Title", "Laptops for primary schools");
        ClickWhenSettled(page, p => p.Find("button[data-testid=save-tender]"));

        var conflict = page.Find("[data-testid=conflict]");
        Assert.Contains(
            "Someone else saved this tender after you opened it; nothing of yours was saved.",
            conflict.TextContent,
            StringComparison.Ordinal);
        Assert.Contains("Laptops for all schools", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal(mine.Version, Assert.Single(_editor.Updated).LoadedVersion);
        Assert.Equal("Laptops for primary schools", MudInput(page, "Title").GetAttribute("value"));

        conflict.QuerySelector("button")!.Click();

        Assert.Empty(page.FindAll("[data-testid=conflict]"));
        Assert.Equal("Laptops for all schools", MudInput(page, "Title").GetAttribute("value"));
    }

    [Fact]
    public void Tender_editor_saves_changes_against_the_version_it_loaded()
    {
        var tender = Tender("Laptops for schools", canEdit: true);
        _directory.Stored = tender;
        var page = Render<TenderEdit>(parameters => parameters.Add(p => p.Id, tender.Id));

        TypeWhenSettled(page, "Title", "Laptops for secondary schools");
        ClickWhenSettled(page, p => p.Find("button[data-testid=save-tender]"));

        var update = Assert.Single(_editor.Updated);
        Assert.Equal(
            (tender.Id, tender.Version, "Laptops for secondary schools"),
            (update.TenderId, update.LoadedVersion, update.Form.Details.Title));
        Assert.Equal(Laptops.Id, update.Form.Details.ProductGroupId);
    }

    [Fact]
    public void Tender_editor_tells_a_user_without_an_organisation_in_dutch_that_only_procurers_report_tenders()
    {
        _access.Scope = new TenderScope(All: false, OwnOrganisationId: null, GroupIds: []);

        var page = RenderInDutch(() => Render<TenderEdit>());

        Assert.Contains(
            "Alleen inkopers van een lidorganisatie melden aanbestedingen.",
            page.Find(".mud-alert").TextContent,
            StringComparison.Ordinal);
        Assert.Empty(page.FindAll("button[data-testid=save-tender]"));
    }

    [Fact]
    public void Tender_editor_shows_the_conflict_in_dutch()
    {
        var mine = Tender("Laptops voor scholen", canEdit: true);
        _directory.Stored = mine;
        _editor.Refusal = new ConcurrencyConflictException(mine with { Version = mine.Version + 1 });

        var page = RenderInDutch(() =>
        {
            var rendered = Render<TenderEdit>(parameters => parameters.Add(p => p.Id, mine.Id));
            rendered.Find("button[data-testid=save-tender]").Click();
            return rendered;
        });

        var conflict = page.Find("[data-testid=conflict]").TextContent;
        Assert.Contains("Iemand anders heeft deze aanbesteding opgeslagen nadat u haar opende", conflict, StringComparison.Ordinal);
        Assert.Contains("Hun versie laden en opnieuw bewerken", conflict, StringComparison.Ordinal);
    }

    private static TenderDetailsView Tender(string title, bool canEdit) => new(
        Guid.NewGuid(), OwnOrganisation, "Gemeente Utrecht", Guid.NewGuid(), "Dutch buyer group", Laptops.Id, Laptops.Name, title,
        TenderStatus.Planned, new DateOnly(2027, 3, 1), null, null, null, 500, 250_000m, "EUR", SharedInCalendar: false,
        CriteriaSetId: null, CriteriaVersion: null, CriterionIds: [], Lots: [], Award: null, Version: 7, CanEdit: canEdit, Interests: []);

    private sealed class StandInTenderDirectory() : TenderDirectory(null!, null!)
    {
        public TenderDetailsView? Stored { get; set; }

        public Exception? Refusal { get; set; }

        public override Task<IReadOnlyList<ProductGroupOption>> ProductGroupsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ProductGroupOption>>([Laptops]);

        public override Task<TenderDetailsView> GetAsync(
            ClaimsPrincipal user,
            Guid tenderId,
            CancellationToken cancellationToken = default) =>
            Refusal is not null ? Task.FromException<TenderDetailsView>(Refusal)
            : Stored is { } stored && stored.Id == tenderId ? Task.FromResult(stored)
            : Task.FromException<TenderDetailsView>(new NotFoundException("This tender does not exist."));
    }

    private sealed class StandInTenderEditor() : TenderEditor(null!, null!, null!, null!, null!)
    {
        public Guid CreatedId { get; } = Guid.NewGuid();

        public Exception? Refusal { get; set; }

        public List<TenderForm> Created { get; } = [];

        public List<(Guid TenderId, uint LoadedVersion, TenderForm Form)> Updated { get; } = [];

        public override Task<Guid> CreateAsync(ClaimsPrincipal user, TenderForm form, CancellationToken cancellationToken = default)
        {
            Created.Add(form);
            return Refusal is null ? Task.FromResult(CreatedId) : Task.FromException<Guid>(Refusal);
        }

        public override Task<uint> UpdateAsync(
            ClaimsPrincipal user,
            Guid tenderId,
            uint loadedVersion,
            TenderForm form,
            CancellationToken cancellationToken = default)
        {
            Updated.Add((tenderId, loadedVersion, form));
            return Refusal is null ? Task.FromResult(loadedVersion + 1) : Task.FromException<uint>(Refusal);
        }
    }

    private sealed class StandInTenderAccess() : TenderAccess(null!, null!)
    {
        public TenderScope Scope { get; set; } = new(All: false, OwnOrganisationId: OwnOrganisation, GroupIds: []);

        public override Task<TenderScope> ScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            Task.FromResult(Scope);
    }

    /// <summary>No product group has a published criteria set, so the page offers no criteria to pick.</summary>
    private sealed class StandInCatalogue() : CriteriaCatalogue(null!)
    {
        public override Task<CatalogueView> GetAsync(
            CatalogueQuery query,
            ClaimsPrincipal user,
            CancellationToken cancellationToken = default) =>
            Task.FromException<CatalogueView>(new NotFoundException("No published criteria set."));
    }

    private sealed class StandInShortlists() : SavedShortlists(null!, null!, null!)
    {
        public override Task<IReadOnlyList<SavedShortlistSummary>> ListAsync(
            ClaimsPrincipal user,
            CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<SavedShortlistSummary>>([]);
    }
}
