using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>The invitee's landing page: a static form that creates the account, signs the person in and goes home.</summary>
public sealed partial class AcceptInvitation
{
    private InvitationView? _view;
    private EditContext _editContext = default!;
    private ValidationMessageStore _messages = default!;

    [Inject]
    private InvitationAcceptance Acceptance { get; set; } = default!;

    [Inject]
    private SignInManager<ApplicationUser> SignInManager { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "token")]
    private string? QueryToken { get; set; }

    [SupplyParameterFromForm(FormName = "accept-invitation")]
    private AcceptInput Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new AcceptInput();
        Input.Token ??= QueryToken;
        _editContext = new EditContext(Input);
        _messages = new ValidationMessageStore(_editContext);
        _view = await Acceptance.DescribeAsync(Input.Token);
        if (_view.State == InvitationLinkState.Pending && string.IsNullOrEmpty(Input.DisplayName))
        {
            Input.DisplayName = _view.DisplayName;
        }
    }

    private string UnavailableTitle(InvitationLinkState state) => state switch
    {
        InvitationLinkState.Accepted => L["This invitation was already used"],
        InvitationLinkState.Expired => L["This invitation has expired"],
        InvitationLinkState.Revoked => L["This invitation was withdrawn"],
        _ => L["This invitation link is not valid"],
    };

    private async Task AcceptAsync()
    {
        _messages.Clear();
        ApplicationUser user;
        try
        {
            user = await Acceptance.AcceptAsync(Input.Token, Input.DisplayName, Input.Password);
        }
        catch (FieldErrorsException errors)
        {
            foreach (var error in errors.Errors)
            {
                var field =
                    error.Field == InvitationAcceptance.PasswordField ? nameof(AcceptInput.Password) : nameof(AcceptInput.DisplayName);
                _messages.Add(_editContext.Field(field), DomainMessageText.Of(error));
            }

            _editContext.NotifyValidationStateChanged();
            return;
        }
        catch (InvitationUnavailableException unavailable)
        {
            _view = _view! with { State = unavailable.State };
            return;
        }

        await SignInManager.SignInAsync(user, isPersistent: false);
        Navigation.NavigateTo(string.Empty);
    }

    public sealed class AcceptInput
    {
        public string? Token { get; set; }

        public string? DisplayName { get; set; }

        public string? Password { get; set; }
    }
}
