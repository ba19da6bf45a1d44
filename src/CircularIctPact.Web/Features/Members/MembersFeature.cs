using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.Members;

/// <summary>Member management: a procurer's own organisation, the member list, edits, import and export.</summary>
public sealed class MembersFeature : IPortalFeature
{

    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/my-organisation", PortalAudience.Procurer),
        RouteAudience.Page("/members", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Page("/members/new", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Page("/members/{Id:guid}", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Page("/members/import", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Get("/members/import/template.csv", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Get("/members/import/{id:guid}/refused-rows.csv", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Get("/members/export.csv", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Get("/members/export.xlsx", PortalAudience.CoordinatorOrSecretariat),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new(NavigationSection.Work, 10, "My organisation", "my-organisation", Icons.Material.Outlined.Business, PortalAudience.Procurer),
        new(NavigationSection.Work, 60, "Member organisations", "members", Icons.Material.Outlined.Groups, PortalAudience.Coordinator),
        new(
            NavigationSection.Secretariat,
            40,
            "All member organisations",
            "members",
            Icons.Material.Outlined.Groups,
            PortalAudience.Secretariat),
    ];

    /// <summary>Contacts of member organisations, and of signatories, found by the person's address.</summary>
    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<ContactPersonalData>()
            .Covers<MemberContact>(contact => contact.Name)
            .Covers<MemberContact>(contact => contact.Email)
            .Covers<Signatory>(signatory => signatory.ContactName)
            .Covers<Signatory>(signatory => signatory.ContactEmail),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MyOrganisationQuery>();
        services.AddScoped<MemberDirectory>();
        services.AddScoped<MemberEditor>();
        services.AddScoped<MemberImport>();
        services.AddScoped<MemberExport>();
        services.AddMemoryCache();
        services.AddSingleton<RefusedRowsFiles>();
    }

    /// <summary>
    /// Download endpoints for the interactive pages. The policy is the outer layer; the services check
    /// the buyer-group scope again and a refusal answers 403.
    /// </summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var members = endpoints.MapGroup("/members").RequireAuthorization(PortalPolicies.CoordinatorOrSecretariat);
        members.MapGet("/export.csv", (HttpContext http, MemberExport export, CancellationToken cancellationToken) =>
            Downloads.RunAsync(http, async user => Results.File(
                await export.CsvAsync(user, ReadMemberQuery(http.Request.Query), cancellationToken),
                CsvFile.ContentType,
                "members.csv")));
        members.MapGet("/export.xlsx", (HttpContext http, MemberExport export, CancellationToken cancellationToken) =>
            Downloads.RunAsync(http, async user => Results.File(
                await export.XlsxAsync(user, ReadMemberQuery(http.Request.Query), cancellationToken),
                WorkbookFile.ContentType,
                "members.xlsx")));
        members.MapGet(
            "/import/template.csv",
            () => Results.File(MemberImport.TemplateCsv(), CsvFile.ContentType, "member-import-template.csv"));
        members.MapGet("/import/{id:guid}/refused-rows.csv", (Guid id, HttpContext http, RefusedRowsFiles files) =>
            Downloads.RunAsync(http, user => Task.FromResult(Results.File(files.Read(user, id), CsvFile.ContentType, "refused-rows.csv"))));
    }

    /// <summary>
    /// Reads the grid's filters from a query string such as <c>?group=…&amp;search=…&amp;status=Active&amp;sort=Country&amp;desc=true</c>.
    /// </summary>
    public static MemberQuery ReadMemberQuery(IQueryCollection query) => new()
    {
        BuyerGroupId = Guid.TryParse(query["group"], out var group) ? group : null,
        Search = query["search"],
        Status = Enum.TryParse<MembershipStatus>(query["status"], ignoreCase: true, out var status) ? status : null,
        Sector = Enum.TryParse<Sector>(query["sector"], ignoreCase: true, out var sector) ? sector : null,
        Tier = query["tier"],
        Country = query["country"],
        SortBy = Enum.TryParse<MemberSortColumn>(query["sort"], ignoreCase: true, out var sort) ? sort : MemberSortColumn.LegalName,
        Descending = bool.TryParse(query["desc"], out var descending) && descending,
    };

    /// <summary>The query string <see cref="ReadMemberQuery"/> reads back.</summary>
    public static string ToQueryString(MemberQuery query)
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
        Add("search", query.Search);
        Add("status", query.Status?.ToString());
        Add("sector", query.Sector?.ToString());
        Add("tier", query.Tier);
        Add("country", query.Country);
        Add("sort", query.SortBy.ToString());
        Add("desc", query.Descending ? "true" : null);
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
