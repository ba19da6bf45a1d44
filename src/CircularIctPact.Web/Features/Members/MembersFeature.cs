using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Web.Features.Audit;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Members;

/// <summary>Registers and maps member management: the member list, edits, import, export and the audit log viewer.</summary>
public static class MembersFeature
{
    private const string CsvType = "text/csv; charset=utf-8";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddMembersFeature(this IServiceCollection services)
    {
        services.AddScoped<MemberDirectory>();
        services.AddScoped<MemberEditor>();
        services.AddScoped<MemberImport>();
        services.AddScoped<MemberExport>();
        services.AddScoped<AuditLog>();
        return services;
    }

    /// <summary>
    /// Download endpoints for the interactive pages. The policy is the outer layer; the services check
    /// the buyer-group scope again and a refusal answers 403.
    /// </summary>
    public static IEndpointRouteBuilder MapMemberEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var members = endpoints.MapGroup("/members").RequireAuthorization(PortalPolicies.CoordinatorOrSecretariat);
        members.MapGet("/export.csv", (HttpContext http, MemberExport export, CancellationToken cancellationToken) =>
            Download(http, async user => Results.File(await export.CsvAsync(user, ReadMemberQuery(http.Request.Query), cancellationToken), CsvType, "members.csv")));
        members.MapGet("/export.xlsx", (HttpContext http, MemberExport export, CancellationToken cancellationToken) =>
            Download(http, async user => Results.File(await export.XlsxAsync(user, ReadMemberQuery(http.Request.Query), cancellationToken), XlsxType, "members.xlsx")));
        members.MapGet("/import/template.csv", () => Results.File(MemberImport.TemplateCsv(), CsvType, "member-import-template.csv"));

        endpoints.MapGet("/audit/export.csv", (HttpContext http, AuditLog log, CancellationToken cancellationToken) =>
                Download(http, async user => Results.File(await log.ExportCsvAsync(user, ReadAuditQuery(http.Request.Query), cancellationToken), CsvType, "audit-log.csv")))
            .RequireAuthorization(PortalPolicies.CoordinatorOrSecretariat);
        return endpoints;
    }

    /// <summary>Reads the grid's filters from a query string such as <c>?group=…&amp;search=…&amp;status=Active&amp;sort=Country&amp;desc=true</c>.</summary>
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

    public static AuditQuery ReadAuditQuery(IQueryCollection query) => new()
    {
        BuyerGroupId = Guid.TryParse(query["group"], out var group) ? group : null,
        EntityType = query["type"],
        Action = query["action"],
        Actor = query["actor"],
        From = DateOnly.TryParseExact(query["from"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var from) ? from : null,
        To = DateOnly.TryParseExact(query["to"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var to) ? to : null,
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

    private static async Task<IResult> Download(HttpContext http, Func<ClaimsPrincipal, Task<IResult>> produce)
    {
        try
        {
            return await produce(http.User);
        }
        catch (ForbiddenException error)
        {
            return Results.Problem(error.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (DomainException error)
        {
            return Results.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
