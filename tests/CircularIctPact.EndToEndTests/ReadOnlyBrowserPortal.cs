namespace CircularIctPact.EndToEndTests;

/// <summary>
/// One <see cref="BrowserPortal"/> for the test classes that only read pages. A class fixture of their own would start a
/// host, a database copy and Chromium per class and sign every account in again; since these classes change no data,
/// they share one portal and its signed-in browser states. It lives until the test process ends.
/// </summary>
public sealed class ReadOnlyBrowserPortal : IAsyncLifetime
{
    private static readonly Lazy<Task<BrowserPortal>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public BrowserPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync() => Portal = await Shared.Value;

    // The shared portal outlives each class; the process-exit handler below closes it once.
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<BrowserPortal> StartAsync()
    {
        var portal = new BrowserPortal();
        await portal.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            Task.WaitAny(portal.DisposeAsync().AsTask(), Task.Delay(TimeSpan.FromSeconds(10)));
        return portal;
    }
}
