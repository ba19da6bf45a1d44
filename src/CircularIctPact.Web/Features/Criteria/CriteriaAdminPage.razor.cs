using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>The secretariat's overview of criteria sets: versions per product group, new drafts and new product groups.</summary>
public partial class CriteriaAdminPage
{
    private IReadOnlyList<ProductGroupVersions> _groups = [];
    private readonly Dictionary<string, string?> _newVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _versionErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<CriteriaLanguage, string?> _names = CriteriaLanguages.All.ToDictionary(l => l, _ => (string?)null);
    private string? _slug;
    private FormField? _groupField;
    private string? _groupError;
    private string? _message;
    private IReadOnlyList<SuggestionView> _suggestions = [];
    private readonly Dictionary<Guid, string?> _notes = [];
    private readonly Dictionary<Guid, string> _noteErrors = [];

    [Inject]
    private CriteriaSuggestions Suggestions { get; set; } = default!;

    [Inject]
    private CriteriaEditor Editor { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var user = (await AuthenticationState).User;
        var groups = await Editor.OverviewAsync(user);
        _suggestions = await Suggestions.ListAsync(user);
        _groups = groups;
    }

    private async Task StartDraftAsync(string slug)
    {
        _versionErrors.Remove(slug);
        try
        {
            var id = await Editor.CreateDraftAsync(slug, _newVersions.GetValueOrDefault(slug), (await AuthenticationState).User);
            Navigation.NavigateTo($"/admin/criteria/sets/{id}");
        }
        catch (DomainException error)
        {
            _versionErrors[slug] = DomainMessageText.Of(error);
        }
    }

    private Task AcceptAsync(SuggestionView suggestion) =>
        TriageAsync(
            suggestion,
            user => Suggestions.AcceptAsync(suggestion.Id, suggestion.RowVersion, _notes.GetValueOrDefault(suggestion.Id), user));

    private Task RejectAsync(SuggestionView suggestion) =>
        TriageAsync(suggestion, user =>
            Suggestions.RejectAsync(suggestion.Id, suggestion.RowVersion, _notes.GetValueOrDefault(suggestion.Id) ?? string.Empty, user));

    private async Task TriageAsync(SuggestionView suggestion, Func<System.Security.Claims.ClaimsPrincipal, Task> triage)
    {
        _noteErrors.Remove(suggestion.Id);
        _message = null;
        try
        {
            await triage((await AuthenticationState).User);
            await LoadAsync();
        }
        catch (DomainException error)
        {
            _noteErrors[suggestion.Id] = DomainMessageText.Of(error);
        }
        catch (ConcurrencyConflictException conflict)
        {
            _message = DomainMessageText.Of(conflict);
            await LoadAsync();
        }
    }

    private string StatusLabel(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Accepted => L["Accepted"],
        SuggestionStatus.Rejected => L["Rejected"],
        _ => L["Not yet decided"],
    };

    private string NameLabel(CriteriaLanguage language) => language switch
    {
        CriteriaLanguage.Nl => L["Name in Dutch"],
        CriteriaLanguage.Fr => L["Name in French"],
        CriteriaLanguage.De => L["Name in German"],
        _ => L["Name in English (required)"],
    };

    private async Task AddGroupAsync()
    {
        _groupField = null;
        _groupError = null;
        try
        {
            await Editor.AddProductGroupAsync(_slug ?? string.Empty, _names, (await AuthenticationState).User);
            _slug = null;
            foreach (var language in CriteriaLanguages.All)
            {
                _names[language] = null;
            }

            await LoadAsync();
        }
        catch (DomainException error)
        {
            _groupField = error.Field;
            _groupError = DomainMessageText.Of(error);
            if (error.Field != ProductGroupFields.Slug && error.Field != ProductGroupFields.Name)
            {
                _message = DomainMessageText.Of(error);
            }
        }
    }
}
