using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.Common;
using MudBlazor;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// The Identity account pages (static, as in the template) and the endpoints they post to. Identity itself is set up by
/// the host; the self-service for personal data is the Privacy feature's service behind these pages. Password guessing is
/// throttled here (<see cref="PasswordSignIn"/>, decision record 0021).
/// </summary>
public sealed class AccountFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/Account/Login", PortalAudience.Anyone),
        RouteAudience.Page("/Account/LoginWith2fa", PortalAudience.Anyone),
        RouteAudience.Page("/Account/LoginWithRecoveryCode", PortalAudience.Anyone),
        RouteAudience.Page("/Account/Lockout", PortalAudience.Anyone),
        RouteAudience.Page("/Account/AccessDenied", PortalAudience.Anyone),
        RouteAudience.Page("/Account/ForgotPassword", PortalAudience.Anyone),
        RouteAudience.Page("/Account/ForgotPasswordConfirmation", PortalAudience.Anyone),
        RouteAudience.Page("/Account/ResetPassword", PortalAudience.Anyone),
        RouteAudience.Page("/Account/ResetPasswordConfirmation", PortalAudience.Anyone),
        RouteAudience.Page("/Account/InvalidPasswordReset", PortalAudience.Anyone),
        RouteAudience.Page("/Account/InvalidUser", PortalAudience.Anyone),
        RouteAudience.Page("/Account/ConfirmEmail", PortalAudience.Anyone),
        RouteAudience.Page("/Account/ConfirmEmailChange", PortalAudience.Anyone),
        RouteAudience.Page("/Account/ResendEmailConfirmation", PortalAudience.Anyone),
        RouteAudience.Page("/Account/Deleted", PortalAudience.Anyone),
        RouteAudience.Post("/Account/Logout", PortalAudience.Anyone),
        RouteAudience.Post("/Account/PasskeyCreationOptions", PortalAudience.SignedIn),
        RouteAudience.Post("/Account/PasskeyRequestOptions", PortalAudience.Anyone),
        RouteAudience.Page("/Account/Manage", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/ChangePassword", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/DeletePersonalData", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/Disable2fa", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/Email", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/EnableAuthenticator", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/GenerateRecoveryCodes", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/Passkeys", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/PersonalData", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/RenamePasskey/{Id}", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/ResetAuthenticator", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/SetPassword", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/TwoFactorAuthentication", PortalAudience.SignedIn),
        RouteAudience.Post("/Account/Manage/DownloadPersonalData", PortalAudience.SignedIn),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new(NavigationSection.Work, 180, "Account", "Account/Manage", Icons.Material.Outlined.Person, PortalAudience.SignedIn)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        SignInThrottleOptions.Register(services, configuration);
        services.AddSingleton<SignInThrottling>();
        services.AddHostedService<SignInThrottlePruning>();
        services.AddSingleton<AccountMailQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<AccountMailQueue>());
        services.AddSingleton<SignInThrottleMail>();
        services.AddScoped<PasswordSignIn>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAdditionalIdentityEndpoints();
}
