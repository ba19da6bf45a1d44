using System.Globalization;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>
/// A person who uses only the keyboard: after each navigation the test presses keys and never clicks.
/// Covers the skip link, dialogs that trap and return the focus, a form with an announced error, and
/// a visible focus ring in light and dark mode.
/// </summary>
public sealed class KeyboardJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const int MaxTabs = 120;
    private const string FocusIsInsideDialog = "() => document.querySelector('[role=dialog]')?.contains(document.activeElement) === true";

    [Fact]
    public async Task First_tab_on_a_public_page_reaches_the_skip_link_and_enter_moves_focus_to_the_main_content()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("criteria");

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        await Assertions.Expect(skipLink).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
        Assert.EndsWith("/criteria", new Uri(page.Url).GetLeftPart(UriPartial.Path), StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Tab");
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "The next Tab after the skip link should stay in the main content.");
    }

    [Fact]
    public async Task Remove_dialog_takes_the_focus_keeps_tab_inside_closes_on_escape_and_returns_focus_to_its_button()
    {
        var page = await OpenThreadAsync(DiscussionsDemoData.BatteryThread);
        var opening = page.GetByTestId("opening-post");
        var remove = opening.GetByTestId("remove-post");

        await TabUntilFocusedAsync(page, remove);
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToHaveAttributeAsync("aria-modal", "true");
        await Assertions.Expect(dialog).ToHaveAccessibleNameAsync("Remove thread");
        await page.WaitForFunctionAsync(FocusIsInsideDialog);
        foreach (var key in new[] { "Tab", "Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab" })
        {
            await page.Keyboard.PressAsync(key);
            await FocusReturnsIntoDialogAsync(page, key);
        }

        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(remove).ToBeFocusedAsync();
        await Assertions.Expect(opening.Locator(".discussion-removed")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// MudBlazor's focus trap catches Tab at the dialog's edge with an element whose focus handler runs in the circuit,
    /// so focus comes back into the dialog one round trip later; on a busy machine that takes a moment.
    /// </summary>
    private static async Task FocusReturnsIntoDialogAsync(IPage page, string key)
    {
        try
        {
            await page.WaitForFunctionAsync(FocusIsInsideDialog, null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Focus left the dialog after {key}.");
        }
    }

    [Fact]
    public async Task Confirming_the_remove_dialog_with_the_keyboard_removes_the_reply()
    {
        var page = await OpenThreadAsync(DiscussionsDemoData.LabelThread);
        var ownReply = page.GetByTestId("reply").Filter(new() { Has = page.GetByTestId("remove-post") });
        await Assertions.Expect(ownReply).ToHaveCountAsync(1);

        await TabUntilFocusedAsync(page, ownReply.GetByTestId("remove-post"));
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Remove this reply? This cannot be undone.");
        await TabUntilFocusedAsync(page, dialog.GetByTestId("confirm-accept"));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("reply").Locator(".discussion-removed")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Keyboard_only_sign_in_announces_the_error_of_a_wrong_password_and_then_signs_in()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("Account/Login");

        await TabUntilFocusedAsync(page, page.GetByLabel("E-mail"));
        await page.Keyboard.TypeAsync(DemoAccounts.Chair);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("not the password");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail address or password is not right.");

        await TabUntilFocusedAsync(page, page.GetByLabel("Password"));
        await page.Keyboard.TypeAsync(DemoAccounts.Password);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Empty_sign_in_form_announces_the_missing_fields()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("Account/Login");

        await TabUntilFocusedAsync(page, page.GetByLabel("E-mail"));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-mail is required.");
    }

    [Fact]
    public async Task Saving_an_empty_case_with_the_keyboard_announces_the_field_errors()
    {
        var page = await portal.NewPageSignedInAsAsync(DemoAccounts.Procurer);
        await page.GotoAsync("good-practices/write");
        await Assertions.Expect(page.GetByTestId("case-form")).ToHaveAttributeAsync("data-interactive", "true");

        await TabUntilFocusedAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }));
        await page.Keyboard.PressAsync("Enter");

        var announcer = page.GetByRole(AriaRole.Status).And(page.Locator("[aria-live=polite]"));
        await Assertions.Expect(announcer).ToContainTextAsync("Title is required.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_element_reached_with_tab_shows_a_focus_ring(bool darkMode)
    {
        var publicPage = await portal.NewPageAsync();
        await UseThemeAsync(publicPage, darkMode);
        await publicPage.GotoAsync("criteria");
        await AssertFocusRingsAsync(publicPage, presses: 40);

        var threadPage = await OpenThreadAsync(DiscussionsDemoData.BatteryThread, darkMode);
        await AssertFocusRingsAsync(threadPage, presses: 60);
    }

    private async Task<IPage> OpenThreadAsync(string title, bool darkMode = false)
    {
        var page = await portal.NewPageSignedInAsAsync(DemoAccounts.Procurer);
        await UseThemeAsync(page, darkMode);
        await page.GotoAsync("discussions/pact");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).GetAttributeAsync("href")
            ?? throw new InvalidOperationException($"The thread '{title}' has no link.");
        await page.GotoAsync(href);
        await Assertions.Expect(page.GetByTestId("thread-page")).ToHaveAttributeAsync("data-interactive", "true");
        return page;
    }

    private async Task UseThemeAsync(IPage page, bool darkMode)
    {
        if (darkMode)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = "cfit.theme", Value = "dark", Url = portal.RootUri.ToString() }]);
        }
    }

    private static async Task TabUntilFocusedAsync(IPage page, ILocator target)
    {
        for (var press = 0; press < MaxTabs; press++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(target).ToBeFocusedAsync();
    }


    /// <summary>
    /// Presses Tab <paramref name="presses"/> times; each element that takes the focus must show a solid ring of at least 2px.
    /// </summary>
    private static async Task AssertFocusRingsAsync(IPage page, int presses)
    {
        var checkedElements = 0;
        for (var press = 0; press < presses; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var ring = await page.EvaluateAsync<FocusRing?>("""
                () => {
                    const element = document.activeElement;
                    if (!element || element === document.body) return null;
                    // A text field shows its ring on the field around the input.
                    const toggle = element.matches('.mud-checkbox input, .mud-radio input, .mud-switch input');
                    const ringed = element.closest('.mud-input') ?? (toggle ? element.closest('.mud-button-root') : null) ?? element;
                    const style = getComputedStyle(ringed);
                    return { description: element.outerHTML.slice(0, 160), style: style.outlineStyle, width: style.outlineWidth };
                }
                """);
            if (ring is null)
            {
                continue;
            }

            Assert.True(ring.Style is not "none" and not "hidden", $"No focus ring on {ring.Description} ({ring.Style} {ring.Width}).");
            Assert.True(
                double.Parse(ring.Width.Replace("px", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) >= 2,
                $"Focus ring thinner than 2px on {ring.Description} ({ring.Width}).");
            checkedElements++;
        }

        Assert.True(checkedElements >= presses / 2, $"Only {checkedElements} of {presses} Tab presses reached an element.");
    }

    private sealed class FocusRing
    {
        public string Description { get; set; } = string.Empty;

        public string Style { get; set; } = string.Empty;

        public string Width { get; set; } = string.Empty;
    }
}
