using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>Coordinators invite contacts of their groups' organisations as procurers; the secretariat invites anyone.</summary>
public sealed partial class InvitationsPage
{
    private ClaimsPrincipal _user = new();
    private InvitationOptions? _options;
    private IReadOnlyList<InvitationRow> _rows = [];
    private string? _name;
    private string? _email;
    private Guid? _organisationId;
    private HashSet<string> _roles = [];
    private IReadOnlyCollection<Guid> _buyerGroups = [];
    private IReadOnlyCollection<Guid> _workingGroups = [];
    private IReadOnlyList<DomainException> _fieldErrors = [];
    private string? _error;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private Invitations Service { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        try
        {
            _options = await Service.OptionsAsync(_user);
            _rows = await Service.ListAsync(_user);
        }
        catch (ForbiddenException denied)
        {
            _error = DomainMessageText.Of(denied);
        }
    }

    private string? ErrorFor(FormField field) =>
        _fieldErrors.Where(e => e.Field == field).Select(DomainMessageText.Of).FirstOrDefault();

    private bool HasError(FormField field) => ErrorFor(field) is not null;

    private string? BuyerGroupName(Guid id) => _options?.BuyerGroups.FirstOrDefault(group => group.Id == id)?.Name;

    private string? WorkingGroupName(Guid id) => _options?.WorkingGroups.FirstOrDefault(group => group.Id == id)?.Name;

    /// <summary>What ticking the role asks for, shown beside it before the fields appear.</summary>
    private static string RoleNeeds(string role) => role switch
    {
        PortalRoles.SecretariatAdmin => "Manages the whole pact; signs in with two factors.",
        PortalRoles.BuyerGroupCoordinator => "Needs at least one buyer group to coordinate.",
        PortalRoles.WorkingGroupChair => "Needs at least one working group to chair.",
        PortalRoles.Procurer => "Needs the organisation the person works for.",
        PortalRoles.Stakeholder => "Can join working groups; choosing them is optional.",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a portal role."),
    };

    private void ToggleRole(string role, bool on)
    {
        if (on)
        {
            _roles.Add(role);
        }
        else
        {
            _roles.Remove(role);
        }
    }

    private string StateText(InvitationRow row) => row.State switch
    {
        InvitationState.Accepted => L["Accepted {0}", row.AcceptedAt!.Value.ToString("d", CultureInfo.CurrentCulture)],
        InvitationState.Revoked => L["Revoked {0}", row.RevokedAt!.Value.ToString("d", CultureInfo.CurrentCulture)],
        InvitationState.Expired => L["Expired {0}", row.ExpiresAt.ToString("d", CultureInfo.CurrentCulture)],
        _ => L["Pending until {0}", row.ExpiresAt.ToString("d", CultureInfo.CurrentCulture)],
    };

    private Task InviteAsync() => RunAsync(async () =>
    {
        var secretariat = _options!.IsSecretariat;
        IReadOnlyList<string> roles = secretariat ? [.. _roles] : [PortalRoles.Procurer];
        await Service.InviteAsync(_user, new InvitationRequest(
            _email,
            _name,
            roles,
            roles.Contains(PortalRoles.Procurer) ? _organisationId : null,
            secretariat && roles.Contains(PortalRoles.BuyerGroupCoordinator) ? [.. _buyerGroups] : [],
            secretariat && (roles.Contains(PortalRoles.WorkingGroupChair) || roles.Contains(PortalRoles.Stakeholder))
                ? [.. _workingGroups]
                : []),
            Navigation.BaseUri);
        Snackbar.Add(L["Invitation sent to {0}.", _email ?? string.Empty], Severity.Success);
        _name = null;
        _email = null;
        _organisationId = null;
    });

    private Task ResendAsync(InvitationRow row) => RunAsync(async () =>
    {
        await Service.ResendAsync(_user, row.Id, Navigation.BaseUri);
        Snackbar.Add(L["A new link was sent to {0}; the old one no longer works.", row.Email], Severity.Success);
    });

    private Task RevokeAsync(InvitationRow row) => RunAsync(async () =>
    {
        await Service.RevokeAsync(_user, row.Id);
        Snackbar.Add(L["The invitation of {0} was revoked.", row.Email], Severity.Info);
    });

    private async Task RunAsync(Func<Task> action)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        _fieldErrors = [];
        _error = null;
        try
        {
            await action();
            _rows = await Service.ListAsync(_user);
        }
        catch (FieldErrorsException errors)
        {
            _fieldErrors = errors.Errors;
            if (errors.Errors.Any(e => e.Field is null))
            {
                _error = string.Join(" ", errors.Errors.Where(e => e.Field is null).Select(DomainMessageText.Of));
            }
        }
        catch (DomainException problem)
        {
            _error = DomainMessageText.Of(problem);
        }
        catch (ForbiddenException denied)
        {
            _error = DomainMessageText.Of(denied);
        }
        catch (NotFoundException missing)
        {
            _error = DomainMessageText.Of(missing);
        }
        finally
        {
            _busy = false;
        }
    }
}
