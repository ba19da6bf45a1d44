using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>Applications through /join, their decisions, and e-mail invitations.</summary>
public sealed class OnboardingFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/join", PortalAudience.Anyone),
        RouteAudience.Page("/join/submitted", PortalAudience.Anyone),
        RouteAudience.Page("/invitation/accept", PortalAudience.Anyone),
        RouteAudience.Page("/applications", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Page("/invitations", PortalAudience.CoordinatorOrSecretariat),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new(NavigationSection.Pact, 80, "Apply to join", "join", Icons.Material.Outlined.GroupAdd, PortalAudience.Anyone),
        new(NavigationSection.Work, 90, "Applications", "applications", Icons.Material.Outlined.HowToReg, PortalAudience.Coordinator),
        new(NavigationSection.Work, 100, "Invitations", "invitations", Icons.Material.Outlined.ForwardToInbox, PortalAudience.Coordinator),
        new(
            NavigationSection.Secretariat,
            50,
            "All applications",
            "applications",
            Icons.Material.Outlined.HowToReg,
            PortalAudience.Secretariat),
        new(
            NavigationSection.Secretariat,
            60,
            "All invitations",
            "invitations",
            Icons.Material.Outlined.ForwardToInbox,
            PortalAudience.Secretariat),
    ];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<OnboardingPersonalData>()
            .Covers<Invitation>(invitation => invitation.InvitedByUserId)
            .Covers<Invitation>(invitation => invitation.AcceptedUserId)
            .Covers<Invitation>(invitation => invitation.Email)
            .Covers<Invitation>(invitation => invitation.DisplayName)
            .Covers<MembershipApplication>(application => application.DecidedByUserId)
            .Covers<MembershipApplication>(application => application.ContactName)
            .Covers<MembershipApplication>(application => application.ContactEmail),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MembershipApplications>();
        services.AddScoped<Invitations>();
        services.AddScoped<InvitationAcceptance>();
    }
}

/// <summary>One or more inputs are wrong; each message names the field it belongs to.</summary>
public sealed class FieldErrorsException : Exception
{
    public FieldErrorsException()
        : this([])
    {
    }

    public FieldErrorsException(string message)
        : this([new DomainException(message)])
    {
    }

    public FieldErrorsException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public FieldErrorsException(IReadOnlyList<DomainException> errors)
        : base(errors.Count == 0 ? "The input is not valid." : errors[0].Message) => Errors = errors;

    public IReadOnlyList<DomainException> Errors { get; }
}
