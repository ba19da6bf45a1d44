using CircularIctPact.Domain.Tenders;
using CircularIctPact.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>The collective tender calendar with filters, and marking or withdrawing interest.</summary>
public sealed partial class TenderCalendarPage
{
    private readonly PageOperation _operation = new();
    private InterestDraft? _draft;
    private MudSelect<TenderInterestKind>? _interestKind;
    private readonly Dictionary<Guid, MudButton> _openButtons = [];
    private (Guid TenderId, bool IntoForm)? _focus;
    private CalendarPage _page = new([], 0, 1, 1, CanMarkInterest: false);
    private IReadOnlyList<BuyerGroupOption> _groups = [];
    private IReadOnlyList<ProductGroupOption> _productGroups = [];
    private CalendarQuery _query = new();
    private bool _interactive;

    [Inject]
    private TenderCalendar Calendar { get; set; } = default!;

    [Inject]
    private TenderDirectory Directory { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _productGroups = await Directory.ProductGroupsAsync();
        await _operation.RunAsync(async () =>
        {
            _groups = await Calendar.BuyerGroupsAsync((await AuthenticationState).User);
            await LoadAsync();
        });
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }

        await MoveFocusAsync();
    }

    /// <summary>
    /// Opening and closing the form replaces the control that had keyboard focus: focus moves into the form it opened,
    /// or back to the entry's button when it closes, instead of falling back to the top of the page.
    /// </summary>
    /// <remarks>
    /// The browser acknowledges a render after the page may have changed again (a save in progress renders its buttons
    /// disabled first), so the request waits until no use case runs and the control it aims at is on the page.
    /// </remarks>
    private async Task MoveFocusAsync()
    {
        if (_focus is not { } focus || _operation.Busy)
        {
            return;
        }

        if (focus.IntoForm && _draft?.TenderId == focus.TenderId && _interestKind is { } interestKind)
        {
            _focus = null;
            await interestKind.FocusAsync();
        }
        else if (!focus.IntoForm && _draft is null && _openButtons.TryGetValue(focus.TenderId, out var button))
        {
            _focus = null;
            await button.FocusAsync();
        }
    }

    private void OpenInterestForm(CalendarEntry entry)
    {
        // The entry's button and any earlier form leave the page: their references must not take the focus.
        _openButtons.Remove(entry.TenderId);
        _interestKind = null;
        _draft = new InterestDraft { TenderId = entry.TenderId, Kind = entry.MyInterest ?? TenderInterestKind.Join, Note = entry.MyNote };
        _focus = (entry.TenderId, true);
    }

    private void CloseInterestForm(Guid tenderId)
    {
        _draft = null;
        _focus = (tenderId, false);
    }

    private async Task LoadAsync()
    {
        _page = await Calendar.ListAsync((await AuthenticationState).User, _query);
        _query = _query with { Page = _page.Page };

        // Tenders no longer shown take their buttons with them: neither their references nor a focus request on them stay.
        var shown = _page.Entries.Select(entry => entry.TenderId).ToHashSet();
        foreach (var tenderId in _openButtons.Keys.Where(id => !shown.Contains(id)).ToList())
        {
            _openButtons.Remove(tenderId);
        }

        if (_focus is { } focus && !shown.Contains(focus.TenderId))
        {
            _focus = null;
        }
    }

    private async Task FilterAsync(CalendarQuery query)
    {
        _draft = null;
        _focus = null;
        _query = query with { Page = 1 };
        await _operation.RunAsync(LoadAsync);
    }

    private async Task TurnPageAsync(int page)
    {
        _draft = null;
        _focus = null;
        _query = _query with { Page = page };
        await _operation.RunAsync(LoadAsync);
    }

    private async Task MarkAsync(InterestDraft draft) =>
        await _operation.RunAsync(async () =>
        {
            await Calendar.ExpressInterestAsync((await AuthenticationState).User, draft.TenderId, draft.Kind, draft.Note);
            CloseInterestForm(draft.TenderId);
            Snackbar.Add(T["Your interest was passed on to the owner."], Severity.Success);
            await LoadAsync();
        });

    private async Task WithdrawAsync(Guid tenderId) =>
        await _operation.RunAsync(async () =>
        {
            await Calendar.WithdrawInterestAsync((await AuthenticationState).User, tenderId);
            _focus = (tenderId, false);
            Snackbar.Add(T["Your interest was withdrawn."], Severity.Success);
            await LoadAsync();
        });

    private sealed class InterestDraft
    {
        public required Guid TenderId { get; init; }

        public TenderInterestKind Kind { get; set; }

        public string? Note { get; set; }
    }
}
