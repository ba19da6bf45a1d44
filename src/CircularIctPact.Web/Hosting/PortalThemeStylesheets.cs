using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CircularIctPact.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.JSInterop;
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
    private PortalThemeStylesheets(string light, string dark)
    {
        Light = light;
        Dark = dark;
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(light + dark)).AsSpan(0, 8));
    }

    public string Light { get; }

    public string Dark { get; }

    /// <summary>A hash of both stylesheets: it changes when the theme does, so the sheets can be kept by browsers for a year.</summary>
    public string Version { get; }

    public string Href(bool dark) => $"theme/{(dark ? "dark" : "light")}.css?v={Version}";

    /// <summary>The stylesheet named by the address <see cref="Href"/> gives (light or dark); null for any other name.</summary>
    public string? For(string mode) => mode switch
    {
        "light" => Light,
        "dark" => Dark,
        _ => null,
    };

    /// <summary>Renders MudThemeProvider for <see cref="PortalTheme"/> in both modes and keeps the contents of its style blocks.</summary>
    public static async Task<PortalThemeStylesheets> RenderAsync()
    {
        var services = new ServiceCollection().AddLogging().AddMudServices().AddSingleton<IJSRuntime, NoJavaScript>().BuildServiceProvider();
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

internal static class PortalThemeStylesheetEndpoints
{
    /// <summary>GET /theme/light.css and /theme/dark.css; kept for a year when asked for by their current version.</summary>
    public static void MapPortalThemeStylesheets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/theme/{mode}.css", Results<ContentHttpResult, NotFound> (string mode, string? v, PortalThemeStylesheets sheets, HttpContext http) =>
        {
            if (sheets.For(mode) is not { } css)
            {
                return TypedResults.NotFound();
            }

            http.Response.Headers.CacheControl = v == sheets.Version ? "public, max-age=31536000, immutable" : "no-cache";
            return TypedResults.Text(css, "text/css", Encoding.UTF8);
        }).ExcludeFromDescription();
}
