using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CircularIctPact.Testing;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>
/// The portal as an operator installs it: the published Release build, run as a process of its own with
/// <c>ASPNETCORE_ENVIRONMENT=Production</c> against a fresh database, and its command line run the same way.
/// <c>./scripts/test.sh</c> publishes once and names the folder in <c>CFIT_RELEASE_PORTAL</c>; without it the
/// fixture publishes into a temporary folder itself (a few minutes).
/// </summary>
public sealed class ReleasedPortal : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ReadinessPollInterval = TimeSpan.FromMilliseconds(250);

    private readonly List<string> _portalOutput = [];
    private readonly OpenedContexts _contexts = new();
    private Process? _portal;
    private string? _temporaryPublishFolder;

    public string ConnectionString { get; private set; } = string.Empty;

    public string PublishFolder { get; private set; } = string.Empty;

    /// <summary>The address the released portal listens on, e.g. http://localhost:41234/.</summary>
    public Uri RootUri { get; private set; } = new("http://localhost/");

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync(nameof(ReleasedPortal));
        PublishFolder = Environment.GetEnvironmentVariable("CFIT_RELEASE_PORTAL") is { Length: > 0 } published
            ? published
            : await PublishAsync();
        RootUri = new Uri($"http://localhost:{FreeLoopbackPort()}/");
    }

    /// <summary>
    /// Runs <c>dotnet CircularIctPact.Web.dll</c> with <paramref name="arguments"/> as an operator would, and returns its exit
    /// code, the lines it printed on standard output and those on standard error.
    /// </summary>
    public async Task<(int ExitCode, IReadOnlyList<string> Output, string Errors)> RunCommandAsync(params string[] arguments)
    {
        using var command = Process.Start(
            StartInfo(arguments)) ?? throw new InvalidOperationException("Could not start the released portal's command line.");
        var output = command.StandardOutput.ReadToEndAsync();
        var errors = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync().WaitAsync(StartTimeout);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (command.ExitCode, lines, await errors);
    }

    /// <summary>Starts the portal on <see cref="RootUri"/> and waits until it reports itself ready.</summary>
    public async Task StartAsync()
    {
        var start = StartInfo([]);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{RootUri.Port}";
        _portal = Process.Start(start) ?? throw new InvalidOperationException("Could not start the released portal.");
        _portal.OutputDataReceived += (_, line) => Remember(line.Data);
        _portal.ErrorDataReceived += (_, line) => Remember(line.Data);
        _portal.BeginOutputReadLine();
        _portal.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = RootUri, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_portal.HasExited)
            {
                throw new InvalidOperationException($"The released portal stopped with exit code {_portal.ExitCode}:\n{OutputSoFar()}");
            }

            try
            {
                using var ready = await http.GetAsync("health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(ReadinessPollInterval);
        }

        throw new TimeoutException($"The released portal was not ready within {StartTimeout.TotalSeconds} s:\n{OutputSoFar()}");
    }

    public async Task<IPage> NewPageAsync() => await (await _contexts.OpenAsync(RootUri)).NewPageAsync();

    public async Task DisposeAsync()
    {
        await _contexts.CloseAllAsync();
        if (_portal is { HasExited: false })
        {
            _portal.Kill(entireProcessTree: true);
            await _portal.WaitForExitAsync();
        }

        _portal?.Dispose();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
        if (_temporaryPublishFolder is not null)
        {
            Directory.Delete(_temporaryPublishFolder, recursive: true);
        }
    }

    private ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = PublishFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(PublishFolder, "CircularIctPact.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Portal"] = ConnectionString;
        start.Environment["Portal__PublicBaseUrl"] = RootUri.ToString();
        start.Environment["Mail__DropFolder"] = Path.Combine(Path.GetTempPath(), "cfit-released-mail", Guid.NewGuid().ToString("N"));
        return start;
    }

    private async Task<string> PublishAsync()
    {
        _temporaryPublishFolder = Path.Combine(Path.GetTempPath(), $"cfit-release-{Guid.NewGuid():N}");
        var project = Path.Combine(RepositoryRoot(), "src", "CircularIctPact.Web");
        var publish = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-o", _temporaryPublishFolder, "-nologo", "-v", "q" })
        {
            publish.ArgumentList.Add(argument);
        }

        using var process = Process.Start(publish) ?? throw new InvalidOperationException("Could not run dotnet publish.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed:\n{await output}\n{await errors}");
        }

        return _temporaryPublishFolder;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_portalOutput)
        {
            _portalOutput.Add(line);
        }
    }

    private string OutputSoFar()
    {
        lock (_portalOutput)
        {
            return string.Join('\n', _portalOutput.TakeLast(40));
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CircularIctPact.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CircularIctPact.sln) was not found above the test's folder.");
    }
}
