using System.Security.Claims;
using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace CircularIctPact.Web.Features.BuyerGroups;

public sealed partial class BuyerGroupAdminDetails
{
    private static readonly FormField[] Shown =
    [
        BuyerGroupFields.Name, BuyerGroupFields.CoordinatingOrganisation, BuyerGroupFields.SupportingOrganisation,
        BuyerGroupFields.Description, BuyerGroupFields.Tier, BuyerGroupFields.Title, CommonFields.File, BuyerGroupFields.Coordinator,
        BuyerGroupFields.Reason,
    ];

    private readonly PageOperation _page = new();
    private readonly Dictionary<Guid, string> _tierNames = [];
    private ClaimsPrincipal _user = new();
    private BuyerGroupDetails? _group;
    private BuyerGroupForm _form = new();
    private uint _version;
    private string? _newTier;
    private string? _documentTitle;
    private bool _documentPublic;
    private string? _coordinatorEmail;
    private string? _archiveReason;

    [Parameter]
    public Guid Id { get; set; }

    private BuyerGroupDetails? Conflict => _page.Conflict<BuyerGroupDetails>();

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private BuyerGroupAdministration BuyerGroups { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        await _page.RunAsync(ReloadAsync);
    }

    private string TierName(TierView tier) => _tierNames.GetValueOrDefault(tier.Id, tier.Name);

    private async Task ReloadAsync()
    {
        _group = await BuyerGroups.GetAsync(_user, Id);
        _form = _group.ToForm();
        _version = _group.Version;
        _tierNames.Clear();
    }

    private void TakeTheirVersion()
    {
        if (Conflict is { } theirs)
        {
            _group = theirs;
            _form = theirs.ToForm();
            _version = theirs.Version;
            _page.ClearConflict();
        }
    }

    private async Task SaveAsync() => await _page.RunAsync(async () =>
    {
        await BuyerGroups.UpdateAsync(_user, Id, _form, _version);
        _page.ClearConflict();
        await ReloadAsync();
    });

    private async Task AddTierAsync() => await _page.RunAsync(async () =>
    {
        await BuyerGroups.AddTierAsync(_user, Id, _newTier);
        _newTier = null;
        await ReloadAsync();
    });

    private async Task RenameTierAsync(Guid tierId) => await _page.RunAsync(async () =>
    {
        await BuyerGroups.RenameTierAsync(_user, Id, tierId, _tierNames.GetValueOrDefault(tierId));
        await ReloadAsync();
    });

    private async Task MoveTierAsync(Guid tierId, bool up) => await _page.RunAsync(async () =>
    {
        await BuyerGroups.MoveTierAsync(_user, Id, tierId, up);
        await ReloadAsync();
    });

    private async Task RemoveTierAsync(Guid tierId) => await _page.RunAsync(async () =>
    {
        await BuyerGroups.RemoveTierAsync(_user, Id, tierId);
        await ReloadAsync();
    });

    private async Task UploadDocumentAsync(InputFileChangeEventArgs args) => await _page.RunAsync(async () =>
    {
        if (args.File.Size > DocumentUploads.MaxSizeBytes)
        {
            _page.Errors.Add(CommonFields.File, "The file is larger than 10 MB. Upload a smaller file.");
            return;
        }

        await using var stream = args.File.OpenReadStream(DocumentUploads.MaxSizeBytes);
        await BuyerGroups.AddDocumentAsync(_user, Id, _documentTitle, _documentPublic, new DocumentUpload(args.File.Name, stream));
        _documentTitle = null;
        _documentPublic = false;
        await ReloadAsync();
    });

    private async Task AssignCoordinatorAsync() => await _page.RunAsync(async () =>
    {
        await BuyerGroups.AssignCoordinatorAsync(_user, Id, _coordinatorEmail);
        _coordinatorEmail = null;
        await ReloadAsync();
    });

    private async Task RemoveCoordinatorAsync(Guid userId) => await _page.RunAsync(async () =>
    {
        await BuyerGroups.RemoveCoordinatorAsync(_user, Id, userId);
        await ReloadAsync();
    });

    private async Task ArchiveAsync() => await _page.RunAsync(async () =>
    {
        await BuyerGroups.ArchiveAsync(_user, Id, _archiveReason, _version);
        await ReloadAsync();
    });
}
