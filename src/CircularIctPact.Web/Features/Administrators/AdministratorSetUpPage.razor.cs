using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Onboarding;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Features.Administrators;

/// <summary>
/// Where the address printed by <c>admin create</c> or <c>admin reset-access</c> leads: a static page in two steps
/// (password, then authenticator app) that signs the administrator in only once two-factor is on.
/// </summary>
public sealed partial class AdministratorSetUpPage
{
    private SetUpView? _view;
    private AuthenticatorEnrolment? _enrolment;
    private CompletedSetUp? _completed;
    private bool _unavailable;
    private EditContext _passwordContext = default!;
    private ValidationMessageStore _passwordMessages = default!;
    private EditContext _enrolContext = default!;
    private ValidationMessageStore _enrolMessages = default!;

    [Inject]
    private AdministratorSetup SetUp { get; set; } = default!;

    [Inject]
    private SignInManager<ApplicationUser> SignInManager { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "user")]
    private string? QueryUser { get; set; }

    [SupplyParameterFromQuery(Name = "code")]
    private string? QueryCode { get; set; }

    [SupplyParameterFromForm(FormName = "choose-password")]
    private PasswordInput Input { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "enrol-authenticator")]
    private EnrolInput Enrol { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new PasswordInput { User = QueryUser, Code = QueryCode };
        Enrol ??= new EnrolInput();
        _passwordContext = new EditContext(Input);
        _passwordMessages = new ValidationMessageStore(_passwordContext);
        _enrolContext = new EditContext(Enrol);
        _enrolMessages = new ValidationMessageStore(_enrolContext);
        // A posted form must be on the page for its handler to run, so a post renders its step even when the address no
        // longer works; the handler then finds out and shows the page that says so.
        var posted = HttpMethods.IsPost(HttpContext.Request.Method);
        if (Enrol.Token is not null)
        {
            _enrolment = await SetUp.DescribeEnrolmentAsync(Enrol.User, Enrol.Token);
            _unavailable = _enrolment is null && !posted;
        }
        else
        {
            _view = await SetUp.DescribeAsync(Input.User, Input.Code);
            _unavailable = _view is null && !posted;
        }
    }

    private async Task ChoosePasswordAsync()
    {
        _passwordMessages.Clear();
        try
        {
            _enrolment = await SetUp.ChoosePasswordAsync(Input.User, Input.Code, Input.Password, Input.ConfirmPassword);
        }
        catch (FieldErrorsException errors)
        {
            foreach (var error in errors.Errors)
            {
                var field = error.Field == AdministratorSetup.ConfirmPasswordField
                    ? nameof(PasswordInput.ConfirmPassword)
                    : nameof(PasswordInput.Password);
                _passwordMessages.Add(_passwordContext.Field(field), T.Translate(error.Message)!);
            }

            _passwordContext.NotifyValidationStateChanged();
        }
        catch (SetUpAddressUnavailableException)
        {
            _unavailable = true;
        }
    }

    private async Task EnrolAsync()
    {
        _enrolMessages.Clear();
        try
        {
            _completed = await SetUp.EnrolAuthenticatorAsync(Enrol.User, Enrol.Token, Enrol.Code);
        }
        catch (FieldErrorsException errors)
        {
            foreach (var error in errors.Errors)
            {
                _enrolMessages.Add(_enrolContext.Field(nameof(EnrolInput.Code)), T.Translate(error.Message)!);
            }

            _enrolContext.NotifyValidationStateChanged();
            return;
        }
        catch (SetUpAddressUnavailableException)
        {
            _unavailable = true;
            return;
        }

        await SignInManager.SignInAsync(_completed.User, isPersistent: false);
    }

    public sealed class PasswordInput
    {
        public string? User { get; set; }

        public string? Code { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }

    public sealed class EnrolInput
    {
        public string? User { get; set; }

        public string? Token { get; set; }

        public string? Code { get; set; }
    }
}
