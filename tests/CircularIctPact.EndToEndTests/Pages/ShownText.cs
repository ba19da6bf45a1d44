using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Pages;

/// <summary>
/// Messages as the page shows them. The layout repeats field errors and snackbar messages in its screen-reader
/// announcer (#portal-announcer), so a plain text locator could find the same message twice.
/// </summary>
public static class ShownText
{
    public static ILocator GetByShownText(this IPage page, string text) =>
        page.GetByText(text).And(page.Locator(":not(#portal-announcer)"));
}
