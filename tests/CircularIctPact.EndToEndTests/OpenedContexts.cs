using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>
/// The browser contexts one portal fixture opens in the test process's shared browser (<see cref="HeadlessChromium"/>),
/// each with the portal as base address and the fixtures' timeout; the fixture closes them all when it ends.
/// </summary>
public sealed class OpenedContexts
{
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A fresh context (its own cookies), by default with <paramref name="portal"/> as base address.</summary>
    public async Task<IBrowserContext> OpenAsync(Uri portal, BrowserNewContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(portal);
        options ??= new BrowserNewContextOptions();
        options.BaseURL ??= portal.ToString();
        var context = await (await HeadlessChromium.SharedAsync()).NewContextAsync(options);
        // Interactive pages wait for their circuit; on a busy two-core CI machine that can take longer than the default.
        context.SetDefaultTimeout(15_000);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return context;
    }

    public async Task CloseAllAsync()
    {
        IBrowserContext[] contexts;
        lock (_contexts)
        {
            contexts = [.. _contexts];
        }

        // Closing a context a test closed already does nothing.
        await Task.WhenAll(contexts.Select(context => context.CloseAsync()));
    }
}
