using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Members;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>Coordinators (their groups) and the secretariat (all groups) review and decide applications.</summary>
public sealed partial class Applications
{
    private ClaimsPrincipal _user = new();
    private IReadOnlyList<GroupOption>? _groups;
    private IReadOnlyList<ApplicationRow> _rows = [];
    private int _pendingCount;
    private ApplicationStatus? _status = ApplicationStatus.Pending;
    private Guid? _groupId;
    private string? _search;
    private ApplicationRow? _selected;
    private Guid? _tierId;
    private string? _reason;
    private string? _tierError;
    private string? _reasonError;
    private string? _error;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private MembershipApplications Service { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        try
        {
            _groups = await Service.GroupsAsync(_user);
            await LoadAsync();
        }
        catch (ForbiddenException denied)
        {
            _error = DomainMessageText.Of(denied);
        }
    }

    private IReadOnlyList<TierOption> TiersOf(ApplicationRow row) =>
        _groups?.FirstOrDefault(g => g.Id == row.BuyerGroupId)?.Tiers ?? [];

    private async Task LoadAsync()
    {
        _rows = await Service.ListAsync(_user, new ApplicationFilter(_groupId, _status, _search));
        _pendingCount = await Service.PendingCountAsync(_user);
    }

    private async Task StatusChangedAsync(ApplicationStatus? status)
    {
        _status = status;
        await LoadAsync();
    }

    private async Task GroupChangedAsync(Guid? groupId)
    {
        _groupId = groupId;
        await LoadAsync();
    }

    private async Task SearchChangedAsync(string? search)
    {
        _search = search;
        await LoadAsync();
    }

    private void Select(ApplicationRow row)
    {
        _selected = row;
        _tierId = TiersOf(row).LastOrDefault()?.Id;
        _reason = null;
        _tierError = null;
        _reasonError = null;
        _error = null;
    }

    private Task ApproveAsync() => DecideAsync(async id =>
    {
        await Service.ApproveAsync(_user, id, _tierId, Navigation.BaseUri);
        Snackbar.Add(
            L["{0} is now a member; the contact was told by mail, with an invitation to the portal.", _selected!.LegalName],
            Severity.Success);
    });

    private Task RejectAsync() => DecideAsync(async id =>
    {
        await Service.RejectAsync(_user, id, _reason);
        Snackbar.Add(
            L["The application of {0} was rejected; the contact received the reason by mail.", _selected!.LegalName],
            Severity.Info);
    });

    private async Task DecideAsync(Func<Guid, Task> decide)
    {
        if (_selected is null || _busy)
        {
            return;
        }

        _busy = true;
        _tierError = null;
        _reasonError = null;
        _error = null;
        try
        {
            await decide(_selected.Id);
            await LoadAsync();
            _selected = await Service.GetAsync(_user, _selected.Id);
        }
        catch (DomainException problem) when (problem.Field == MembershipApplications.TierField)
        {
            _tierError = DomainMessageText.Of(problem);
        }
        catch (DomainException problem) when (problem.Field == MembershipApplicationFields.Reason)
        {
            _reasonError = DomainMessageText.Of(problem);
        }
        catch (DomainException problem)
        {
            _error = DomainMessageText.Of(problem);
            await LoadAsync();
        }
        catch (ForbiddenException denied)
        {
            _error = DomainMessageText.Of(denied);
        }
        finally
        {
            _busy = false;
        }
    }
}
