using System.Text.RegularExpressions;
using CircularIctPact.Web.Hosting;

namespace CircularIctPact.IntegrationTests.Architecture;

/// <summary>
/// Source lines stay within 140 characters (max_line_length in .editorconfig), so that code reads without scrolling and
/// side by side in a review. Generated migrations are left out, and so is a Razor line that holds nothing but one
/// localizer lookup (<c>@L["…"]</c>, a feature's <c>@MemberTexts["…"]</c>, a sentence's <c>Format='@L["…"]'</c>, or such a
/// key with its arguments on the next lines): resource keys are whole English sentences.
/// </summary>
public sealed partial class LineLengthTests
{
    private const int MaxLineLength = 140;

    private static readonly string[] Roots = ["src", "tests", "bench"];

    private static readonly string[] SkippedFolders = ["bin", "obj", "Migrations"];

    [Fact]
    public void No_source_line_is_longer_than_140_characters()
    {
        var root = RepositoryRoot();
        var offenders = Roots
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
            .Where(file => !Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains))
            .SelectMany(file => LongLines(root, file))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0,
            $"{offenders.Count} lines are longer than {MaxLineLength} characters; wrap them (argument lists one per line, "
            + "call chains before the dot, markup attributes one per line):"
            + string.Concat(offenders.Select(offender => Environment.NewLine + "  " + offender)));
    }

    private static IEnumerable<string> LongLines(string root, string file)
    {
        var razor = file.EndsWith(".razor", StringComparison.Ordinal);
        var lines = File.ReadAllLines(file);
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.Length > MaxLineLength && !(razor && LocalizerLookupOnly().IsMatch(line)))
            {
                yield return $"{Path.GetRelativePath(root, file)}:{index + 1} ({line.Length})";
            }
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, PortalPaths.SolutionFileName)))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("The tests do not run inside the repository.");
        }

        return directory.FullName;
    }

    // The lookup alone (also as a LocalizedSentence's Format='…'), or its key alone with the arguments on the next lines;
    // the key may hold escaped quotes (\"), as InterfaceTextCoverageTests reads it.
    [GeneratedRegex("""^\s*(?:Format=')?@[A-Z][A-Za-z]*\["(?:[^"\\]|\\.)*"(?:\]'?>?|,)\s*$""")]
    private static partial Regex LocalizerLookupOnly();
}
