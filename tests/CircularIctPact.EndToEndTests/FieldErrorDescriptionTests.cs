using System.Text.RegularExpressions;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>
/// A field's error is tied to the field (aria-invalid and aria-describedby), so a screen reader reads the error
/// when it reaches the field, not only once in the live region (WCAG 1.3.1 and 3.3.1).
/// </summary>
public sealed class FieldErrorDescriptionTests(ReadOnlyBrowserPortal shared) : IClassFixture<ReadOnlyBrowserPortal>
{
    [Fact]
    public async Task Empty_sign_in_form_ties_each_dutch_message_to_its_field()
    {
        var page = await shared.Portal.NewPageAsync();
        try
        {
            await page.GotoAsync("Account/Login?culture=nl");

            await page.GetByLabel("E-mail").PressAsync("Enter");

            await AssertDescribedByErrorAsync(page, page.GetByLabel("E-mail"), "E-mail is verplicht.");
            await AssertDescribedByErrorAsync(page, page.GetByLabel("Wachtwoord", new() { Exact = true }), "Wachtwoord is verplicht.");
        }
        finally
        {
            // The portal is shared with other classes: a closed context ends its circuit now.
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Saving_an_empty_case_ties_the_title_error_to_the_title_field_and_lists_it_above_the_form()
    {
        var page = await shared.Portal.NewPageSignedInAsAsync(DemoAccounts.Procurer);
        try
        {
            await page.GotoAsync("good-practices/write");
            await Assertions.Expect(page.GetByTestId("case-form")).ToHaveAttributeAsync("data-interactive", "true");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

            await AssertDescribedByErrorAsync(page, page.GetByRole(AriaRole.Textbox, new() { Name = "Title" }), "Title is required.");
            var summaryLink = page.GetByTestId("error-summary").GetByRole(AriaRole.Link, new() { Name = "Title is required." });
            var target = (await summaryLink.GetAttributeAsync("href"))!.TrimStart('#');
            await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Title" })).ToHaveAttributeAsync("id", target);
        }
        finally
        {
            // The portal is shared with other classes: a closed context ends its circuit now.
            await page.Context.CloseAsync();
        }
    }

    private static async Task AssertDescribedByErrorAsync(IPage page, ILocator input, string message)
    {
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(input).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(message)));

        var ids = (await input.GetAttributeAsync("aria-describedby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var texts = new List<string>();
        foreach (var id in ids)
        {
            texts.Add(await page.Locator($"[id='{id}']").InnerTextAsync());
        }

        Assert.Contains(texts, text => text.Contains(message, StringComparison.Ordinal));
    }
}
