using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>Collects what a page reports as broken: console errors (CSP violations among them) and uncaught exceptions.</summary>
public sealed class BrowserErrors
{
    private readonly List<string> _errors = [];

    private BrowserErrors(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _errors.Add(error);
    }

    public IReadOnlyList<string> Errors => _errors;

    public static BrowserErrors Watch(IPage page) => new(page);
}
