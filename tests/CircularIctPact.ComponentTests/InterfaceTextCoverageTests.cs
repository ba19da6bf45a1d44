using System.Text.RegularExpressions;
using System.Xml.Linq;
using CircularIctPact.Web.Components.Layout;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.ComponentTests;

/// <summary>
/// Every literal text a page or component asks the shared localizer for has an entry in the shared
/// resource set, so the completeness test then guarantees its Dutch, French and German versions.
/// </summary>
public sealed partial class InterfaceTextCoverageTests
{
    [Fact]
    public void Every_text_the_pages_ask_the_shared_localizer_for_is_in_the_shared_resources()
    {
        var web = WebProjectFolder();
        var known = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.resx"))
            .Root!.Elements("data").Select(data => (string)data.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var missing = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".razor", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => SharedLocalizerKey().Matches(File.ReadAllText(file))
                .Select(match => (
                    File: Path.GetRelativePath(web, file),
                    Key: match.Groups["key"].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .Where(use => !known.Contains(use.Key))
            .Select(use => $"{use.File}: '{use.Key}'")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Every_navigation_entry_and_section_is_in_the_shared_resources()
    {
        var known = XDocument.Load(Path.Combine(WebProjectFolder(), "Resources", "SharedResource.resx"))
            .Root!.Elements("data").Select(data => (string)data.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var missing = NavigationCatalog.Entries.SelectMany(entry => new[] { entry.Title, entry.Section.Title() })
            .Distinct()
            .Where(text => !known.Contains(text));

        Assert.Empty(missing);
    }

    [Fact]
    public void No_two_shared_texts_differ_only_in_case_because_resource_names_ignore_case()
    {
        var names = XDocument.Load(Path.Combine(WebProjectFolder(), "Resources", "SharedResource.resx"))
            .Root!.Elements("data").Select(data => (string)data.Attribute("name")!);

        var clashes = names.GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => string.Join(" / ", group));

        Assert.Empty(clashes);
    }

    [GeneratedRegex("""\bL\["(?<key>(?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex SharedLocalizerKey();

    private static string WebProjectFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "CircularIctPact.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/CircularIctPact.Web not found above the test output folder.");
    }
}
