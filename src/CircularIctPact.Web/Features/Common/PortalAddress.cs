namespace CircularIctPact.Web.Features.Common;

/// <summary>
/// The address people use to reach the portal, for links made where no request tells it: set-up addresses printed by the
/// operator's commands and links in notification mail (digests are sent by a background service). One setting,
/// <see cref="Setting"/>; installations that still set the older <see cref="DeprecatedSetting"/> keep working, because it
/// is read when <see cref="Setting"/> is empty.
/// </summary>
public sealed class PortalAddress(IConfiguration configuration)
{
    public const string Setting = "Portal:PublicBaseUrl";

    /// <summary>The setting notification mail used before <see cref="Setting"/>; deprecated, read only as a fallback.</summary>
    public const string DeprecatedSetting = "Notifications:PortalAddress";

    /// <summary>Where ./scripts/run.sh serves the portal; mail links point there when neither setting is given.</summary>
    public static readonly Uri LocalDefault = new("http://127.0.0.1:5000/");

    /// <summary>The configured address as written, or null when neither setting is given.</summary>
    public string? Configured => NonBlank(configuration[Setting]) ?? NonBlank(configuration[DeprecatedSetting]);

    /// <summary>The base for mail links, ending in '/' so that a path such as /pact is kept when a link is added to it.</summary>
    public Uri ForLinks =>
        Uri.TryCreate(Configured, UriKind.Absolute, out var address) ? WithTrailingSlash(address) : LocalDefault;

    /// <summary>
    /// The base of a link a page mails (a reset code, an invitation): the configured address when there is one, so that a
    /// request's Host header never decides where a link with a one-time code points; otherwise
    /// <paramref name="requestBaseUri"/>, the address the page was reached at (development and tests).
    /// </summary>
    public string LinkBaseFor(string requestBaseUri) =>
        Uri.TryCreate(Configured, UriKind.Absolute, out var address) ? WithTrailingSlash(address).AbsoluteUri : requestBaseUri;

    /// <summary>The absolute address of <paramref name="relativePath"/> under <see cref="LinkBaseFor"/>.</summary>
    public string LinkFor(string requestBaseUri, string relativePath) =>
        new Uri(new Uri(LinkBaseFor(requestBaseUri)), relativePath).AbsoluteUri;

    public static Uri WithTrailingSlash(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AbsolutePath.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
