using CircularIctPact.Web.Features.Calculator;
using CircularIctPact.Web.Features.Consultations;
using CircularIctPact.Web.Features.Criteria;
using CircularIctPact.Web.Features.Discussions;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.Events;
using CircularIctPact.Web.Features.Impact;
using CircularIctPact.Web.Features.Knowledge;
using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Features.Tenders;
using CircularIctPact.Web.Features.WorkingGroups;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog.Core;

namespace CircularIctPact.Web.Features.Privacy;

/// <summary>
/// Registers the GDPR self-service, log masking and, in one place so that a missing feature stands out, the
/// personal-data contributor of every feature. They run in this order on deletion: discussions before
/// notifications, because the discussions find mentions through the person's notifications.
/// </summary>
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
            .AddPersonalDataContributor<ContactPersonalData>()
            .AddPersonalDataContributor<TendersPersonalData>()
            .AddPersonalDataContributor<ConsultationsPersonalData>()
            .AddPersonalDataContributor<EventsPersonalData>()
            .AddPersonalDataContributor<CalculatorPersonalData>()
            .AddPersonalDataContributor<SelfAssessmentsPersonalData>()
            .AddPersonalDataContributor<DiscussionsPersonalData>()
            .AddPersonalDataContributor<NotificationsPersonalData>()
            .AddPersonalDataContributor<KnowledgePersonalData>()
            .AddPersonalDataContributor<WorkingGroupsPersonalData>()
            .AddPersonalDataContributor<DocumentsPersonalData>();

    /// <summary>How a feature hands its personal data to the export and the account deletion.</summary>
    public static IServiceCollection AddPersonalDataContributor<TContributor>(this IServiceCollection services)
        where TContributor : class, IPersonalDataContributor
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPersonalDataContributor, TContributor>());
        return services;
    }
}
