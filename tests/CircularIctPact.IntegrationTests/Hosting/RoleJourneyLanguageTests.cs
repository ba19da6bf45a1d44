using System.Net;
using AngleSharp.Html.Parser;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Hosting;

/// <summary>
/// The main journey of every role, in English and in Dutch: each page answers, shows its heading in the chosen language
/// and sets the page language. Read from the prerendered page, as a browser receives it first; the browser tests check
/// the same pages with axe-core.
/// </summary>
public sealed class RoleJourneyLanguageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Dictionary<string, (string? Account, (string Path, string English, string Dutch)[] Steps)> Journeys = new()
    {
        ["anonymous"] = (null, [
            ("/", "Circular & Fair ICT Pact", "Circular & Fair ICT Pact"),
            ("/criteria", "Shared procurement criteria", "Gedeelde inkoopcriteria"),
            ("/signatories", "Signatories", "Ondertekenaars"),
            ("/join", "Apply to join a buyer group", "Aanmelden voor een buyer group"),
        ]),
        ["procurer"] = (DemoAccounts.Procurer, [
            ("/", "Welcome", "Welkom"),
            ("/my-organisation", "My organisation", "Mijn organisatie"),
            ("/criteria", "Shared procurement criteria", "Gedeelde inkoopcriteria"),
            ("/criteria/shortlist", "My shortlist", "Mijn shortlist"),
        ]),
        ["coordinator"] = (DemoAccounts.CoordinatorNetherlands, [
            ("/members", "Member organisations", "Lidorganisaties"),
            ("/applications", "Applications", "Aanmeldingen"),
            ("/invitations", "Invitations", "Uitnodigingen"),
            ("/audit", "Audit log", "Auditlog"),
        ]),
        ["chair"] = (DemoAccounts.Chair, [
            ("/", "Welcome", "Welkom"),
            ("/criteria", "Shared procurement criteria", "Gedeelde inkoopcriteria"),
            ("/Account/Manage/PersonalData", "Manage your account", "Uw account beheren"),
        ]),
        ["secretariat"] = (DemoAccounts.Admin, [
            ("/admin/signatories", "Manage signatories", "Ondertekenaars beheren"),
            ("/admin/buyer-groups", "Manage buyer groups", "Buyer groups beheren"),
            ("/admin/users", "Users", "Gebruikers"),
            ("/audit", "Audit log", "Auditlog"),
        ]),
    };

    public static TheoryData<string, string> RolesAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var role in Journeys.Keys)
            {
                data.Add(role, "en");
                data.Add(role, "nl");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task Role_walks_its_main_journey_with_headings_and_page_language_in_the_chosen_language(string role, string language)
    {
        var (account, steps) = Journeys[role];
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (account is not null)
        {
            var signIn = await FormSignIn.SignInAsync(client, account, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var parser = new HtmlParser();
        foreach (var (path, english, dutch) in steps)
        {
            using var response = await client.GetAsync($"{path}?culture={language}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} ({language}) answered {(int)response.StatusCode}.");
            using var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

            Assert.Equal(language, document.DocumentElement.GetAttribute("lang"));
            var heading = document.QuerySelector("h1")?.TextContent ?? string.Empty;
            Assert.Contains(language == "nl" ? dutch : english, heading, StringComparison.Ordinal);
        }
    }
}
