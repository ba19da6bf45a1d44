using CircularIctPact.Domain.Common;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.Audit;

/// <summary>The audit log viewer and its export; every feature writes to the trail through <see cref="AuditTrail"/>.</summary>
public sealed class AuditFeature : IPortalFeature
{

    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/audit", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Get("/audit/export.csv", PortalAudience.CoordinatorOrSecretariat),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new(NavigationSection.Work, 110, "Audit log", "audit", Icons.Material.Outlined.History, PortalAudience.Coordinator),
        new(
            NavigationSection.Secretariat,
            140,
            "Audit log (all groups)",
            "audit",
            Icons.Material.Outlined.History,
            PortalAudience.Secretariat),
    ];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<AuditPersonalData>()
            .Covers<AuditEntry>(entry => entry.ActorUserId)
            .Covers<AuditEntry>(entry => entry.ActorName),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<AuditLog>();

    /// <summary>The CSV export; the policy is the outer layer, the log checks the buyer-group scope again (403 when refused).</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/audit/export.csv", (HttpContext http, AuditLog log, CancellationToken cancellationToken) =>
                Downloads.RunAsync(http, async user => Results.File(
                    await log.ExportCsvAsync(user, ReadAuditQuery(http.Request.Query), cancellationToken),
                    CsvFile.ContentType,
                    "audit-log.csv")))
            .RequireAuthorization(PortalPolicies.CoordinatorOrSecretariat);

    public static AuditQuery ReadAuditQuery(IQueryCollection query) => new()
    {
        BuyerGroupId = Guid.TryParse(query["group"], out var group) ? group : null,
        EntityType = query["type"],
        Action = query["action"],
        Actor = query["actor"],
        From = DateOnly.TryParseExact(
            query["from"],
            "yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None,
            out var from)
            ? from
            : null,
        To = DateOnly.TryParseExact(
            query["to"],
            "yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None,
            out var to)
            ? to
            : null,
        Text = query["text"],
    };

    public static string ToQueryString(AuditQuery query)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("group", query.BuyerGroupId?.ToString());
        Add("type", query.EntityType);
        Add("action", query.Action);
        Add("actor", query.Actor);
        Add("from", query.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", query.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("text", query.Text);
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
