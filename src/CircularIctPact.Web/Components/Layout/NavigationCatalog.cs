using System.Security.Claims;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;

namespace CircularIctPact.Web.Components.Layout;

/// <summary>
/// The main menu as the features declare it (<see cref="IPortalFeature.Navigation"/>), with the audience allowed to
/// see each entry. Pages enforce access themselves.
/// </summary>
public static class NavigationCatalog
{
    public static IReadOnlyList<NavigationEntry> Entries => PortalFeatures.Navigation;

    /// <summary>The path of a base-relative address, without its query string or fragment.</summary>
    public static string PathOf(string baseRelativeUri)
    {
        var end = baseRelativeUri.IndexOfAny(['?', '#']);
        return end < 0 ? baseRelativeUri : baseRelativeUri[..end];
    }

    /// <summary>
    /// The aria-current of an entry on the page at <paramref name="currentPath"/>: "page" on its own page, "true" on the
    /// pages below it (as a NavLink matching by prefix marks them; home only on the home page), null elsewhere.
    /// </summary>
    public static string? AriaCurrent(string href, string currentPath) =>
        currentPath.Equals(href, StringComparison.OrdinalIgnoreCase) ? "page"
        : href.Length > 0 && currentPath.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase) ? "true"
        : null;

    public static bool IsVisibleTo(this NavigationEntry entry, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Audience.Admits(user);
    }
}
