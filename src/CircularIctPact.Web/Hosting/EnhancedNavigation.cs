namespace CircularIctPact.Web.Hosting;

/// <summary>Tells a full page load from a page that Blazor's enhanced navigation fetches and patches in.</summary>
internal static class EnhancedNavigation
{
    /// <summary>True when blazor.web.js asked for this page while the person moves within the portal.</summary>
    public static bool IsEnhancedNavigation(this HttpRequest request) =>
        request.Headers.Accept.Any(accept => accept?.Contains("blazor-enhanced-nav=on", StringComparison.Ordinal) == true);
}
