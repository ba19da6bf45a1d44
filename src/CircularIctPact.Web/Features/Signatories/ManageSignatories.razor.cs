using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace CircularIctPact.Web.Features.Signatories;

public sealed partial class ManageSignatories
{
    private static readonly FormField[] Shown =
    [
        SignatoryFields.Name, SignatoryAdministration.SinceField, CommonFields.Country, SignatoryFields.ContactName,
        SignatoryFields.ContactEmail, SignatoryFields.Status, SignatoryFields.Date, SignatoryFields.Note, CommonFields.File,
    ];

    private readonly PageOperation _page = new();
    private ClaimsPrincipal _user = new();
    private IReadOnlyList<SignatoryRow>? _rows;
    private SignatoryStatus? _statusFilter;
    private SignatoryDetails? _selected;
    private SignatoryForm _form = new();
    private uint _version;
    private bool _editing;
    private SignatoryStatus _newStatus;
    private DateTime? _statusDate;
    private DateTime? _sinceDate;
    private string? _statusNote;

    private SignatoryDetails? Conflict => _page.Conflict<SignatoryDetails>();

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private SignatoryAdministration Signatories { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private string StatusText(SignatoryStatus status) => L[status == SignatoryStatus.InTalks ? "In talks" : status.ToString()];

    internal static string SizeText(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} kB");

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        await _page.RunAsync(LoadListAsync);
    }

    private async Task LoadListAsync() => _rows = await Signatories.ListAsync(_user, _statusFilter);

    private async Task FilterAsync(SignatoryStatus? status)
    {
        _statusFilter = status;
        await _page.RunAsync(LoadListAsync);
    }

    private void StartNew()
    {
        _selected = null;
        _page.ClearConflict();
        _form = new SignatoryForm();
        _sinceDate = null;
        _page.Errors.Clear();
        _editing = true;
    }

    private void Close()
    {
        _editing = false;
        _selected = null;
        _page.ClearConflict();
        _page.Errors.Clear();
    }

    private async Task OpenAsync(Guid id) => await _page.RunAsync(async () =>
    {
        _page.Errors.Clear();
        _page.ClearConflict();
        Show(await Signatories.GetAsync(_user, id));
        _editing = true;
    });

    private void Show(SignatoryDetails details)
    {
        _selected = details;
        _form = details.ToForm();
        _version = details.Version;
        _newStatus = NextStatus(details.Status);
        _statusDate = Clock.GetUtcNow().UtcDateTime.Date;
        _statusNote = null;
    }

    private void TakeTheirVersion()
    {
        if (Conflict is { } theirs)
        {
            Show(theirs);
            _page.ClearConflict();
        }
    }

    private async Task SaveAsync() => await _page.RunAsync(async () =>
    {
        if (_selected is null)
        {
            _form.Since = _sinceDate is { } since ? DateOnly.FromDateTime(since) : null;
            var id = await Signatories.CreateAsync(_user, _form);
            Show(await Signatories.GetAsync(_user, id));
        }
        else
        {
            await Signatories.UpdateAsync(_user, _selected.Id, _form, _version);
            Show(await Signatories.GetAsync(_user, _selected.Id));
        }

        await LoadListAsync();
    });

    private async Task ChangeStatusAsync() => await _page.RunAsync(async () =>
    {
        if (_selected is null)
        {
            return;
        }

        if (_statusDate is not { } date)
        {
            _page.Errors.Add(SignatoryFields.Date, "Choose the date of the change.");
            return;
        }

        await Signatories.ChangeStatusAsync(_user, _selected.Id, _newStatus, DateOnly.FromDateTime(date), _statusNote, _version);
        Show(await Signatories.GetAsync(_user, _selected.Id));
        await LoadListAsync();
    });

    private async Task UploadAsync(InputFileChangeEventArgs args) => await _page.RunAsync(async () =>
    {
        if (_selected is null)
        {
            return;
        }

        if (args.File.Size > DocumentUploads.MaxSizeBytes)
        {
            _page.Errors.Add(CommonFields.File, "The file is larger than 10 MB. Upload a smaller file.");
            return;
        }

        await using var stream = args.File.OpenReadStream(DocumentUploads.MaxSizeBytes);
        await Signatories.UploadCommitmentAsync(_user, _selected.Id, new DocumentUpload(args.File.Name, stream), _version);
        Show(await Signatories.GetAsync(_user, _selected.Id));
        await LoadListAsync();
    });

    private static SignatoryStatus NextStatus(SignatoryStatus status) => status switch
    {
        SignatoryStatus.Prospect => SignatoryStatus.InTalks,
        SignatoryStatus.InTalks => SignatoryStatus.Signed,
        _ => SignatoryStatus.Withdrawn,
    };
}
