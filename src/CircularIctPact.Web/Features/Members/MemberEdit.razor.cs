using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Members;

/// <summary>
/// Adds a member (<c>/members/new?group=…</c>) or edits one, with its contacts and status; shows conflicts and field errors.
/// </summary>
public sealed partial class MemberEdit
{
    private readonly FieldErrors _errors = new();
    private FormModel _form = new();
    private GroupOption? _group;
    private MemberDetails? _details;
    private MemberDetails? _conflict;
    private string? _loadError;
    private string? _formError;
    private bool _saving;
    private MembershipStatus _newStatus;
    private string? _statusReason;

    [Parameter]
    public Guid? Id { get; set; }

    [SupplyParameterFromQuery(Name = "group")]
    public Guid? GroupId { get; set; }

    [Inject]
    private MemberDirectory Directory { get; set; } = default!;

    [Inject]
    private MemberEditor Editor { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool IsNew => Id is null;

    /// <summary>True once the circuit runs the page, so a browser test knows clicks will be handled.</summary>
    private bool _interactive;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private string BackLink => _group is null ? "members" : $"members?group={_group.Id}";

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        try
        {
            var groups = await Directory.GroupsAsync(user);
            if (Id is { } id)
            {
                _details = await Directory.GetAsync(user, id);
                _group = groups.Single(g => g.Id == _details.BuyerGroupId);
                _form = FormModel.From(_details);
                _newStatus = _details.Status;
            }
            else
            {
                _group = groups.FirstOrDefault(g => g.Id == GroupId) ?? (groups.Count == 1 ? groups[0] : null);
                _loadError = _group is null ? "Choose a buyer group you coordinate on the member list first." : null;
                _form = new FormModel { JoinedOn = DateTime.UtcNow.Date };
            }
        }
        catch (ForbiddenException error)
        {
            _loadError = DomainMessageText.Of(error);
        }
        catch (NotFoundException error)
        {
            _loadError = DomainMessageText.Of(error);
        }
    }

    private bool Has(FormField field) => _errors.Has(field);

    private string? ErrorFor(FormField field) => L.Translate(_errors.For(field));

    private async Task SaveAsync()
    {
        await RunAsync(async user =>
        {
            var form = _form.ToForm();
            if (IsNew)
            {
                var id = await Editor.CreateAsync(user, _group!.Id, form);
                Snackbar.Add(L["{0} was added.", form.LegalName?.Trim() ?? string.Empty], Severity.Success);
                Navigation.NavigateTo($"members/{id}");
            }
            else
            {
                await Editor.UpdateAsync(user, _details!.Id, _details.Version, form);
                await ReloadAsync(user);
                Snackbar.Add(L["Saved."], Severity.Success);
            }
        });
    }

    private async Task ChangeStatusAsync()
    {
        await RunAsync(async user =>
        {
            await Editor.ChangeStatusAsync(user, _details!.Id, _details.Version, _newStatus, _statusReason);
            _statusReason = null;
            await ReloadAsync(user);
            Snackbar.Add(L["Status changed to {0}.", L[_newStatus.ToString()]], Severity.Success);
        });
    }

    private void TakeTheirVersion()
    {
        if (_conflict is not null)
        {
            _details = _conflict;
            _form = FormModel.From(_conflict);
            _newStatus = _conflict.Status;
            _conflict = null;
        }
    }

    private async Task ReloadAsync(System.Security.Claims.ClaimsPrincipal user)
    {
        _details = await Directory.GetAsync(user, _details!.Id);
        _form = FormModel.From(_details);
        _newStatus = _details.Status;
    }

    private async Task RunAsync(Func<System.Security.Claims.ClaimsPrincipal, Task> action)
    {
        _errors.Clear();
        _formError = null;
        _conflict = null;
        _saving = true;
        try
        {
            await action((await AuthenticationState).User);
        }
        catch (DomainException error)
        {
            // The error summary above the form lists every broken rule, those without a field included.
            _errors.Add(error);
        }
        catch (ConcurrencyConflictException conflict)
        {
            _conflict = conflict.Current as MemberDetails;
            _formError = _conflict is null ? "Someone else removed or changed this record; reload the page." : null;
        }
        catch (ForbiddenException error)
        {
            _formError = DomainMessageText.Of(error);
        }
        catch (NotFoundException error)
        {
            _formError = DomainMessageText.Of(error);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>The editable state of the form; turned into a <see cref="MemberForm"/> when saved.</summary>
    private sealed class FormModel
    {
        public string? LegalName { get; set; }

        public Sector Sector { get; set; } = Sector.RegionalOrLocalGovernment;

        public string? Country { get; set; }

        public string? Website { get; set; }

        public SizeBand? SizeBand { get; set; }

        public IctSpendBand? IctSpendBand { get; set; }

        public Guid? TierId { get; set; }

        public DateTime? JoinedOn { get; set; }

        public List<ContactModel> Contacts { get; init; } = [];

        public static FormModel From(MemberDetails details) => new()
        {
            LegalName = details.LegalName,
            Sector = details.Sector,
            Country = details.Country,
            Website = details.Website,
            SizeBand = details.SizeBand,
            IctSpendBand = details.IctSpendBand,
            TierId = details.TierId,
            JoinedOn = details.JoinedOn.ToDateTime(TimeOnly.MinValue),
            Contacts = [.. details.Contacts.Select(
                c => new ContactModel { Id = c.Id, Name = c.Name, Email = c.Email, Phone = c.Phone, Function = c.Function })],
        };

        public MemberForm ToForm() => new(
            LegalName,
            Sector,
            Country,
            Website,
            SizeBand,
            IctSpendBand,
            TierId,
            DateOnly.FromDateTime(JoinedOn ?? DateTime.UtcNow.Date),
            [.. Contacts.Select(c => new ContactDetails(c.Id, c.Name, c.Email, c.Phone, c.Function))]);
    }

    private sealed class ContactModel
    {
        public Guid? Id { get; init; }

        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? Function { get; set; }
    }
}
