using CircularIctPact.Domain.Notifications;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Tender reporting, its exports and the collective tender calendar.</summary>
public sealed class TendersFeature : IPortalFeature
{

    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/tenders", PortalAudience.ProcurerCoordinatorOrSecretariat),
        RouteAudience.Page("/tenders/new", PortalAudience.ProcurerCoordinatorOrSecretariat),
        RouteAudience.Page("/tenders/{Id:guid}", PortalAudience.ProcurerCoordinatorOrSecretariat),
        RouteAudience.Get("/tenders/export.csv", PortalAudience.ProcurerCoordinatorOrSecretariat),
        RouteAudience.Get("/tenders/export.xlsx", PortalAudience.ProcurerCoordinatorOrSecretariat),
        RouteAudience.Page("/tender-calendar", PortalAudience.BuyerSide),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new(NavigationSection.Work, 20, "Tenders", "tenders", Icons.Material.Outlined.RequestQuote, PortalAudience.Procurer),
        new(
            NavigationSection.Work,
            30,
            "Tender calendar",
            "tender-calendar",
            Icons.Material.Outlined.CalendarMonth,
            PortalAudience.BuyerSide),
        new(NavigationSection.Work, 70, "Group tenders", "tenders", Icons.Material.Outlined.RequestQuote, PortalAudience.Coordinator),
        new(NavigationSection.Secretariat, 70, "All tenders", "tenders", Icons.Material.Outlined.RequestQuote, PortalAudience.Secretariat),
    ];

    /// <summary>Tenders and interests; the market-signal editions the person published are kept with the tender figures.</summary>
    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<TendersPersonalData>()
            .Covers<Tender>(tender => tender.CreatedByUserId)
            .Covers<TenderInterest>(interest => interest.UserId)
            .Covers<MarketSignalSnapshot>(snapshot => snapshot.PublishedByUserId),
    ];

    public IReadOnlyList<NotificationKindLabel> NotificationKinds { get; } =
        [new(NotificationKind.TenderInterestReceived, "Interest in your organisation's planned tenders")];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TenderSaves>();
        services.AddScoped<TenderAccess>();
        services.AddScoped<TenderDirectory>();
        services.AddScoped<TenderEditor>();
        services.AddScoped<TenderExport>();
        services.AddScoped<TenderCalendar>();
        services.AddScoped<TenderDemoData>();
    }

    /// <summary>The list's downloads; the policy is the outer layer, the directory checks the scope again (403 when refused).</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var tenders = endpoints.MapGroup("/tenders").RequireAuthorization(PortalPolicies.ProcurerCoordinatorOrSecretariat);
        tenders.MapGet("/export.csv", (HttpContext http, TenderExport export, CancellationToken cancellationToken) =>
            Downloads.RunAsync(http, async user => Results.File(
                await export.CsvAsync(user, ReadQuery(http.Request.Query), cancellationToken),
                CsvFile.ContentType,
                "tenders.csv")));
        tenders.MapGet("/export.xlsx", (HttpContext http, TenderExport export, CancellationToken cancellationToken) =>
            Downloads.RunAsync(http, async user => Results.File(
                await export.XlsxAsync(user, ReadQuery(http.Request.Query), cancellationToken),
                WorkbookFile.ContentType,
                "tenders.xlsx")));
    }

    /// <summary>Reads the list filters from <c>?group=…&amp;status=Planned&amp;productGroup=…&amp;year=2027</c>.</summary>
    public static TenderQuery ReadQuery(IQueryCollection query) => new(
        Guid.TryParse(query["group"], out var group) ? group : null,
        Enum.TryParse<TenderStatus>(query["status"], ignoreCase: true, out var status) ? status : null,
        Guid.TryParse(query["productGroup"], out var productGroup) ? productGroup : null,
        int.TryParse(query["year"], System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null);

    public static string ToQueryString(TenderQuery query)
    {
        var parts = new List<string>();
        if (query.BuyerGroupId is { } group)
        {
            parts.Add($"group={group}");
        }

        if (query.Status is { } status)
        {
            parts.Add($"status={status}");
        }

        if (query.ProductGroupId is { } productGroup)
        {
            parts.Add($"productGroup={productGroup}");
        }

        if (query.Year is { } year)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"year={year}"));
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
