using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CircularIctPact.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.JSInterop;
using Microsoft.Net.Http.Headers;
using MudBlazor;
using MudBlazor.Services;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// MudBlazor's theme (CSS variables, scrollbar, typography) as two stylesheets, light and dark, rendered once from
/// <see cref="PortalTheme"/> when the portal starts and served from an address that names their version. A
/// MudThemeProvider in the layout would write the same 12 KB style block into every page, which made it the costliest
/// part of rendering a page; as a stylesheet the browser fetches it once.
/// </summary>
public sealed partial class PortalThemeStylesheets
{
    private readonly EncodedStylesheet _light;
    private readonly EncodedStylesheet _dark;

    private PortalThemeStylesheets(string light, string dark)
    {
        Light = light;
        Dark = dark;
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(light + dark)).AsSpan(0, 8));
        _light = new EncodedStylesheet(light);
        _dark = new EncodedStylesheet(dark);
    }

    public string Light { get; }

    public string Dark { get; }

    /// <summary>A hash of both stylesheets: it changes when the theme does, so the sheets can be kept by browsers for a year.</summary>
    public string Version { get; }

    public string Href(bool dark) => $"theme/{(dark ? "dark" : "light")}.css?v={Version}";

    /// <summary>The stylesheet named by the address <see cref="Href"/> gives (light or dark); null for any other name.</summary>
    public EncodedStylesheet? For(string mode) => mode switch
    {
        "light" => _light,
        "dark" => _dark,
        _ => null,
    };

    /// <summary>Renders MudThemeProvider for <see cref="PortalTheme"/> in both modes and keeps the contents of its style blocks.</summary>
    public static async Task<PortalThemeStylesheets> RenderAsync()
    {
        var services =
            new ServiceCollection().AddLogging().AddMudServices().AddSingleton<IJSRuntime, NoJavaScript>().BuildServiceProvider();
        await using (services)
        {
            await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
            return new PortalThemeStylesheets(await RenderAsync(renderer, dark: false), await RenderAsync(renderer, dark: true));
        }
    }

    private static Task<string> RenderAsync(HtmlRenderer renderer, bool dark) =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The same stylesheets (and so the same version) on every instance, whatever the machine's locale.
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = PortalTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            });
            var html = (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
            var blocks = StyleBlock().Matches(html).Select(match => match.Groups["css"].Value.Trim()).ToList();
            if (blocks.Count == 0)
            {
                throw new InvalidOperationException("MudThemeProvider rendered no style block; the theme stylesheets cannot be built.");
            }

            return string.Join('\n', blocks) + '\n';
        });

    /// <summary>
    /// MudThemeProvider asks for a JavaScript runtime, which it does not use when rendered to HTML; on disposal it tries to
    /// stop watching the system's dark mode, and ignores a browser that has gone, as there is none here.
    /// </summary>
    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new JSDisconnectedException("The theme stylesheets are rendered without a browser.");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }

    [GeneratedRegex("<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex StyleBlock();
}

/// <summary>
/// A theme stylesheet as UTF-8 and compressed with Brotli and gzip once, when the portal starts, like the static assets the
/// build compresses: each request only picks the encoding the browser accepts.
/// </summary>
public sealed class EncodedStylesheet
{
    private readonly byte[] _identity;
    private readonly byte[] _brotli;
    private readonly byte[] _gzip;

    public EncodedStylesheet(string css)
    {
        _identity = Encoding.UTF8.GetBytes(css);
        _brotli = Compress(_identity, output => new BrotliStream(output, CompressionLevel.SmallestSize));
        _gzip = Compress(_identity, output => new GZipStream(output, CompressionLevel.SmallestSize));
    }

    /// <summary>The best encoding <paramref name="request"/> accepts ("br", "gzip", or null for none) and its bytes.</summary>
    public (string? Encoding, byte[] Content) For(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        if (Accepts(accepted, "br"))
        {
            return ("br", _brotli);
        }

        return Accepts(accepted, "gzip") ? ("gzip", _gzip) : (null, _identity);
    }

    /// <summary>A coding named with a quality above zero, or not named while "*" is.</summary>
    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string coding)
    {
        var named = accepted.FirstOrDefault(value => value.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
            ?? accepted.FirstOrDefault(value => value.Value.Equals("*", StringComparison.Ordinal));
        return named is not null && named.Quality is not 0;
    }

    private static byte[] Compress(byte[] content, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
        {
            compressing.Write(content);
        }

        return output.ToArray();
    }
}

internal static class PortalThemeStylesheetEndpoints
{
    /// <summary>
    /// GET /theme/light.css and /theme/dark.css, compressed when the browser accepts it; kept for a year when asked for by
    /// their current version.
    /// </summary>
    public static void MapPortalThemeStylesheets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(
            "/theme/{mode}.css",
            Results<FileContentHttpResult, NotFound> (string mode, string? v, PortalThemeStylesheets sheets, HttpContext http) =>
            {
                if (sheets.For(mode) is not { } stylesheet)
                {
                    return TypedResults.NotFound();
                }

                var (encoding, content) = stylesheet.For(http.Request);
                http.Response.Headers.CacheControl = v == sheets.Version ? "public, max-age=31536000, immutable" : "no-cache";
                http.Response.Headers.Vary = HeaderNames.AcceptEncoding;
                if (encoding is not null)
                {
                    http.Response.Headers.ContentEncoding = encoding;
                }

                return TypedResults.Bytes(content, "text/css; charset=utf-8");
            })
            .ExcludeFromDescription();
}
