using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Criteria;

public sealed class CriteriaEditingJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Secretariat_starts_a_draft_and_edits_a_translation_side_by_side()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Admin);
        await signIn.EnterAuthenticatorCodeAsync(DemoAccounts.AdminAuthenticatorKey);
        var editor = new CriteriaEditorPage(page);

        await editor.OpenOverviewAsync();
        await editor.StartDraftAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2.1");
        await editor.EditAsync("PHO-REP-02");
        await editor.ChangeTranslatedTitleAsync("Reparatiehandleiding en standaardgereedschap", "Nederlands");

        await Assertions.Expect(editor.Message).ToContainTextAsync("Nederlands text saved.");
        await Assertions.Expect(editor.Editor.Locator("section[aria-label='Translation']").GetByLabel("Title"))
            .ToHaveValueAsync("Reparatiehandleiding en standaardgereedschap");
    }
}
