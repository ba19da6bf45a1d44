using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// The secretariat's editor of one criteria version: lifecycle buttons, the criteria with their translation status,
/// and one criterion edited in English and another language side by side.
/// </summary>
public partial class CriteriaSetEditorPage
{
    private EditableSet? _set;
    private EditableCriterion? _selected;
    private IReadOnlyList<SuggestionView> _linked = [];
    private string? _notFound;
    private string? _message;
    private Severity _messageSeverity = Severity.Warning;
    private FormField? _field;
    private string? _fieldError;
    private CriteriaLanguage? _editing;

    private CriterionTheme _theme;
    private AmbitionLevel _level;
    private CriterionType _type;
    private PactStrategy _strategy;
    private string? _references;
    private CriteriaLanguage _translation = CriteriaLanguage.Nl;
    private TextDraft _english = new();
    private TextDraft _translated = new();

    private DateTime? _publishOn = DateTime.Today;
    private readonly Dictionary<CriteriaLanguage, string?> _releaseNotes = CriteriaLanguages.All.ToDictionary(l => l, _ => (string?)null);

    private string? _newCode;
    private CriterionTheme _newTheme;
    private AmbitionLevel _newLevel;
    private CriterionType _newType = CriterionType.TechnicalSpecification;
    private PactStrategy _newStrategy = PactStrategy.UseLonger;
    private TextDraft _newTexts = new();
    private FormField? _newField;
    private string? _newError;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private CriteriaEditor Editor { get; set; } = default!;

    [Inject]
    private CriteriaSuggestions Suggestions { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            var user = (await AuthenticationState).User;
            _set = await Editor.GetAsync(Id, user);
            _linked = await Suggestions.ListAsync(user, Id);
            if (_selected is not null)
            {
                _selected = _set.Criteria.FirstOrDefault(c => c.Id == _selected.Id);
                if (_selected is not null)
                {
                    Fill(_selected);
                }
            }
        }
        catch (NotFoundException notFound)
        {
            _notFound = DomainMessageText.Of(notFound);
        }
    }

    private void Select(EditableCriterion criterion)
    {
        _selected = criterion;
        _field = null;
        _fieldError = null;
        Fill(criterion);
    }

    private void Fill(EditableCriterion criterion)
    {
        _theme = criterion.Classification.Theme;
        _level = criterion.Classification.AmbitionLevel;
        _type = criterion.Classification.Type;
        _strategy = criterion.Classification.Strategy;
        _references = criterion.Classification.References;
        _english = TextDraft.From(criterion.Texts[CriteriaLanguage.En]);
        _translated = TextDraft.From(criterion.Texts[_translation]);
    }

    private void ChangeTranslation(CriteriaLanguage language)
    {
        _translation = language;
        if (_selected is not null)
        {
            _translated = TextDraft.From(_selected.Texts[language]);
        }
    }

    private Task ClassifyAsync() =>
        RunAsync(
            null,
            user => Editor.ClassifyAsync(
                Id,
                _set!.RowVersion,
                _selected!.Id,
                new CriterionClassification(_theme, _level, _type, _strategy, _references),
                user),
            L["Classification saved."]);

    private Task WriteAsync(CriteriaLanguage language, TextDraft texts) =>
        RunAsync(
            language,
            user => Editor.WriteAsync(Id, _set!.RowVersion, _selected!.Id, language, texts.ToContent(), user),
            L["{0} text saved.", language.DisplayName()]);

    private async Task RemoveAsync()
    {
        await RunAsync(
            null,
            user => Editor.RemoveCriterionAsync(Id, _set!.RowVersion, _selected!.Id, user),
            L["{0} removed from this draft.", _selected!.Code]);
        _selected = null;
    }

    private Task SubmitAsync() => RunAsync(null, user => Editor.SubmitForReviewAsync(Id, _set!.RowVersion, user), L["Sent for review."]);

    private Task ReturnAsync() => RunAsync(null, user => Editor.ReturnToDraftAsync(Id, _set!.RowVersion, user), L["Returned to draft."]);

    private Task PublishAsync() =>
        RunAsync(null, user => Editor.PublishAsync(
            Id,
            _set!.RowVersion,
            _publishOn is { } on ? DateOnly.FromDateTime(on) : null,
            _releaseNotes.Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary(n => n.Key, n => n.Value!),
            user), L["Version {0} published.", _set!.Version]);

    private async Task AddAsync()
    {
        _newField = null;
        _newError = null;
        try
        {
            var id = await Editor.AddCriterionAsync(
                Id,
                _set!.RowVersion,
                _newCode ?? string.Empty,
                new CriterionClassification(_newTheme, _newLevel, _newType, _newStrategy, null),
                _newTexts.ToContent(),
                (await AuthenticationState).User);
            _newCode = null;
            _newTexts = new TextDraft();
            await LoadAsync();
            if (_set?.Criteria.FirstOrDefault(c => c.Id == id) is { } added)
            {
                Select(added);
            }
        }
        catch (DomainException error)
        {
            _newField = error.Field;
            _newError = DomainMessageText.Of(error);
        }
        catch (ConcurrencyConflictException conflict)
        {
            await ConflictAsync(conflict);
        }
    }

    private async Task RunAsync(CriteriaLanguage? language, Func<System.Security.Claims.ClaimsPrincipal, Task> action, string success)
    {
        _message = null;
        _field = null;
        _fieldError = null;
        _editing = language;
        try
        {
            await action((await AuthenticationState).User);
            _messageSeverity = Severity.Success;
            _message = success;
            await LoadAsync();
        }
        catch (DomainException error)
        {
            // Rules about the version as a whole go in the message above the form, the others beside their input.
            if (error.Field is not { } field
                || field == CriteriaSetFields.Status || field == CriteriaSetFields.Version || field == CriteriaSetFields.Criterion)
            {
                _messageSeverity = Severity.Warning;
                _message = DomainMessageText.Of(error);
            }
            else
            {
                _field = field;
                _fieldError = DomainMessageText.Of(error);
            }
        }
        catch (ConcurrencyConflictException conflict)
        {
            await ConflictAsync(conflict);
        }
    }

    private async Task ConflictAsync(ConcurrencyConflictException conflict)
    {
        _messageSeverity = Severity.Error;
        _message = $"{DomainMessageText.Of(conflict)} {L["The version has been reloaded."]}";
        await LoadAsync();
    }

    private string ReleaseNotesLabel(CriteriaLanguage language) => language switch
    {
        CriteriaLanguage.Nl => L["Release notes in Dutch"],
        CriteriaLanguage.Fr => L["Release notes in French"],
        CriteriaLanguage.De => L["Release notes in German"],
        _ => L["Release notes in English (required)"],
    };

    private static Color StatusColour(TranslationStatus status) => status switch
    {
        TranslationStatus.UpToDate => Color.Success,
        TranslationStatus.Outdated => Color.Warning,
        _ => Color.Default,
    };

    private string StatusText(TranslationStatus status) => status switch
    {
        TranslationStatus.UpToDate => L["up to date"],
        TranslationStatus.Outdated => L["outdated"],
        _ => L["missing"],
    };
}

/// <summary>The editable text fields of a criterion in one language.</summary>
public sealed class TextDraft
{
    public string? Title { get; set; }
    public string? Requirement { get; set; }
    public string? Verification { get; set; }
    public string? ContractManagement { get; set; }
    public string? ExplanatoryNote { get; set; }
    public string? MarketReadiness { get; set; }

    public static TextDraft From(CriterionContent? content) => new()
    {
        Title = content?.Title,
        Requirement = content?.Requirement,
        Verification = content?.Verification,
        ContractManagement = content?.ContractManagement,
        ExplanatoryNote = content?.ExplanatoryNote,
        MarketReadiness = content?.MarketReadiness,
    };

    public CriterionContent ToContent() =>
        new(Title ?? string.Empty, Requirement ?? string.Empty, Verification, ContractManagement, ExplanatoryNote, MarketReadiness);
}
