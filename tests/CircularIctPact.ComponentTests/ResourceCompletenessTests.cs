using System.Xml.Linq;

namespace CircularIctPact.ComponentTests;

public sealed class ResourceCompletenessTests
{
    private static readonly string[] Translations = ["nl", "fr", "de"];

    [Fact]
    public void Every_interface_text_exists_in_dutch_french_and_german()
    {
        var folder = ResourcesFolder();
        var sources = Directory.EnumerateFiles(folder, "*.resx", SearchOption.AllDirectories)
            .Where(file => !Translations.Any(language => file.EndsWith($".{language}.resx", StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(sources, file => Path.GetFileName(file) == "SharedResource.resx");

        var problems = new List<string>();
        foreach (var sourceFile in sources)
        {
            var name = Path.GetRelativePath(folder, sourceFile);
            var source = Keys(sourceFile);
            foreach (var language in Translations)
            {
                var translatedFile = Path.ChangeExtension(sourceFile, $".{language}.resx");
                if (!File.Exists(translatedFile))
                {
                    problems.Add($"{name}: no {language} file");
                    continue;
                }

                var translated = Keys(translatedFile);
                problems.AddRange(source.Keys.Except(translated.Keys).Select(key => $"{name} {language}: missing '{key}'"));
                problems.AddRange(
                    translated.Keys.Except(source.Keys).Select(key => $"{name} {language}: '{key}' is not in the English source"));
                problems.AddRange(translated.Where(pair => string.IsNullOrWhiteSpace(pair.Value))
                    .Select(pair => $"{name} {language}: '{pair.Key}' is empty"));
                problems.AddRange(translated
                    .Where(pair => source.TryGetValue(pair.Key, out var english) && Placeholders(english) != Placeholders(pair.Value))
                    .Select(pair => $"{name} {language}: '{pair.Key}' has other {{n}} placeholders than the English text"));
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string Placeholders(string text) =>
        string.Join(',', System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal));

    private static Dictionary<string, string> Keys(string file) =>
        XDocument.Load(file)
            .Root!.Elements("data")
            .ToDictionary(
                data => (string)data.Attribute("name")!,
                data => (string?)data.Element("value") ?? string.Empty,
                StringComparer.Ordinal);

    private static string ResourcesFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "CircularIctPact.Web", "Resources");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/CircularIctPact.Web/Resources not found above the test output folder.");
    }
}
