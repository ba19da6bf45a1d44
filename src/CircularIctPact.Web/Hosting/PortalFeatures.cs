using CircularIctPact.Web.Components.Account;
using CircularIctPact.Web.Features.About;
using CircularIctPact.Web.Features.Administrators;
using CircularIctPact.Web.Features.Audit;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Calculator;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Consultations;
using CircularIctPact.Web.Features.Criteria;
using CircularIctPact.Web.Features.Demand;
using CircularIctPact.Web.Features.Discussions;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.Events;
using CircularIctPact.Web.Features.Home;
using CircularIctPact.Web.Features.Impact;
using CircularIctPact.Web.Features.Knowledge;
using CircularIctPact.Web.Features.Members;
using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Features.Onboarding;
using CircularIctPact.Web.Features.Privacy;
using CircularIctPact.Web.Features.Signatories;
using CircularIctPact.Web.Features.SingleSignOn;
using CircularIctPact.Web.Features.Tenders;
using CircularIctPact.Web.Features.Users;
using CircularIctPact.Web.Features.WorkingGroups;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// The portal's features, listed once. A new feature adds one line here; everything else about it is declared in its
/// own <c>&lt;Name&gt;Feature.cs</c>. The list is explicit rather than found by scanning the assembly because its order
/// is behaviour: personal-data contributors run and export in this order (discussions before notifications, because
/// the discussions find mentions through the person's notifications), and services and endpoints are registered in it.
/// A test checks that no <see cref="IPortalFeature"/> is left out.
/// </summary>
public static class PortalFeatures
{
    public static IReadOnlyList<IPortalFeature> All { get; } =
    [
        new PortalHostFeature(),
        new HomeFeature(),
        new AboutFeature(),
        new AccountFeature(),
        new AuditFeature(),
        new CriteriaFeature(),
        new BuyerGroupsFeature(),
        new OnboardingFeature(),
        new MembersFeature(),
        new TendersFeature(),
        new ConsultationsFeature(),
        new EventsFeature(),
        new CalculatorFeature(),
        new ImpactFeature(),
        new DiscussionsFeature(),
        new NotificationsFeature(),
        new KnowledgeFeature(),
        new WorkingGroupsFeature(),
        new DocumentsFeature(),
        new SignatoriesFeature(),
        new UsersFeature(),
        new DemandFeature(),
        new PrivacyFeature(),
        new AdministratorsFeature(),
        new SingleSignOnFeature(),
    ];

    /// <summary>Every route's audience, from all features.</summary>
    public static IEnumerable<RouteAudience> Routes => All.SelectMany(feature => feature.Routes);

    /// <summary>The main menu: its sections in order, each section's entries by position.</summary>
    public static IReadOnlyList<NavigationEntry> Navigation { get; } =
        [.. All.SelectMany(feature => feature.Navigation).OrderBy(entry => entry.Section).ThenBy(entry => entry.Position)];

    /// <summary>Every personal-data registration, in the order the contributors run.</summary>
    public static IEnumerable<PersonalDataRegistration> PersonalData => All.SelectMany(feature => feature.PersonalData);

    /// <summary>Every notification kind's label, from the feature that publishes it.</summary>
    public static IEnumerable<NotificationKindLabel> NotificationKinds => All.SelectMany(feature => feature.NotificationKinds);

    /// <summary>Registers every feature's services and personal-data contributors.</summary>
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var feature in All)
        {
            feature.AddServices(services, configuration);
            foreach (var personalData in feature.PersonalData)
            {
                services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(IPersonalDataContributor), personalData.Contributor));
            }
        }

        return services;
    }

    /// <summary>Maps every feature's endpoints other than Razor pages.</summary>
    public static IEndpointRouteBuilder MapPortalFeatures(this IEndpointRouteBuilder endpoints)
    {
        foreach (var feature in All)
        {
            feature.MapEndpoints(endpoints);
        }

        return endpoints;
    }
}
