using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using Scalar.AspNetCore;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// The open-data API under <c>/api/v1</c>: product groups, their published versions and the criteria of a
/// version per language. Only published and superseded versions are served, to everyone alike.
/// Responses carry an ETag and are publicly cacheable.
/// </summary>
public static class CriteriaApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly System.Security.Claims.ClaimsPrincipal Nobody = new(new System.Security.Claims.ClaimsIdentity());

    public static IEndpointRouteBuilder MapCriteriaApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();

        // A readable reference of the open-data API for the people who build national criteria tools.
        endpoints.MapScalarApiReference("/api/docs");
        endpoints.MapShortlist();
        SavedShortlists.Map(endpoints);
        endpoints.MapCriteriaExchange();
        var api = endpoints.MapGroup("/api/v1").WithTags("Criteria");

        api.MapGet("/product-groups", ListProductGroupsAsync)
            .WithName("ListProductGroups")
            .WithSummary("Product groups with their latest published criteria version.");
        api.MapGet("/product-groups/{productGroup}/versions", ListVersionsAsync)
            .WithName("ListVersions")
            .WithSummary("Published and superseded versions of a product group's criteria set, newest first.");
        api.MapGet("/criteria", GetCriteriaAsync)
            .WithName("GetCriteria")
            .WithSummary("The criteria of a published version (the latest unless version is given) in one language.");
        return endpoints;
    }

    private static async Task<Results<JsonBody<ApiProductGroup[]>, StatusCodeHttpResult, ProblemHttpResult>> ListProductGroupsAsync(
        CriteriaCatalogue catalogue, HttpContext http, string? lang = null)
    {
        if (!TryLanguage(lang, out var language, out var problem))
        {
            return problem;
        }

        var groups = await catalogue.ListProductGroupsAsync(language, http.RequestAborted);
        return Cached(http, groups.Select(g => new ApiProductGroup(g.Slug, g.Name, g.LatestPublishedVersion)).ToArray());
    }

    private static async Task<Results<JsonBody<ApiVersion[]>, StatusCodeHttpResult, ProblemHttpResult>> ListVersionsAsync(
        string productGroup, CriteriaCatalogue catalogue, HttpContext http)
    {
        var versions = await catalogue.ListVersionsAsync(productGroup, Nobody, http.RequestAborted);
        if (versions is null)
        {
            return UnknownProductGroup(productGroup);
        }

        return Cached(http, versions.Select(v => new ApiVersion(v.Version, v.Status.ToString(), v.PublishedOn, v.CriteriaCount)).ToArray());
    }

    private static async Task<Results<JsonBody<ApiCriteriaSet>, StatusCodeHttpResult, ProblemHttpResult>> GetCriteriaAsync(
        CriteriaCatalogue catalogue, HttpContext http, string? productGroup = null, string? lang = null, string? version = null)
    {
        if (string.IsNullOrWhiteSpace(productGroup))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The productGroup parameter is required.",
                detail: "Ask for a product group by its address name, e.g. productGroup=laptops; /api/v1/product-groups lists them.");
        }

        if (!TryLanguage(lang, out var language, out var problem))
        {
            return problem;
        }

        if (version is not null && !CriteriaVersion.TryParse(version, out _))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The version is not a version number.",
                detail: $"'{version}' is not a version number; write it as major.minor, e.g. 2.0.");
        }

        CatalogueView view;
        try
        {
            // The API is open data: it answers everyone the same, so drafts are never served, whoever asks.
            view = await catalogue.GetAsync(new CatalogueQuery(productGroup, version, language), Nobody, http.RequestAborted);
        }
        catch (NotFoundException notFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: notFound.Message);
        }

        return Cached(http, new ApiCriteriaSet(
            view.ProductGroup.Slug,
            view.Version,
            view.Set.PublishedOn,
            language.Code(),
            view.Criteria.Select(c => new ApiCriterion(
                c.Code,
                c.Theme.ToString(),
                c.AmbitionLevel.ToString(),
                c.Type.ToString(),
                c.Strategy.ToString(),
                c.Content.Title,
                c.Content.Requirement,
                c.Content.Verification,
                c.Content.ContractManagement,
                c.Content.ExplanatoryNote,
                c.Content.MarketReadiness,
                c.References,
                c.IsFallback)).ToArray()));
    }

    private static bool TryLanguage(string? lang, out CriteriaLanguage language, out ProblemHttpResult problem)
    {
        problem = null!;
        if (lang is null)
        {
            language = CriteriaLanguage.En;
            return true;
        }

        if (CriteriaLanguages.TryParse(lang, out language))
        {
            return true;
        }

        problem = TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language.",
            detail: $"'{lang}' is not a criteria language; use en, nl, fr or de.");
        return false;
    }

    private static ProblemHttpResult UnknownProductGroup(string productGroup) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
            detail: $"There is no product group '{productGroup}'; /api/v1/product-groups lists them.");

    /// <summary>
    /// Answers 304 when the client already holds this exact body, otherwise the body with its ETag. The body is serialised
    /// once: the ETag is the hash of the very bytes that are sent.
    /// </summary>
    private static Results<JsonBody<T>, StatusCodeHttpResult, ProblemHttpResult> Cached<T>(HttpContext http, T body)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        var hash = SHA256.HashData(json);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"");
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = "public, max-age=300";
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return new JsonBody<T>(json);
    }
}

/// <summary>
/// A 200 answer with a <typeparamref name="T"/> already serialised to UTF-8 JSON, written as those bytes. It describes
/// itself to the OpenAPI document exactly as <see cref="Ok{TValue}"/> does, so the response still names its schema.
/// </summary>
internal sealed class JsonBody<T>(byte[] utf8Json) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = utf8Json.Length;
        return response.Body.WriteAsync(utf8Json, httpContext.RequestAborted).AsTask();
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        PopulateAs<Ok<T>>(method, builder);

    private static void PopulateAs<TResult>(MethodInfo method, EndpointBuilder builder)
        where TResult : IEndpointMetadataProvider => TResult.PopulateMetadata(method, builder);
}

public sealed record ApiProductGroup(string Slug, string Name, string? LatestPublishedVersion);

public sealed record ApiVersion(string Version, string Status, DateOnly? PublishedOn, int CriteriaCount);

public sealed record ApiCriteriaSet(string ProductGroup, string Version, DateOnly? PublishedOn, string Language, ApiCriterion[] Criteria);

public sealed record ApiCriterion(
    string Code,
    string Theme,
    string AmbitionLevel,
    string Type,
    string Strategy,
    string Title,
    string Requirement,
    string? Verification,
    string? ContractManagement,
    string? ExplanatoryNote,
    string? MarketReadiness,
    string? References,
    bool IsFallback);
