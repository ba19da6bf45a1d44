namespace CircularIctPact.Web.Features.Common;

/// <summary>Guards return addresses posted by forms, so a redirect never leaves the portal.</summary>
public static class LocalUrls
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
            && url.StartsWith('/')
            && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal);
}
