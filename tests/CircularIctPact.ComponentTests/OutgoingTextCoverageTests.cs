using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CircularIctPact.ComponentTests;

/// <summary>
/// Every sentence the portal sends out (mails, notification titles, export headings) is an outgoing or shared interface
/// text, so the completeness test then guarantees its Dutch, French and German versions.
/// </summary>
public sealed partial class OutgoingTextCoverageTests
{
    [Fact]
    public void Every_outgoing_text_is_in_the_outgoing_or_shared_resources()
    {
        var web = WebProjectFolder();
        var known = Keys(web, "OutgoingText.resx").Concat(Keys(web, "SharedResource.resx")).ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => OutgoingFormats().Matches(File.ReadAllText(file)).Select(match => (
                File: Path.GetFileName(file),
                Key: Regex.Unescape(string.Concat(match.Groups["format"].Captures.Select(c => c.Value))))))
            .ToList();
        Assert.True(used.Count > 60, $"Only {used.Count} outgoing texts found; has the way mails are composed changed?");

        var missing = used.Where(use => !known.Contains(use.Key)).Select(use => $"{use.File}: '{use.Key}'").Distinct().ToList();

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    private static IEnumerable<string> Keys(string web, string file) =>
        XDocument.Load(Path.Combine(web, "Resources", file)).Root!.Elements("data").Select(data => (string)data.Attribute("name")!);

    [GeneratedRegex(
        """(?:new OutgoingText|MailPart\.Text|MailPart\.Linked|OutgoingText\.In\(\w+,)\(?\s*["]"""
        + """(?<format>(?:[^"\\]|\\.)*)["](?:\s*\+\s*["](?<format>(?:[^"\\]|\\.)*)["])*""")]
    private static partial Regex OutgoingFormats();

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
