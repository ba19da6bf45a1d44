using System.Text.RegularExpressions;
using System.Xml.Linq;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.ComponentTests;

/// <summary>
/// Every message a domain rule or a web service raises, and the label of every declared form field, is in
/// Resources/DomainMessages and its Dutch, French and German files, so a broken rule reads in the person's language.
/// </summary>
public sealed partial class DomainMessageCoverageTests
{
    private static readonly string[] Languages = ["", ".nl", ".fr", ".de"];

    private static readonly string[] DefaultMessages =
        [ForbiddenException.DefaultMessage, NotFoundException.DefaultMessage, ConcurrencyConflictException.DefaultMessage];

    [Fact]
    public void Every_domain_and_service_message_is_translated()
    {
        var formats = SourceFiles().SelectMany(file => MessageFormats().Matches(File.ReadAllText(file))
                .Select(match => (File: Path.GetFileName(file), Format: Regex.Unescape(
                    string.Concat(match.Groups["format"].Captures.Select(c => c.Value))))))
            .ToList();
        Assert.True(formats.Count > 250, $"Only {formats.Count} message formats found; has the way rules raise messages changed?");

        var problems = Missing(formats.Select(f => (f.File, Key: f.Format)), "message");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_refusal_and_missing_record_message_is_translated()
    {
        var formats = SourceFiles(web: true).SelectMany(file => RefusalFormats().Matches(File.ReadAllText(file))
                .Select(match => (File: Path.GetFileName(file), Key: Regex.Unescape(
                    string.Concat(match.Groups["format"].Captures.Select(c => c.Value))))))
            .Concat(DefaultMessages.Select(message => (File: "PortalErrors.cs", Key: message)))
            .ToList();
        Assert.True(formats.Count > 90, $"Only {formats.Count} refusal formats found; has the way pages are refused changed?");

        var problems = Missing(formats, "message");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    // A message built at run time (interpolated, chosen by a condition, passed in as text) has no stable key, so it could not be
    // translated; a message worded elsewhere comes in as a RuleViolation, whose format the first test finds.
    [Fact]
    public void Refusals_and_missing_records_are_raised_with_a_literal_format()
    {
        var problems = SourceFiles(web: true)
            .SelectMany(file =>
            {
                var text = File.ReadAllText(file);
                return RefusalArguments().Matches(text)
                    .Select(match => match.Groups["argument"].Value)
                    .Where(argument => !argument.StartsWith('"') && argument.Length > 0
                        && !Regex.IsMatch(text, $@"\bRuleViolation\s+{Regex.Escape(argument)}\b"))
                    .Select(argument => $"{Path.GetFileName(file)}: '{argument}' is neither a literal format nor a RuleViolation");
            })
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_declared_form_field_has_a_label()
    {
        var fields = SourceFiles().SelectMany(file => DeclaredFields().Matches(File.ReadAllText(file))
                .Select(match => (File: Path.GetFileName(file), Key: LabelKey(match))))
            .ToList();
        Assert.True(fields.Count > 150, $"Only {fields.Count} form fields found; has the way fields are declared changed?");

        var problems = Missing(fields, "field label");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    // A field in a list or group (Award.AwardedOn) is labelled by its last part, as DomainMessageText does.
    private static string LabelKey(Match match)
    {
        var key = match.Groups["key"].Success ? match.Groups["key"].Value : match.Groups["property"].Value;
        return key[(key.LastIndexOf('.') + 1)..];
    }

    private static List<string> Missing(IEnumerable<(string File, string Key)> used, string what)
    {
        var folder = Path.Combine(SourceRoot(), "CircularIctPact.Web", "Resources");
        var problems = new List<string>();
        foreach (var language in Languages)
        {
            var keys = XDocument.Load(Path.Combine(folder, $"DomainMessages{language}.resx"))
                .Root!.Elements("data").Select(data => (string)data.Attribute("name")!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            problems.AddRange(used.Where(u => !keys.Contains(u.Key)).Distinct()
                .Select(u => $"{u.File}: {what} '{u.Key}' is missing from DomainMessages{language}.resx"));
        }

        return problems;
    }

    /// <summary>The C# files of the domain and the web project; with <paramref name="web"/>, the web project's C# and Razor.</summary>
    private static IEnumerable<string> SourceFiles(bool web = false) =>
        (web ? ["CircularIctPact.Web"] : new[] { "CircularIctPact.Domain", "CircularIctPact.Web" })
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(SourceRoot(), project), "*.*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || (web && file.EndsWith(".razor", StringComparison.Ordinal)))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string SourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src");
            if (Directory.Exists(Path.Combine(candidate, "CircularIctPact.Domain")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src not found above the test output folder.");
    }

    // The format of `new DomainException(…)`, `new RuleViolation(…)` and `rules.Report(…)` after the field if any; long ones are
    // literals joined with +.
    [GeneratedRegex(
        """(?:new DomainException|new RuleViolation|\.Report)\(\s*"""
        + """(?:[^;"]*?,\s*)?"(?<format>(?:[^"\\]|\\.)*)"(?:\s*\+\s*"(?<format>(?:[^"\\]|\\.)*)")*""")]
    private static partial Regex MessageFormats();

    // The format of `new ForbiddenException(…)`, `new NotFoundException(…)` and `new ConcurrencyConflictException(…)`.
    [GeneratedRegex(
        """new (?:Common\.)?(?:Forbidden|NotFound|ConcurrencyConflict)Exception\(\s*"(?<format>"""
        + """(?:[^"\\]|\\.)*)"(?:\s*\+\s*"(?<format>(?:[^"\\]|\\.)*)")*""")]
    private static partial Regex RefusalFormats();

    // What a refusal or a missing record is raised with: a literal, a variable, or an expression (its first word).
    [GeneratedRegex("""new (?:Common\.)?(?:Forbidden|NotFound)Exception\(\s*(?<argument>"|[^\s,)"]*)""")]
    private static partial Regex RefusalArguments();

    [GeneratedRegex("""static readonly FormField \w+\s*=\s*new\((?:"(?<key>(?:[^"\\]|\\.)*)"|nameof\((?:\w+\.)*(?<property>\w+)\))\)""")]
    private static partial Regex DeclaredFields();
}
