using System.Globalization;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// A procurer's "my tender" shortlist: an ordered list of criterion ids kept in a cookie, so that picking,
/// ordering and exporting work on static pages without sign-in or JavaScript.
/// </summary>
public static class Shortlist
{
    public const string Cookie = "cfit.shortlist";
    public const int MaxItems = 100;

    public static IReadOnlyList<Guid> Read(HttpRequest request)
    {
        var value = request.Cookies[PortalCookies.Of(request.HttpContext).Name(Cookie)];
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }

        var ids = new List<Guid>();
        foreach (var part in value.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Guid.TryParseExact(part, "N", out var id) && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids.Take(MaxItems).ToList();
    }

    public static void Write(HttpResponse response, IEnumerable<Guid> ids)
    {
        var list = ids.Distinct().Take(MaxItems).ToList();
        var cookies = PortalCookies.Of(response.HttpContext);
        var options = cookies.Options(response.HttpContext, SameSiteMode.Lax, TimeSpan.FromDays(90));
        if (list.Count == 0)
        {
            response.Cookies.Delete(cookies.Name(Cookie), options);
            return;
        }

        response.Cookies.Append(
            cookies.Name(Cookie),
            string.Join('.', list.Select(id => id.ToString("N", CultureInfo.InvariantCulture))),
            options);
    }

    /// <summary>Applies one change (add, remove, up, down, clear) to a shortlist and returns the new order.</summary>
    public static List<Guid> Apply(IReadOnlyList<Guid> current, string action, IReadOnlyCollection<Guid> ids)
    {
        var list = current.ToList();
        switch (action)
        {
            case "add":
                list.AddRange(ids.Where(id => !list.Contains(id)));
                break;
            case "remove":
                list.RemoveAll(ids.Contains);
                break;
            case "up":
            case "down":
                foreach (var id in ids)
                {
                    var index = list.IndexOf(id);
                    var target = action == "up" ? index - 1 : index + 1;
                    if (index >= 0 && target >= 0 && target < list.Count)
                    {
                        (list[index], list[target]) = (list[target], list[index]);
                    }
                }

                break;
            case "clear":
                list.Clear();
                break;
        }

        return list.Take(MaxItems).ToList();
    }

    public static IEndpointRouteBuilder MapShortlist(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/criteria/shortlist", (HttpContext context, IFormCollection form) =>
        {
            var parsed = form["ids"].Select(id => Guid.TryParse(id, CultureInfo.InvariantCulture, out var g) ? g : Guid.Empty)
                .Where(g => g != Guid.Empty)
                .ToList();
            var returnUrl = form["returnUrl"].ToString();
            Write(context.Response, Apply(Read(context.Request), form["action"].ToString(), parsed));
            return TypedResults.LocalRedirect(LocalUrls.IsLocal(returnUrl) ? returnUrl! : "~/criteria/shortlist");
        }).ExcludeFromDescription();

        endpoints.MapGet(
            "/criteria/shortlist/export",
            async (HttpContext context, CriteriaCatalogue catalogue, string? format, string? lang, string? title) =>
            {
                var language = CriteriaLanguageChoice.From(lang);
                var items = await catalogue.GetManyAsync(Read(context.Request), language, context.User, context.RequestAborted);
                var document = new ShortlistDocument(string.IsNullOrWhiteSpace(title) ? null : title.Trim(), language, items);
                var stem = string.Create(CultureInfo.InvariantCulture, $"criteria-shortlist-{language.Code()}");
                return format switch
                {
                    "csv" => Results.File(ShortlistExport.ToCsv(document), CsvFile.ContentType, stem + ".csv"),
                    "json" => Results.File(ShortlistExport.ToJson(document), "application/json", stem + ".json"),
                    _ => Results.File(
                        ShortlistExport.ToDocx(document),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        stem + ".docx"),
                };
            })
            .ExcludeFromDescription();
        return endpoints;
    }
}

/// <summary>
/// What an export contains: the procurer's title (without one, the export names itself in its language), the language and the
/// shortlisted criteria in order.
/// </summary>
public sealed record ShortlistDocument(string? Title, CriteriaLanguage Language, IReadOnlyList<ShortlistedCriterion> Items);
