using CircularIctPact.Domain.Common;

namespace CircularIctPact.Web.Features.Onboarding;

public static class OnboardingFeature
{
    /// <summary>Applications through /join, their decisions, and e-mail invitations.</summary>
    public static IServiceCollection AddOnboardingFeature(this IServiceCollection services)
    {
        services.AddScoped<MembershipApplications>();
        services.AddScoped<Invitations>();
        services.AddScoped<InvitationAcceptance>();
        return services;
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
