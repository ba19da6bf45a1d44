namespace CircularIctPact.Web.Features.Common;

/// <summary>The parts of the main menu, in the order they are shown.</summary>
public enum NavigationSection
{
    Pact,
    Work,
    Secretariat,
}

/// <summary>
/// One entry of the main menu. <paramref name="Position"/> orders the entries of a section across features;
/// <paramref name="Audience"/> says who sees the entry and is never wider than the page's own audience.
/// </summary>
/// <param name="Title">The English text, also the resource key.</param>
/// <param name="Href">The base-relative address of the page.</param>
/// <param name="Icon">The SVG path of a Material icon.</param>
public sealed record NavigationEntry(
    NavigationSection Section,
    int Position,
    string Title,
    string Href,
    string Icon,
    PortalAudience Audience);

public static class NavigationSections
{
    /// <summary>The English heading of a section, also the resource key.</summary>
    public static string Title(this NavigationSection section) => section switch
    {
        NavigationSection.Pact => "The pact",
        NavigationSection.Work => "My work",
        NavigationSection.Secretariat => "Secretariat",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };
}
