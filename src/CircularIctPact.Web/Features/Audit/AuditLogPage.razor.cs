using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Members;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Audit;

/// <summary>The audit log viewer; <see cref="AuditLog"/> decides which entries the person may see.</summary>
public sealed partial class AuditLogPage
{
    private MudDataGrid<AuditRow>? _grid;
    private IReadOnlyList<string> _types = [];
    private IReadOnlyList<string> _actions = [];
    private string? _entityType;
    private string? _action;
    private string? _actor;
    private string? _text;
    private DateTime? _from;
    private DateTime? _to;
    private string? _error;
    private bool _secretariat;

    [Inject]
    private AuditLog Log { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _secretariat = user.IsSecretariat();
        try
        {
            (_types, _actions) = await Log.FilterValuesAsync(user);
        }
        catch (ForbiddenException error)
        {
            _error = DomainMessageText.Of(error);
        }
    }

    private AuditQuery Query() => new()
    {
        EntityType = _entityType,
        Action = _action,
        Actor = _actor,
        Text = _text,
        From = _from is { } from ? DateOnly.FromDateTime(from) : null,
        To = _to is { } to ? DateOnly.FromDateTime(to) : null,
    };

    private async Task<GridData<AuditRow>> LoadAsync(GridState<AuditRow> state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Log.ListAsync(
                (await AuthenticationState).User,
                Query() with { Page = state.Page, PageSize = state.PageSize },
                cancellationToken);
            return new GridData<AuditRow> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (ForbiddenException error)
        {
            _error = DomainMessageText.Of(error);
            return new GridData<AuditRow> { Items = [], TotalItems = 0 };
        }
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task OnTextChanged(string? _) => ReloadAsync();

    private Task OnEntityTypeChanged(string? type)
    {
        _entityType = type;
        return ReloadAsync();
    }

    private Task OnActionChanged(string? action)
    {
        _action = action;
        return ReloadAsync();
    }

    private Task OnFromChanged(DateTime? from)
    {
        _from = from;
        return ReloadAsync();
    }

    private Task OnToChanged(DateTime? to)
    {
        _to = to;
        return ReloadAsync();
    }
}
