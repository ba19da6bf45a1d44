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
    private HashSet<string> _roles = [PortalRoles.Procurer];
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
            _error = denied.Message;
        }
    }

    private string? ErrorFor(string field) =>
        _fieldErrors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    private bool HasError(string field) => ErrorFor(field) is not null;

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

    private static string StateText(InvitationRow row) => row.State switch
    {
        InvitationState.Accepted => $"Accepted {row.AcceptedAt!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        InvitationState.Revoked => $"Revoked {row.RevokedAt!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        InvitationState.Expired => $"Expired {row.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        _ => $"Pending until {row.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
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
            secretariat && (roles.Contains(PortalRoles.WorkingGroupChair) || roles.Contains(PortalRoles.Stakeholder)) ? [.. _workingGroups] : []),
            Navigation.BaseUri);
        Snackbar.Add($"Invitation sent to {_email}.", Severity.Success);
        _name = null;
        _email = null;
        _organisationId = null;
    });

    private Task ResendAsync(InvitationRow row) => RunAsync(async () =>
    {
        await Service.ResendAsync(_user, row.Id, Navigation.BaseUri);
        Snackbar.Add($"A new link was sent to {row.Email}; the old one no longer works.", Severity.Success);
    });

    private Task RevokeAsync(InvitationRow row) => RunAsync(async () =>
    {
        await Service.RevokeAsync(_user, row.Id);
        Snackbar.Add($"The invitation of {row.Email} was revoked.", Severity.Info);
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
                _error = string.Join(" ", errors.Errors.Where(e => e.Field is null).Select(e => e.Message));
            }
        }
        catch (DomainException problem)
        {
            _error = problem.Message;
        }
        catch (ForbiddenException denied)
        {
            _error = denied.Message;
        }
        catch (NotFoundException missing)
        {
            _error = missing.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
