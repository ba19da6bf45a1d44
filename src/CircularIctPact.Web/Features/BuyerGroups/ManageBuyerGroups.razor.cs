using System.Security.Claims;
using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CircularIctPact.Web.Features.BuyerGroups;

public sealed partial class ManageBuyerGroups
{
    private static readonly FormField[] Shown =
    [
        BuyerGroupAdministration.SignatoryField, BuyerGroupFields.Name, BuyerGroupFields.CoordinatingOrganisation,
        BuyerGroupFields.SupportingOrganisation, BuyerGroupFields.Description,
    ];

    private readonly PageOperation _page = new();
    private ClaimsPrincipal _user = new();
    private IReadOnlyList<BuyerGroupRow>? _rows;
    private IReadOnlyList<SignatoryOption> _signatories = [];
    private BuyerGroupForm _form = new();
    private bool _includeArchived;
    private bool _creating;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private BuyerGroupAdministration BuyerGroups { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The buyer groups as prerendering read them, so the circuit does not read them again.</summary>
    [PersistentState]
    public IReadOnlyList<BuyerGroupRow>? PrerenderedRows { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        if (PrerenderedRows is { } rows)
        {
            _rows = rows;
            return;
        }

        await _page.RunAsync(LoadAsync);
        PrerenderedRows = _rows;
    }

    private async Task LoadAsync() => _rows = await BuyerGroups.ListAsync(_user, _includeArchived);

    private async Task ShowArchivedAsync(bool value)
    {
        _includeArchived = value;
        await _page.RunAsync(LoadAsync);
    }

    private async Task StartNewAsync() => await _page.RunAsync(async () =>
    {
        _signatories = await BuyerGroups.SignatoryOptionsAsync(_user);
        _form = new BuyerGroupForm();
        _creating = true;
    });

    private async Task CreateAsync() => await _page.RunAsync(async () =>
    {
        var id = await BuyerGroups.CreateAsync(_user, _form);
        Navigation.NavigateTo($"admin/buyer-groups/{id}");
    });
}
