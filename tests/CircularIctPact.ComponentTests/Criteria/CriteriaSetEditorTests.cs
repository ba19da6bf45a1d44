using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using CircularIctPact.Web.Features.WorkingGroups;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.ComponentTests.Criteria;

public sealed class CriteriaSetEditorTests : PortalComponentTest
{
    private static readonly EditableCriterion Repairability = new(
        Guid.NewGuid(),
        "LAP-REP-01",
        new CriterionClassification(
            CriterionTheme.RepairabilityAndSpareParts,
            AmbitionLevel.Core,
            CriterionType.TechnicalSpecification,
            PactStrategy.UseLonger,
            null),
        CriteriaLanguages.All.ToDictionary(language => language, language => language switch
        {
            CriteriaLanguage.En =>
                new CriterionContent("Spare parts for five years", "The supplier keeps spare parts available.", null, null, null, null),
            CriteriaLanguage.Nl => new CriterionContent(
                "Reserveonderdelen gedurende vijf jaar",
                "De leverancier houdt reserveonderdelen beschikbaar.",
                null,
                null,
                null,
                null),
            _ => (CriterionContent?)null,
        }),
        CriteriaLanguages.All.ToDictionary(
            language => language,
            language => language == CriteriaLanguage.Nl ? TranslationStatus.Outdated : TranslationStatus.Missing));

    private readonly StandInCriteriaEditor _editor = new();

    public CriteriaSetEditorTests()
    {
        AddAuthorization().SetAuthorized("admin@cfit.example").SetRoles(PortalRoles.SecretariatAdmin);
        Services.AddSingleton<CriteriaEditor>(_editor);
        Services.AddSingleton<CriteriaSuggestions>(new NoSuggestions());
        Services.AddSingleton<WorkingGroupDirectory>(new NoProposals());
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Criteria_set_editor_offers_review_and_new_criteria_for_a_draft()
    {
        _editor.Set = Set(CriteriaSetStatus.Draft);

        var page = Render<CriteriaSetEditorPage>(parameters => parameters.Add(p => p.Id, _editor.Set.Id));

        Assert.Contains("Laptops 2.0", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Contains(Buttons(page), text => text == "Send for review");
        Assert.Contains(Buttons(page), text => text == "Add criterion");
        Assert.Contains(Buttons(page), text => text == "Edit");
    }

    [Fact]
    public void Criteria_set_editor_shows_a_published_version_read_only()
    {
        _editor.Set = Set(CriteriaSetStatus.Published);
        var page = Render<CriteriaSetEditorPage>(parameters => parameters.Add(p => p.Id, _editor.Set.Id));

        ClickWhenSettled(page, p => p.FindAll("button").Single(button => button.TextContent.Trim() == "View"));

        Assert.Contains("Published version 2.0 cannot be changed; create a new draft version.", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(
            Buttons(page),
            text => text is "Send for review" or "Add criterion" or "Save English" or "Save classification");
        Assert.True(Field(English(page), "Title").QuerySelector("input")!.HasAttribute("disabled"));
    }

    [Fact]
    public void Criteria_set_editor_fills_the_chosen_criterion_in_english_and_its_translation()
    {
        _editor.Set = Set(CriteriaSetStatus.Draft);
        var page = Render<CriteriaSetEditorPage>(parameters => parameters.Add(p => p.Id, _editor.Set.Id));

        ClickWhenSettled(page, p => p.FindAll("button").Single(button => button.TextContent.Trim() == "Edit"));

        var editor = page.Find("[data-testid=criterion-editor]");
        Assert.Equal("LAP-REP-01", editor.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("Spare parts for five years", Field(English(page), "Title").QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal(
            "Reserveonderdelen gedurende vijf jaar",
            Field(Translation(page), "Title").QuerySelector("input")!.GetAttribute("value"));
        Assert.Contains("outdated", Translation(page).QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Criteria_set_editor_shows_a_refused_text_beside_the_field_of_that_language_only()
    {
        _editor.Set = Set(CriteriaSetStatus.Draft);
        _editor.Refusal = new DomainException(CriterionFields.Requirement, "Give the requirement.");
        var page = Render<CriteriaSetEditorPage>(parameters => parameters.Add(p => p.Id, _editor.Set.Id));
        ClickWhenSettled(page, p => p.FindAll("button").Single(button => button.TextContent.Trim() == "Edit"));

        ClickWhenSettled(page, p => p.FindAll("button").Single(button => button.TextContent.Trim() == "Save English"));

        Assert.Contains("Give the requirement.", Field(English(page), "Requirement").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Give the requirement.", Field(Translation(page), "Requirement").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=editor-message]"));
        var written = Assert.Single(_editor.Written);
        Assert.Equal(
            (CriteriaLanguage.En, "Spare parts for five years", _editor.Set.RowVersion),
            (written.Language, written.Content.Title, written.ExpectedVersion));
    }

    [Fact]
    public void Criteria_set_editor_shows_a_refused_code_of_a_new_criterion_beside_the_code()
    {
        _editor.Set = Set(CriteriaSetStatus.Draft);
        _editor.Refusal = new DomainException(CriteriaSetFields.Code, "Version 2.0 already has a criterion LAP-REP-01.");
        var page = Render<CriteriaSetEditorPage>(parameters => parameters.Add(p => p.Id, _editor.Set.Id));

        TypeWhenSettled(page, "Code", "LAP-REP-01");
        ClickWhenSettled(page, p => p.FindAll("button").Single(button => button.TextContent.Trim() == "Add criterion"));

        Assert.Equal("LAP-REP-01", Assert.Single(_editor.AddedCodes));
        Assert.Contains("Version 2.0 already has a criterion LAP-REP-01.", MudField(page, "Code").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=editor-message]"));
    }

    [Fact]
    public void Criteria_set_editor_reloads_the_version_after_a_conflict_and_says_so()
    {
        _editor.Set = Set(CriteriaSetStatus.Draft);
        _editor.Refusal = new ConcurrencyConflictException();
        var page = Render<CriteriaSetEditorPage>(parameters => parameters.Add(p => p.Id, _editor.Set.Id));
        var loadsBefore = _editor.Loads;

        ClickWhenSettled(page, p => p.FindAll("button").Single(button => button.TextContent.Trim() == "Send for review"));

        Assert.Equal(
            $"{ConcurrencyConflictException.DefaultMessage} The version has been reloaded.",
            page.Find("[data-testid=editor-message]").TextContent.Trim());
        Assert.Equal(loadsBefore + 1, _editor.Loads);
        Assert.Equal(_editor.Set.RowVersion, Assert.Single(_editor.Submitted));
    }

    [Fact]
    public void Criteria_set_editor_labels_its_actions_in_dutch()
    {
        _editor.Set = Set(CriteriaSetStatus.Draft);

        var page = RenderInDutch(() => Render<CriteriaSetEditorPage>(parameters => parameters.Add(p => p.Id, _editor.Set.Id)));

        Assert.Contains(Buttons(page), text => text == "Ter beoordeling sturen");
        Assert.Contains(Buttons(page), text => text == "Criterium toevoegen");
    }

    private static EditableSet Set(CriteriaSetStatus status) =>
        new(
            Guid.NewGuid(),
            "Laptops",
            "2.0",
            status,
            null,
            RowVersion: 31,
            PublishedVersion: "1.0",
            new Dictionary<CriteriaLanguage, string>(),
            [Repairability]);

    private static List<string> Buttons(IRenderedComponent<CriteriaSetEditorPage> page) =>
        [.. page.FindAll("button").Select(button => button.TextContent.Trim())];

    private static IElement English(IRenderedComponent<CriteriaSetEditorPage> page) => page.Find("section[aria-label='English source']");

    private static IElement Translation(IRenderedComponent<CriteriaSetEditorPage> page) => page.Find("section[aria-label='Translation']");

    private static IElement Field(IElement section, string label) =>
        section.QuerySelectorAll(".mud-input-control").Single(field => field.QuerySelector("label")?.TextContent.Trim() == label);

    private sealed class StandInCriteriaEditor() : CriteriaEditor(null!, null!, null!, null!)
    {
        public EditableSet Set { get; set; } = default!;

        public Exception? Refusal { get; set; }

        public int Loads { get; private set; }

        public List<(CriteriaLanguage Language, CriterionContent Content, uint ExpectedVersion)> Written { get; } = [];

        public List<string> AddedCodes { get; } = [];

        public List<uint> Submitted { get; } = [];

        public override Task<EditableSet> GetAsync(Guid setId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            Loads++;
            return setId == Set.Id
                ? Task.FromResult(Set)
                : Task.FromException<EditableSet>(new NotFoundException("This criteria version does not exist."));
        }

        public override Task<Guid> WriteAsync(
            Guid setId,
            uint expectedVersion,
            Guid criterionId,
            CriteriaLanguage language,
            CriterionContent content,
            ClaimsPrincipal user,
            CancellationToken cancellationToken = default)
        {
            Written.Add((language, content, expectedVersion));
            return Outcome(criterionId);
        }

        public override Task<Guid> AddCriterionAsync(
            Guid setId,
            uint expectedVersion,
            string code,
            CriterionClassification classification,
            CriterionContent english,
            ClaimsPrincipal user,
            CancellationToken cancellationToken = default)
        {
            AddedCodes.Add(code);
            return Outcome(Guid.NewGuid());
        }

        public override Task<Guid> SubmitForReviewAsync(
            Guid setId,
            uint expectedVersion,
            ClaimsPrincipal user,
            CancellationToken cancellationToken = default)
        {
            Submitted.Add(expectedVersion);
            return Outcome(setId);
        }

        private Task<Guid> Outcome(Guid id) => Refusal is null ? Task.FromResult(id) : Task.FromException<Guid>(Refusal);
    }

    private sealed class NoSuggestions() : CriteriaSuggestions(null!, null!, null!)
    {
        public override Task<IReadOnlyList<SuggestionView>> ListAsync(
            ClaimsPrincipal user,
            Guid? linkedDraftSetId = null,
            CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<SuggestionView>>([]);
    }

    private sealed class NoProposals() : WorkingGroupDirectory(null!, null!)
    {
        public override Task<IReadOnlyList<CriteriaProposalLink>> ProposalsForAsync(
            Guid criteriaSetId,
            ClaimsPrincipal user,
            CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<CriteriaProposalLink>>([]);
    }
}
