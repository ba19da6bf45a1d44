using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Users;

public sealed partial class ManageUsers
{
    private ClaimsPrincipal _user = new();
    private MudTable<UserRow>? _table;
    private string? _search;
    private string _role = string.Empty;
    private UserDetails? _selected;
    private UserScopeOptions _options = new([], []);
    private Guid? _groupToAdd;
    private Guid? _workingGroupToAdd;
    private ScopeItem? _organisationToSet;
    private bool _busy;
    private string? _message;
    private string? _error;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private UserAdministration Users { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _user = (await AuthenticationState).User;

    private bool IsLocked(DateTimeOffset? lockedUntil) => lockedUntil is { } until && until > Clock.GetUtcNow();

    private string PagerInfoFormat => L["{0}–{1} of {2}", "{first_item}", "{last_item}", "{all_items}"];

    private string RoleText(string role) => L[EnumText.Role(role)];

    private string RolesText(IEnumerable<string> roles) => string.Join(", ", roles.Select(RoleText).Order(StringComparer.CurrentCulture));

    private string RoleFilterText(string? role) => string.IsNullOrEmpty(role) ? L["All roles"] : RoleText(role);

    /// <summary>An e-mail address in two parts, so a narrow column breaks it before the "@" rather than inside a word.</summary>
    private static (string Mailbox, string Domain) SplitEmail(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at > 0 ? (email![..at], email[at..]) : (email ?? string.Empty, string.Empty);
    }

    private List<string> ScopesText(UserRow row)
    {
        List<string> scopes = [];
        if (row.CoordinatedGroups.Count > 0)
        {
            scopes.Add(L["Coordinates {0}", string.Join(", ", row.CoordinatedGroups)]);
        }

        if (row.ChairedWorkingGroups.Count > 0)
        {
            scopes.Add(L["Chairs {0}", string.Join(", ", row.ChairedWorkingGroups)]);
        }

        if (row.Organisation is not null)
        {
            scopes.Add(L["Works at {0}", row.Organisation]);
        }

        return scopes.Count == 0 ? ["—"] : scopes;
    }

    private async Task<TableData<UserRow>> LoadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Users.SearchAsync(
                _user,
                new UserQuery(_search, string.IsNullOrEmpty(_role) ? null : _role, state.Page, state.PageSize),
                cancellationToken);
            return new TableData<UserRow> { TotalItems = page.Total, Items = page.Rows };
        }
        catch (ForbiddenException exception)
        {
            _message = DomainMessageText.Of(exception);
            return new TableData<UserRow> { TotalItems = 0, Items = [] };
        }
    }

    private async Task SearchAsync(string? text)
    {
        _search = text;
        await ReloadTableAsync();
    }

    private async Task FilterRoleAsync(string role)
    {
        _role = role;
        await ReloadTableAsync();
    }

    private async Task ReloadTableAsync()
    {
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task<IEnumerable<ScopeItem>> FindOrganisationsAsync(string? text, CancellationToken cancellationToken) =>
        await Users.FindOrganisationsAsync(_user, text, cancellationToken);

    private async Task OpenAsync(Guid id) => await RunAsync(async () =>
    {
        _options = await Users.ScopeOptionsAsync(_user);
        _selected = await Users.GetAsync(_user, id);
        _organisationToSet = null;
    }, reloadTable: false);

    private Task ToggleRoleAsync(string role, bool has) =>
        Change(id => has ? Users.RemoveRoleAsync(_user, id, role) : Users.AddRoleAsync(_user, id, role));

    private Task AddGroupAsync() =>
        _groupToAdd is { } group ? Change(id => Users.AssignCoordinatedGroupAsync(_user, id, group)) : Task.CompletedTask;

    private Task RemoveGroupAsync(Guid group) => Change(id => Users.RemoveCoordinatedGroupAsync(_user, id, group));

    private Task AddChairAsync() =>
        _workingGroupToAdd is { } group ? Change(id => Users.AddChairAsync(_user, id, group)) : Task.CompletedTask;

    private Task RemoveChairAsync(Guid group) => Change(id => Users.RemoveChairAsync(_user, id, group));

    private Task SetOrganisationAsync(Guid? organisation) => Change(id => Users.SetOrganisationAsync(_user, id, organisation));

    private Task LockAsync() => Change(id => Users.LockAsync(_user, id));

    private Task UnlockAsync() => Change(id => Users.UnlockAsync(_user, id));

    private async Task Change(Func<Guid, Task> change)
    {
        if (_selected is not { } selected)
        {
            return;
        }

        await RunAsync(async () =>
        {
            await change(selected.Id);
            _selected = await Users.GetAsync(_user, selected.Id);
            _groupToAdd = null;
            _workingGroupToAdd = null;
            _organisationToSet = null;
        }, reloadTable: true);
    }

    private async Task RunAsync(Func<Task> action, bool reloadTable)
    {
        _busy = true;
        _error = null;
        _message = null;
        try
        {
            await action();
            if (reloadTable)
            {
                await ReloadTableAsync();
            }
        }
        catch (DomainException exception)
        {
            _error = DomainMessageText.Of(exception);
        }
        catch (Exception exception) when (exception is ForbiddenException or NotFoundException)
        {
            _message = DomainMessageText.Of(exception);
        }
        finally
        {
            _busy = false;
        }
    }
}
