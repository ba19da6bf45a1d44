using System.Collections.Frozen;
using Microsoft.Net.Http.Headers;

namespace CircularIctPact.Web.Features.Documents;

/// <summary>Registers document upload checking and the download endpoint.</summary>
public static class DocumentsFeature
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

    public static IServiceCollection AddDocumentsFeature(this IServiceCollection services) =>
        services.AddSingleton<DocumentUploads>().AddScoped<DocumentDownloads>();

    /// <summary>Maps <c>GET /documents/{id}</c>: always an attachment, never rendered by the browser.</summary>
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/documents/{id:guid}", async (Guid id, HttpContext context, DocumentDownloads downloads, CancellationToken cancellationToken) =>
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
        return endpoints;
    }
}
