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
        "/: Buyer Group ICT Netherlands",
        "/: Circular criteria for laptops",
        "/: Joost Bakker (",
        "/: Lifespan, repair and reuse requirements for laptops",
        "/: coordinator.nl@cfit.example",
        "/Account/ForgotPassword: name@example.com",
        "/Account/InvalidUser: ⟦Éŕŕóŕ:⟧ Invalid email change confirmation link.",
        "/Account/Login: name@example.com",
        "/Account/Manage/Disable2fa: Disabling #FA does not change the keys used in authenticator apps. If"
            + " you wish to change the key used in an authenticator app you should",
        "/Account/Manage/EnableAuthenticator: Once you have scanned the QR code or input the key above, your"
            + " two factor authentication app will provide you with a unique code. Enter the code in the"
            + " confirmation box below.",
        "/Account/Manage/EnableAuthenticator: or Google Authenticator for",
        "/Account/Manage/GenerateRecoveryCodes: Generating new recovery codes does not change the keys used"
            + " in authenticator apps. If you wish to change the key used in an authenticator app you should",
        "/Account/Manage/ResetAuthenticator: This process disables #FA until you verify your authenticator"
            + " app. If you do not complete your authenticator app configuration you ~ lose access to your account.",
        "/Account/ResendEmailConfirmation: name@example.com",
        "/accessibility: secretariat@cfit.example",
        "/admin/buyer-groups/{Id:guid}: Belgian Buyer Group ICT",
        "/admin/buyer-groups/{Id:guid}: Belgian federal, Flemish, Walloon and Brussels buyers who learn from"
            + " each other's good practices and move towards shared criteria for sustainable ICT.",
        "/admin/buyer-groups/{Id:guid}: Elise Peeters (coordinator.be@cfit.example)",
        "/admin/buyer-groups/{Id:guid}: Flemish Government Walloon Government",
        "/admin/buyer-groups/{Id:guid}: Name of tier #",
        "/admin/buyer-groups: Belgian Buyer Group ICT",
        "/admin/buyer-groups: Belgium",
        "/admin/buyer-groups: Buyer Group ICT Netherlands",
        "/admin/buyer-groups: Federal Institute for Sustainable Development",
        "/admin/buyer-groups: Netherlands",
        "/admin/buyer-groups: Rijkswaterstaat",
        "/admin/criteria/import/{ProductGroup}: (laptops)",
        "/admin/criteria/sets/{Id:guid}: de: missing",
        "/admin/criteria/sets/{Id:guid}: de: outdated",
        "/admin/criteria/sets/{Id:guid}: de: up to date",
        "/admin/criteria/sets/{Id:guid}: fr: missing",
        "/admin/criteria/sets/{Id:guid}: fr: outdated",
        "/admin/criteria/sets/{Id:guid}: fr: up to date",
        "/admin/criteria/sets/{Id:guid}: laptops #.#",
        "/admin/criteria/sets/{Id:guid}: nl: outdated",
        "/admin/criteria/sets/{Id:guid}: nl: up to date",
        "/admin/criteria: (laptops)",
        "/admin/criteria: (smartphones)",
        "/admin/criteria: Excel",
        "/admin/criteria: JSON",
        "/admin/criteria: Laptops",
        "/admin/criteria: Name in Deutsch",
        "/admin/criteria: Name in English (required)",
        "/admin/criteria: Name in Français",
        "/admin/criteria: Name in Nederlands",
        "/admin/criteria: Smartphones",
        "/admin/criteria: e.g. #.#",
        "/admin/market-signal: #-Q#",
        "/admin/market-signal: #-Q# – #-Q#",
        "/admin/market-signal: BE",
        "/admin/market-signal: Laptops",
        "/admin/market-signal: NL",
        "/admin/market-signal: Smartphones",
        "/admin/signatories: AT",
        "/admin/signatories: Austria",
        "/admin/signatories: BE",
        "/admin/signatories: Belgium",
        "/admin/signatories: CA",
        "/admin/signatories: CH",
        "/admin/signatories: Canada",
        "/admin/signatories: DE",
        "/admin/signatories: GB",
        "/admin/signatories: Germany",
        "/admin/signatories: NL",
        "/admin/signatories: NO",
        "/admin/signatories: Netherlands",
        "/admin/signatories: Norway",
        "/admin/signatories: Switzerland",
        "/admin/signatories: United Kingdom",
        "/admin/users: Loading…",
        "/admin/working-groups: Circular criteria for laptops",
        "/admin/working-groups: Fair supply chains",
        "/admin/working-groups: Labour rights and responsible minerals in ICT supply chains · ⟦#"
            + " þáŕţíçíþáñţš⟧",
        "/admin/working-groups: Lars Nilsen (chair@cfit.example)",
        "/admin/working-groups: Lifespan, repair and reuse requirements for laptops · ⟦# þáŕţíçíþáñţš⟧",
        "/applications: . Approve them into a tier, or reject them with a reason; the applicant is told by"
            + " mail either way.",
        "/applications: /join",
        "/calculator: # kWh/year",
        "/calculator: # kg CO#e",
        "/calculator: # years",
        "/calculator: # €/year",
        "/calculator: #.# kg CO#e/kWh",
        "/calculator: #.# €/kWh",
        "/consultations/{Id:guid}: , Buyer Group ICT Netherlands (⟦ýóú⟧) · #/#/# #:# ·",
        "/consultations/{Id:guid}: , Buyer Group ICT Netherlands · #/#/# #:# ·",
        "/consultations/{Id:guid}: Joost Bakker",
        "/consultations/{Id:guid}: LAP-BAT-#",
        "/consultations/{Id:guid}: LAP-ENE-#",
        "/consultations/{Id:guid}: LAP-HAZ-#",
        "/consultations/{Id:guid}: LAP-LAB-#",
        "/consultations/{Id:guid}: LAP-LIF-#",
        "/consultations/{Id:guid}: LAP-MIN-#",
        "/consultations/{Id:guid}: LAP-REC-#",
        "/consultations/{Id:guid}: LAP-REP-#",
        "/consultations/{Id:guid}: LAP-REU-#",
        "/consultations/{Id:guid}: LAP-SOF-#",
        "/consultations/{Id:guid}: LAP-SUP-#",
        "/consultations/{Id:guid}: LAP-TAK-#",
        "/consultations/{Id:guid}: Several members in our group already ask for four years; please keep"
            + " on-site repair in the warranty so that devices are not sent abroad for repair.",
        "/consultations: Laptops #.#",
        "/criteria/{ProductGroup}/{Version}/{Code}: LAP-LIF-# Warranty of at least three years",
        "/demand: #-Q#",
        "/demand: Laptops",
        "/demand: My buyer groups",
        "/demand: Pact-wide",
        "/demand: Smartphones",
        "/impact: Belgian Buyer Group ICT",
        "/impact: Buyer Group ICT Netherlands",
        "/invitation/accept: This invitation link is not valid. Check that you opened the whole link from"
            + " the mail; if it still fails, ask for a new invitation.",
        "/join: Belgian Buyer Group ICT (Belgium)",
        "/join: Buyer Group ICT Netherlands (Netherlands)",
        "/join: NL",
        "/join: https://www.example.org",
        "/join: name@example.org",
        "/market-signal: #-Q#",
        "/market-signal: #-Q# – #-Q#",
        "/market-signal: BE",
        "/market-signal: Laptops",
        "/market-signal: NL",
        "/market-signal: Smartphones",
        "/members/import: Buyer Group ICT Netherlands",
        "/members/new: Add member organisation",
        "/members/new: Buyer Group ICT Netherlands",
        "/members/new: www.example.org",
        "/members/{Id:guid}: . Changing the status never deletes the organisation.",
        "/members/{Id:guid}: Active",
        "/members/{Id:guid}: Belgian Buyer Group ICT · Active",
        "/members/{Id:guid}: Federale Overheidsdienst Voorbeeld",
        "/members/{Id:guid}: Peloton",
        "/members/{Id:guid}: www.example.org",
        "/my-organisation: Buyer Group ICT Netherlands",
        "/my-organisation: Fatima El Amrani",
        "/my-organisation: Gemeente Rivierstad",
        "/my-organisation: Joost Bakker —",
        "/my-organisation: Leading group",
        "/my-organisation: NL",
        "/my-organisation: Public and private organisations in the Netherlands that buy ICT equipment and"
            + " agree on the same circular and fair requirements. A leading group of ten drew up the market vision"
            + " and strategy; the peloton applies it.",
        "/my-organisation: Rijkswaterstaat",
        "/my-organisation: coordinator.nl@cfit.example",
        "/my-organisation: https://rivierstad.example.nl",
        "/privacy: secretariat@cfit.example",
        "/tenders/{Id:guid}: Framework contract laptops",
        "/tenders/{Id:guid}: Framework contract smartphones",
        "/tenders/{Id:guid}: Gemeente Rivierstad · Buyer Group ICT Netherlands · ⟦Þúƀĺíšĥéđ⟧",
        "/tenders/{Id:guid}: LAP-BAT-# · Award points for high battery cycle life (⟦Ƒŕóñţŕúññéŕ⟧)",
        "/tenders/{Id:guid}: LAP-BAT-# · Battery endurance of at least # cycles (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-BAT-# · Battery replaceable with standard tools and available as a spare"
            + " part (⟦Çóɱþŕéĥéñšíṽé⟧)",
        "/tenders/{Id:guid}: LAP-ENE-# · Award points for a verified carbon footprint and renewable"
            + " electricity in production (⟦Ƒŕóñţŕúññéŕ⟧)",
        "/tenders/{Id:guid}: LAP-ENE-# · Low typical energy consumption and power management"
            + " (⟦Çóɱþŕéĥéñšíṽé⟧)",
        "/tenders/{Id:guid}: LAP-ENE-# · USB-C charging and purchase without power adapter (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-HAZ-# · Award points for a full material declaration (⟦Ƒŕóñţŕúññéŕ⟧)",
        "/tenders/{Id:guid}: LAP-HAZ-# · No halogenated flame retardants in larger plastic parts (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-HAZ-# · Safer flame retardants and plasticisers (⟦Çóɱþŕéĥéñšíṽé⟧)",
        "/tenders/{Id:guid}: LAP-LAB-# · Award points for verified working hours and worker voice"
            + " (⟦Ƒŕóñţŕúññéŕ⟧)",
        "/tenders/{Id:guid}: LAP-LAB-# · Contract conditions for labour rights monitoring (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-LAB-# · Supply-chain due diligence system (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-LIF-# · Extended warranty of at least four years (⟦Çóɱþŕéĥéñšíṽé⟧)",
        "/tenders/{Id:guid}: LAP-LIF-# · Robustness tested against drops and temperature extremes (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-LIF-# · Warranty of at least three years (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-LIF-# · Warranty of five years with guaranteed repair (⟦Ƒŕóñţŕúññéŕ⟧)",
        "/tenders/{Id:guid}: LAP-MIN-# · Annual responsible minerals reporting (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-MIN-# · Award points for traceable recycled or responsibly mined materials"
            + " (⟦Ƒŕóñţŕúññéŕ⟧)",
        "/tenders/{Id:guid}: LAP-MIN-# · Minimum share of conformant smelters and refiners (⟦Çóɱþŕéĥéñšíṽé⟧)",
        "/tenders/{Id:guid}: LAP-REC-# · Award points for a high share of recycled plastic (⟦Çóɱþŕéĥéñšíṽé⟧)",
        "/tenders/{Id:guid}: LAP-REC-# · Declaration of recycled plastic content and marking of plastic"
            + " parts (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-REC-# · Minimum recycled content in plastics or housing metals"
            + " (⟦Ƒŕóñţŕúññéŕ⟧)",
        "/tenders/{Id:guid}: LAP-REP-# · Availability of spare parts for at least five years (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-REP-# · Repair before replacement during the contract (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-REP-# · Repair manual, standard tools and published repairability score"
            + " (⟦Çóɱþŕéĥéñšíṽé⟧)",
        "/tenders/{Id:guid}: LAP-REP-# · Seven-year spare-parts guarantee with capped prices (⟦Ƒŕóñţŕúññéŕ⟧)",
        "/tenders/{Id:guid}: LAP-REU-# · Award points for a guaranteed second-use rate (⟦Ƒŕóñţŕúññéŕ⟧)",
        "/tenders/{Id:guid}: LAP-REU-# · Certified data erasure and preparation for reuse (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-REU-# · Remanufactured or refurbished laptops with the same warranty as new"
            + " (⟦Çóɱþŕéĥéñšíṽé⟧)",
        "/tenders/{Id:guid}: LAP-SOF-# · Award points for seven or more years of security support"
            + " (⟦Ƒŕóñţŕúññéŕ⟧)",
        "/tenders/{Id:guid}: LAP-SOF-# · Compatibility with the next major operating system version"
            + " (⟦Çóɱþŕéĥéñšíṽé⟧)",
        "/tenders/{Id:guid}: LAP-SOF-# · Firmware and driver security updates for at least five years"
            + " (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-SUP-# · Disclosure of component factories and audit findings"
            + " (⟦Çóɱþŕéĥéñšíṽé⟧)",
        "/tenders/{Id:guid}: LAP-SUP-# · Disclosure of final assembly factories (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-TAK-# · Free take-back of delivered laptops with reuse first (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: LAP-TAK-# · Unique product identifier for traceability to reuse and recycling"
            + " (⟦Ƒŕóñţŕúññéŕ⟧)",
        "/tenders/{Id:guid}: Laptops",
        "/tenders/{Id:guid}: PHO-BAT-# · Battery endurance of at least #,# cycles (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-ENE-# · Phones delivered without charger and cable by default (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-HAZ-# · Low-halogen materials and PVC-free cables (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-LAB-# · Contract conditions for labour rights monitoring (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-LAB-# · Supply-chain due diligence system (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-LIF-# · Robustness: free-fall reliability class and ingress protection"
            + " (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-LIF-# · Warranty of at least three years including the battery (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-MIN-# · Annual responsible minerals reporting (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-REC-# · Declaration of recycled content (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-REP-# · Repair within three working days with a loan phone (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-REP-# · Spare parts available to any repairer and delivered fast (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-REU-# · Verified data erasure and reuse of returned phones (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-SOF-# · Guaranteed security updates for at least five years (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-SUP-# · Disclosure of final assembly factories (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: PHO-TAK-# · Free take-back of phones and accessories (⟦Çóŕé⟧)",
        "/tenders/{Id:guid}: Replacement of field-worker laptops #",
        "/tenders/{Id:guid}: Smartphones",
        "/tenders/{Id:guid}: Universiteit Leiestad · Belgian Buyer Group ICT · ⟦Áŵáŕđéđ⟧",
        "/tenders/{Id:guid}: Ziekenhuis Westhaven · Buyer Group ICT Netherlands · ⟦Áŵáŕđéđ⟧",
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

    // The account pages of the template throw for an account without two-factor sign-in, or outside a two-factor sign-in.
    private static readonly HashSet<string> ThrowWithoutTwoFactor = new(StringComparer.Ordinal)
    {
        "/Account/LoginWith2fa",
        "/Account/LoginWithRecoveryCode",
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
        Collect(document.DocumentElement, isRoot: true, texts);
        return texts.Distinct(StringComparer.Ordinal);
    }

    private static void Collect(INode node, bool isRoot, List<string> texts)
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
                AddIfUntranslated(element.GetAttribute(attribute), texts);
            }
        }
        else if (node is IText text)
        {
            AddIfUntranslated(text.Data, texts);
            return;
        }

        foreach (var child in node.ChildNodes)
        {
            Collect(child, isRoot: false, texts);
        }
    }

    private static void AddIfUntranslated(string? text, List<string> texts)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var outside = OutsidePseudoText(text);
        var words = Words().Matches(outside).Select(word => word.Value).Where(word => !DateWords.Contains(word));
        if (words.Any())
        {
            var normalised = Numbers().Replace(Whitespace().Replace(text.Trim(), " "), "#");
            texts.Add(Words().Replace(normalised, word => DateWords.Contains(word.Value) ? "~" : word.Value));
        }
    }

    /// <summary>The text with every pseudo-translated part (brackets may nest through arguments) left out.</summary>
    private static string OutsidePseudoText(string text)
    {
        var outside = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var character in text)
        {
            if (character == PseudoText.Open)
            {
                depth++;
            }
            else if (character == PseudoText.Close && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                outside.Append(character);
            }
        }

        return outside.ToString();
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
