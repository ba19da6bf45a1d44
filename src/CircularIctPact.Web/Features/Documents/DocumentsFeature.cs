using System.Collections.Frozen;
using CircularIctPact.Domain.Documents;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.Net.Http.Headers;

namespace CircularIctPact.Web.Features.Documents;

/// <summary>Document upload checking and the download endpoint.</summary>
public sealed class DocumentsFeature : IPortalFeature
{
    private static readonly FrozenSet<string> ServableTypes = new[]
    {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "image/png",
        "image/jpeg",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Who may download a document is decided from what refers to it, so the route itself is open.</summary>
    public IReadOnlyList<RouteAudience> Routes { get; } = [RouteAudience.Get("/documents/{id:guid}", PortalAudience.Anyone)];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
        [PersonalDataRegistration.By<DocumentsPersonalData>().Covers<StoredDocument>(document => document.UploadedByUserId)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<DocumentUploads>().AddScoped<DocumentDownloads>();

    /// <summary>Maps <c>GET /documents/{id}</c>: always an attachment, never rendered by the browser.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(
            "/documents/{id:guid}",
            async (Guid id, HttpContext context, DocumentDownloads downloads, CancellationToken cancellationToken) =>
            {
                var (result, file) = await downloads.GetAsync(id, context.User, cancellationToken);
                switch (result)
                {
                    case DocumentAccessResult.NotFound:
                        return Results.NotFound();
                    case DocumentAccessResult.SignInRequired:
                        return Results.Challenge();
                    case DocumentAccessResult.Forbidden:
                        return Results.Forbid();
                }

                var headers = context.Response.Headers;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
                headers[HeaderNames.CacheControl] = file!.IsPublic ? "public, max-age=300" : "private, no-store";
                var contentType = ServableTypes.Contains(file.ContentType) ? file.ContentType : "application/octet-stream";
                return Results.File(file.Content, contentType, fileDownloadName: file.FileName);
            });
    }
}
