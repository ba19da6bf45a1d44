using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog.Core;

namespace CircularIctPact.Web.Features.Privacy;

/// <summary>Registers the GDPR self-service, the contributors of the existing features and log masking.</summary>
public static class PrivacyFeature
{
    public static IServiceCollection AddPrivacyFeature(this IServiceCollection services) =>
        services
            .AddSingleton<Pseudonyms>()
            .AddScoped<PersonalDataSelfService>()
            .AddSingleton<ILogEventEnricher, EmailMaskingEnricher>()
            .AddPersonalDataContributor<AuditPersonalData>()
            .AddPersonalDataContributor<CriteriaPersonalData>()
            .AddPersonalDataContributor<GroupRolesPersonalData>()
            .AddPersonalDataContributor<OnboardingPersonalData>()
            .AddPersonalDataContributor<ContactPersonalData>();

    /// <summary>How a feature hands its personal data to the export and the account deletion.</summary>
    public static IServiceCollection AddPersonalDataContributor<TContributor>(this IServiceCollection services)
        where TContributor : class, IPersonalDataContributor
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPersonalDataContributor, TContributor>());
        return services;
    }
}
