using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CircularIctPact.Web.Features.BuyerGroups;

public sealed partial class ManageBuyerGroups
{
    private readonly FieldErrors _errors = new();
    private ClaimsPrincipal _user = new();
    private IReadOnlyList<BuyerGroupRow>? _rows;
    private IReadOnlyList<SignatoryOption> _signatories = [];
    private BuyerGroupForm _form = new();
    private bool _includeArchived;
    private bool _creating;
    private bool _busy;
    private string? _message;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private BuyerGroupAdministration BuyerGroups { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        await RunAsync(LoadAsync);
    }

    private async Task LoadAsync() => _rows = await BuyerGroups.ListAsync(_user, _includeArchived);

    private async Task ShowArchivedAsync(bool value)
    {
        _includeArchived = value;
        await RunAsync(LoadAsync);
    }

    private async Task StartNewAsync() => await RunAsync(async () =>
    {
        _signatories = await BuyerGroups.SignatoryOptionsAsync(_user);
        _form = new BuyerGroupForm();
        _creating = true;
    });

    private async Task CreateAsync() => await RunAsync(async () =>
    {
        var id = await BuyerGroups.CreateAsync(_user, _form);
        Navigation.NavigateTo($"admin/buyer-groups/{id}");
    });

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _message = null;
        _errors.Clear();
        try
        {
            await action();
        }
        catch (DomainException exception)
        {
            _errors.Add(exception);
        }
        catch (Exception exception) when (exception is ForbiddenException or NotFoundException)
        {
            _message = exception.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
