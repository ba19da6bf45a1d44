using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace CircularIctPact.Web.Features.BuyerGroups;

public sealed partial class BuyerGroupAdminDetails
{
    private static readonly string[] Shown = ["Name", "Coordinating organisation", "Supporting organisation", "Description", "Tier", "Title", "File", "Coordinator", "Reason"];

    private readonly FieldErrors _errors = new();
    private readonly Dictionary<Guid, string> _tierNames = [];
    private ClaimsPrincipal _user = new();
    private BuyerGroupDetails? _group;
    private BuyerGroupDetails? _conflict;
    private BuyerGroupForm _form = new();
    private uint _version;
    private bool _busy;
    private string? _message;
    private string? _newTier;
    private string? _documentTitle;
    private bool _documentPublic;
    private string? _coordinatorEmail;
    private string? _archiveReason;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private BuyerGroupAdministration BuyerGroups { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        await RunAsync(ReloadAsync);
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
        if (_conflict is not null)
        {
            _group = _conflict;
            _form = _conflict.ToForm();
            _version = _conflict.Version;
            _conflict = null;
        }
    }

    private async Task SaveAsync() => await RunAsync(async () =>
    {
        await BuyerGroups.UpdateAsync(_user, Id, _form, _version);
        _conflict = null;
        await ReloadAsync();
    });

    private async Task AddTierAsync() => await RunAsync(async () =>
    {
        await BuyerGroups.AddTierAsync(_user, Id, _newTier);
        _newTier = null;
        await ReloadAsync();
    });

    private async Task RenameTierAsync(Guid tierId) => await RunAsync(async () =>
    {
        await BuyerGroups.RenameTierAsync(_user, Id, tierId, _tierNames.GetValueOrDefault(tierId));
        await ReloadAsync();
    });

    private async Task MoveTierAsync(Guid tierId, bool up) => await RunAsync(async () =>
    {
        await BuyerGroups.MoveTierAsync(_user, Id, tierId, up);
        await ReloadAsync();
    });

    private async Task RemoveTierAsync(Guid tierId) => await RunAsync(async () =>
    {
        await BuyerGroups.RemoveTierAsync(_user, Id, tierId);
        await ReloadAsync();
    });

    private async Task UploadDocumentAsync(InputFileChangeEventArgs args) => await RunAsync(async () =>
    {
        if (args.File.Size > DocumentUploads.MaxSizeBytes)
        {
            _errors.Add("File", "The file is larger than 10 MB. Upload a smaller file.");
            return;
        }

        await using var stream = args.File.OpenReadStream(DocumentUploads.MaxSizeBytes);
        await BuyerGroups.AddDocumentAsync(_user, Id, _documentTitle, _documentPublic, new DocumentUpload(args.File.Name, stream));
        _documentTitle = null;
        _documentPublic = false;
        await ReloadAsync();
    });

    private async Task AssignCoordinatorAsync() => await RunAsync(async () =>
    {
        await BuyerGroups.AssignCoordinatorAsync(_user, Id, _coordinatorEmail);
        _coordinatorEmail = null;
        await ReloadAsync();
    });

    private async Task RemoveCoordinatorAsync(Guid userId) => await RunAsync(async () =>
    {
        await BuyerGroups.RemoveCoordinatorAsync(_user, Id, userId);
        await ReloadAsync();
    });

    private async Task ArchiveAsync() => await RunAsync(async () =>
    {
        await BuyerGroups.ArchiveAsync(_user, Id, _archiveReason, _version);
        await ReloadAsync();
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
        catch (ConcurrencyConflictException exception)
        {
            _conflict = exception.Current as BuyerGroupDetails;
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
