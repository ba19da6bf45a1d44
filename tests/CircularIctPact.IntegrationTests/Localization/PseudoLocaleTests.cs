using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Localization;

/// <summary>
/// Every word the portal itself shows comes from its resources: with every resource string pseudo-translated, each
/// routable page is rendered for anonymous visitors and each role, and every visible run of text (and each title,
/// aria-label, placeholder and alt) must be pseudo-translated, unless it sits in an element marked as content
/// (<c>lang</c> for text in a known language, <c>data-content</c> otherwise; see docs/architecture.md).
/// Pages with route parameters are reached through the links the rendered pages hold, so they show demo data.
/// </summary>
public sealed partial class PseudoLocaleTests(PseudoLocalePortal portal) : IClassFixture<PseudoLocalePortal>
{
    /// <summary>
    /// Text that is known to be shown without a resource, as "route template: text", with every number written # and
    /// every month or day name ~ (the demo data's dates move with the day the portal was seeded). The list may only
    /// shrink: the test fails both on a run of text not listed here and on a listed one that no page shows any more.
    /// </summary>
    private static readonly HashSet<string> KnownFailures = new(StringComparer.Ordinal)
    {
    };

    /// <summary>Pages that no role can be shown with the demo data alone, with why; the list may only shrink.</summary>
    private static readonly Dictionary<string, string> Unreachable = new(StringComparer.Ordinal)
    {
        ["/Account/Manage/RenamePasskey/{Id}"] = "no passkey in the demo data",
        ["/Account/ConfirmEmail"] = "needs a confirmation token from a mail",
        ["/Account/ConfirmEmailChange"] = "needs a confirmation token from a mail",
        ["/Account/ResetPassword"] = "needs a reset token from a mail",
        ["/Account/LoginWith2fa"] = "shown only halfway through a two-factor sign-in",
        ["/Account/LoginWithRecoveryCode"] = "shown only halfway through a two-factor sign-in",
        ["/Account/Manage/SetPassword"] = "only for accounts without a password; every demo account has one",
    };

    // The account pages of the template throw for an account without two-factor sign-in.
    private static readonly HashSet<string> ThrowWithoutTwoFactor = new(StringComparer.Ordinal)
    {
        "/Account/Manage/Disable2fa",
        "/Account/Manage/GenerateRecoveryCodes",
    };

    private static readonly (string Name, string? Email)[] Visitors =
    [
        ("anonymous", null),
        ("procurer", DemoAccounts.Procurer),
        ("coordinator", DemoAccounts.CoordinatorNetherlands),
        ("chair", DemoAccounts.Chair),
        ("stakeholder", DemoAccounts.Stakeholder),
        ("secretariat", DemoAccounts.Admin),
    ];

    private static readonly Uri PortalRoot = new("http://localhost/");

    private static readonly string[] VisibleAttributes = ["title", "aria-label", "placeholder", "alt"];

    private static readonly HashSet<string> InvisibleElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "svg",
    };

    // Dates are written by the formatting culture (en-GB for English), not by the resources.
    private static readonly HashSet<string> DateWords = DateWordsOf(CultureInfo.GetCultureInfo("en-GB"));

    [Fact]
    public async Task Every_page_shows_only_resource_text_for_every_role()
    {
        var templates = RouteTemplates();
        var unlinked = await UnlinkedPagesAsync();
        var findings = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, email) in Visitors)
        {
            using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (email is not null)
            {
                var signIn = await FormSignIn.SignInAsync(client, email, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            }

            foreach (var (template, text) in await VisitAllPagesAsync(client, templates, unlinked, reached))
            {
                var finding = $"{template}: {text}";
                if (!findings.TryGetValue(finding, out var roles))
                {
                    findings[finding] = roles = new SortedSet<string>(StringComparer.Ordinal);
                }

                roles.Add(name);
            }
        }

        var unreached = templates.Where(template => !reached.Contains(template) && !Unreachable.ContainsKey(template)).ToList();
        var nowReached = Unreachable.Keys.Where(reached.Contains).ToList();
        var unexpected = findings.Where(finding => !KnownFailures.Contains(finding.Key))
            .Select(finding => $"[{string.Join(", ", finding.Value)}] {finding.Key}")
            .ToList();
        var gone = KnownFailures.Where(failure => !findings.ContainsKey(failure)).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            unreached.Count == 0 && nowReached.Count == 0 && unexpected.Count == 0 && gone.Count == 0,
            Report("Pages no role reached", unreached)
            + Report("Pages listed as unreachable that a role reached; take them off the list", nowReached)
            + Report("Text shown without a resource ([roles] route: text)", unexpected)
            + Report("Known failures that no longer occur; take them off the list", gone));
    }

    [Fact]
    public void Pseudo_text_keeps_placeholders_markup_and_entities()
    {
        var pseudo = PseudoText.Transform("Shown {0:N0} <a href=\"/x\">link</a> &amp; text");

        Assert.Equal("⟦Šĥóŵñ {0:N0} <a href=\"/x\">ĺíñķ</a> &amp; ţéẋţ⟧", pseudo);
    }

    /// <summary>Visits every page the client can reach, following links to pages with parameters once per page.</summary>
    private async Task<List<(string Template, string Text)>> VisitAllPagesAsync(
        HttpClient client,
        IReadOnlyList<string> templates,
        IEnumerable<(string Template, string Path)> unlinked,
        HashSet<string> reached)
    {
        var findings = new List<(string, string)>();
        // Account pages last: enabling an authenticator renews the account's security stamp.
        var queue = new Queue<(string Template, string Path)>(templates
            .Where(template => !template.Contains('{', StringComparison.Ordinal))
            .OrderBy(template => template.StartsWith("/Account/", StringComparison.Ordinal))
            .Select(template => (template, template))
            .Concat(unlinked));
        var queued = queue.Select(page => page.Template).ToHashSet(StringComparer.Ordinal);
        var withParameters = templates
            .Where(template => template.Contains('{', StringComparison.Ordinal))
            .OrderByDescending(template => template.Split('/').Count(segment => !segment.StartsWith('{')))
            .Select(template => (Template: template, Pattern: PatternOf(template)))
            .ToList();
        var parser = new HtmlParser();
        while (queue.TryDequeue(out var page))
        {
            using var response = await client.GetAsync(page.Path);
            if ((int)response.StatusCode >= 500 && !ThrowWithoutTwoFactor.Contains(page.Template))
            {
                findings.Add((page.Template, $"answers {(int)response.StatusCode} at {page.Path}"));
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK
                || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            reached.Add(page.Template);
            using var document = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            findings.AddRange(UntranslatedTexts(document).Select(text => (page.Template, text)));
            foreach (var href in document.QuerySelectorAll("a[href]").Select(link => link.GetAttribute("href")!))
            {
                // The portal's links are relative to its base address, the root.
                if (!Uri.TryCreate(PortalRoot, href, out var target) || target.Host != PortalRoot.Host)
                {
                    continue;
                }

                var path = Uri.UnescapeDataString(target.AbsolutePath);
                if (queued.Contains(path))
                {
                    continue;
                }

                var match = withParameters.FirstOrDefault(candidate => candidate.Pattern.IsMatch(path));
                if (match.Template is not null && queued.Add(match.Template))
                {
                    queue.Enqueue((match.Template, path));
                }
            }
        }

        return findings;
    }

    /// <summary>Pages with parameters that the rendered pages reach only through scripts, with a demo record to show.</summary>
    private async Task<List<(string Template, string Path)>> UnlinkedPagesAsync()
    {
        await using var db = portal.CreateDbContext();
        var member = await db.MemberOrganisations.AsNoTracking().OrderBy(m => m.LegalName).Select(m => m.Id).FirstAsync();
        var procurer = await db.Users.AsNoTracking().Where(u => u.Email == DemoAccounts.Procurer).Select(u => u.Id).SingleAsync();
        var practice = await db.GoodPracticeCases.AsNoTracking()
            .Where(c => c.AuthorUserId == procurer)
            .OrderBy(c => c.Title)
            .Select(c => c.Id)
            .FirstAsync();
        return
        [
            ("/members/{Id:guid}", $"/members/{member}"),
            ("/good-practices/{Id:guid}/edit", $"/good-practices/{practice}/edit"),
        ];
    }

    private static IEnumerable<string> UntranslatedTexts(IDocument document)
    {
        var texts = new List<string>();
        Collect(document.DocumentElement, isRoot: true, texts, new PseudoDepth());
        return texts.Distinct(StringComparer.Ordinal);
    }

    /// <param name="sentence">
    /// How deep the text nodes so far are inside pseudo brackets: a translated sentence with a link or key inside it
    /// (LocalizedSentence) opens its bracket in the text before the element and closes it in the text after.
    /// </param>
    private static void Collect(INode node, bool isRoot, List<string> texts, PseudoDepth sentence)
    {
        if (node is IElement element)
        {
            if (InvisibleElements.Contains(element.LocalName)
                || (!isRoot && (element.HasAttribute("lang") || element.HasAttribute("data-content"))))
            {
                return;
            }

            foreach (var attribute in VisibleAttributes)
            {
                AddIfUntranslated(element.GetAttribute(attribute), texts, new PseudoDepth());
            }
        }
        else if (node is IText text)
        {
            AddIfUntranslated(text.Data, texts, sentence);
            return;
        }

        foreach (var child in node.ChildNodes)
        {
            Collect(child, isRoot: false, texts, sentence);
        }
    }

    private static void AddIfUntranslated(string? text, List<string> texts, PseudoDepth depth)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var outside = OutsidePseudoText(text, depth);
        var words = Words().Matches(outside).Select(word => word.Value).Where(word => !DateWords.Contains(word));
        if (words.Any())
        {
            var normalised = Numbers().Replace(Whitespace().Replace(text.Trim(), " "), "#");
            texts.Add(Words().Replace(normalised, word => DateWords.Contains(word.Value) ? "~" : word.Value));
        }
    }

    /// <summary>
    /// The text with every pseudo-translated part (brackets may nest through arguments) left out, starting at the depth
    /// the text before it left, and leaving its own depth for the text after it.
    /// </summary>
    private static string OutsidePseudoText(string text, PseudoDepth depth)
    {
        var outside = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (character == PseudoText.Open)
            {
                depth.Value++;
            }
            else if (character == PseudoText.Close && depth.Value > 0)
            {
                depth.Value--;
            }
            else if (depth.Value == 0)
            {
                outside.Append(character);
            }
        }

        return outside.ToString();
    }

    private sealed class PseudoDepth
    {
        public int Value { get; set; }
    }

    private static List<string> RouteTemplates() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static Regex PatternOf(string template) =>
        new("^" + string.Join("/", template.Split('/').Select(segment => segment switch
        {
            _ when segment.EndsWith(":guid}", StringComparison.Ordinal) => "[0-9a-fA-F-]{36}",
            _ when segment.StartsWith('{') => "[^/]+",
            _ => Regex.Escape(segment),
        })) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static HashSet<string> DateWordsOf(CultureInfo culture)
    {
        var format = culture.DateTimeFormat;
        return format.MonthNames.Concat(format.AbbreviatedMonthNames).Concat(format.MonthGenitiveNames)
            .Concat(format.AbbreviatedMonthGenitiveNames).Concat(format.DayNames).Concat(format.AbbreviatedDayNames)
            .Concat([format.AMDesignator, format.PMDesignator])
            .Select(word => word.TrimEnd('.'))
            .Where(word => word.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static string Report(string heading, IReadOnlyCollection<string> lines) => lines.Count == 0
        ? string.Empty
        : $"{heading} ({lines.Count}):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", lines)}{Environment.NewLine}";

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
