using System.Security.Claims;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>
/// Coordinators and the secretariat open waiting cases, read them with their history, and send back, approve or withdraw them.
/// </summary>
public sealed partial class ReviewQueuePage
{
    private readonly PageOperation _page = new();
    private IReadOnlyList<GoodPracticeSummary>? _queue;
    private GoodPracticeDetails? _case;
    private string? _comment;
    private ClaimsPrincipal _user = new();
    private bool _interactive;

    [SupplyParameterFromQuery(Name = "case")]
    public Guid? CaseId { get; set; }

    [Inject]
    private GoodPracticeCases Cases { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _user = (await AuthenticationState).User;
        await _page.RunAsync(async () =>
        {
            _queue = await Cases.ReviewQueueAsync(_user);
            if (CaseId is { } id)
            {
                _case = await Cases.GetAsync(id, _user);
            }
        });
    }

    private Task OpenAsync(Guid id) => _page.RunAsync(async () =>
    {
        _comment = null;
        _case = await Cases.GetAsync(id, _user);
    });

    private Task ApproveAsync() =>
        DecideAsync(() => Cases.ApproveAsync(_user, _case!.Id, _case.RowVersion, _comment), "The case is published.");

    private Task SendBackAsync() =>
        DecideAsync(() => Cases.SendBackAsync(_user, _case!.Id, _case.RowVersion, _comment), "The case was sent back to its author.");

    private Task WithdrawAsync() =>
        DecideAsync(() => Cases.WithdrawAsync(_user, _case!.Id, _case.RowVersion, _comment), "The case was withdrawn.");

    private Task DecideAsync(Func<Task> decision, string done) => _page.RunAsync(async () =>
    {
        await decision();
        Snackbar.Add(T[done], Severity.Success);
        _case = null;
        _comment = null;
        _queue = await Cases.ReviewQueueAsync(_user);
    });
}
