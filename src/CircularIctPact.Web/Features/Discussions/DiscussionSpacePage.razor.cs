using CircularIctPact.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CircularIctPact.Web.Features.Discussions;

/// <summary>A space's threads, a page at a time, and the form to start a new one.</summary>
public sealed partial class DiscussionSpacePage
{
    private readonly PageOperation _page = new();
    private SpacePage? _space;
    private string? _title;
    private string? _body;
    private string? _tags;
    private bool _interactive;

    [Parameter]
    public string Space { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = "page")]
    private int? PageNumber { get; set; }

    [Inject]
    private DiscussionBoard Board { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        await _page.RunAsync(async () => _space = await Board.SpaceAsync(user, Space, PageNumber ?? 1));
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private string SpaceName(string name) => name == DiscussionBoard.PactWideName ? T[name] : name;

    private void AddMention(string handle) =>
        _body = string.IsNullOrWhiteSpace(_body) ? handle + " " : _body.TrimEnd() + " " + handle + " ";

    private async Task StartAsync()
    {
        var user = (await AuthenticationState).User;
        Guid? created = null;
        await _page.RunAsync(async () =>
            created = await Board.StartThreadAsync(
                user,
                Space,
                _title ?? string.Empty,
                _body ?? string.Empty,
                (_tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)));
        if (created is { } id)
        {
            Navigation.NavigateTo($"discussions/threads/{id}", forceLoad: true);
        }
    }
}
