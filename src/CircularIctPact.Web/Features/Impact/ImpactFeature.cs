using CircularIctPact.Domain.Impact;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Privacy;
using CircularIctPact.Web.Features.Tenders;
using MudBlazor;

namespace CircularIctPact.Web.Features.Impact;

/// <summary>Yearly self-assessments, impact figures and the yearly report.</summary>
public sealed class ImpactFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/self-assessment", PortalAudience.Procurer),
        RouteAudience.Page("/impact", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Get("/impact/report.docx", PortalAudience.CoordinatorOrSecretariat),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new(NavigationSection.Work, 40, "Self-assessment", "self-assessment", Icons.Material.Outlined.Checklist, PortalAudience.Procurer),
        new(NavigationSection.Work, 50, "Impact", "impact", Icons.Material.Outlined.Insights, PortalAudience.Coordinator),
        new(
            NavigationSection.Secretariat,
            100,
            "Impact (pact-wide)",
            "impact",
            Icons.Material.Outlined.Insights,
            PortalAudience.Secretariat),
    ];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<SelfAssessmentsPersonalData>()
            .Covers<SelfAssessment>(assessment => assessment.UpdatedByUserId)
            .Covers<SelfAssessment>(assessment => assessment.SubmittedByUserId),
    ];

    /// <summary>Registers the self-assessment and impact-monitoring services.</summary>
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SelfAssessments>();
        services.AddScoped<ImpactFigures>();
        services.AddSingleton<PactWideReads<TenderFigures>>();
    }

    /// <summary>Maps the yearly report download.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => ImpactReport.Map(endpoints);
}
