using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>Good-practice cases with their review, and the library.</summary>
public sealed class KnowledgeFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/good-practices", PortalAudience.Anyone),
        RouteAudience.Page("/good-practices/{Id:guid}", PortalAudience.Anyone),
        RouteAudience.Page("/good-practices/mine", PortalAudience.BuyerSide),
        RouteAudience.Page("/good-practices/write", PortalAudience.BuyerSide),
        RouteAudience.Page("/good-practices/{Id:guid}/edit", PortalAudience.BuyerSide),
        RouteAudience.Page("/good-practices/review", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Page("/library", PortalAudience.Anyone),
        RouteAudience.Page("/library/{Id:guid}", PortalAudience.Anyone),
        RouteAudience.Page("/library/add", PortalAudience.LibraryCurator),
        RouteAudience.Page("/library/{Id:guid}/versions/new", PortalAudience.LibraryCurator),
        RouteAudience.Page("/library/{Id:guid}/edit", PortalAudience.LibraryCurator),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new(NavigationSection.Pact, 50, "Good practices", "good-practices", Icons.Material.Outlined.Lightbulb, PortalAudience.Anyone),
        new(NavigationSection.Pact, 60, "Library", "library", Icons.Material.Outlined.LocalLibrary, PortalAudience.Anyone),
        new(
            NavigationSection.Work,
            150,
            "My good-practice cases",
            "good-practices/mine",
            Icons.Material.Outlined.EditNote,
            PortalAudience.BuyerSide),
        new(
            NavigationSection.Work,
            160,
            "Review good practices",
            "good-practices/review",
            Icons.Material.Outlined.RateReview,
            PortalAudience.Coordinator),
        new(
            NavigationSection.Secretariat,
            110,
            "Review good practices (all groups)",
            "good-practices/review",
            Icons.Material.Outlined.RateReview,
            PortalAudience.Secretariat),
    ];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<KnowledgePersonalData>()
            .Covers<GoodPracticeCase>(goodPractice => goodPractice.AuthorUserId)
            .Covers<GoodPracticeCase>(goodPractice => goodPractice.ContactName)
            .Covers<GoodPracticeCase>(goodPractice => goodPractice.ContactEmail)
            .Covers<GoodPracticeReview>(review => review.ByUserId)
            .Covers<GoodPracticeReview>(review => review.ByName)
            .Covers<LibraryItem>(item => item.CreatedByUserId)
            .Covers<LibraryItemVersion>(version => version.UploadedByUserId)
            .Covers<LibraryItemVersion>(version => version.UploadedByName),
    ];

    public IReadOnlyList<NotificationKindLabel> NotificationKinds { get; } =
    [
        new(NotificationKind.GoodPracticeSubmitted, "Good-practice cases waiting for your review"),
        new(NotificationKind.GoodPracticeReviewed, "Review decisions on your good-practice cases"),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<KnowledgeDemoData>()
            .AddScoped<GoodPracticeCases>()
            .AddScoped<LibraryCatalogue>()
            .AddScoped<ProductGroupOptions>();
}
