using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CircularIctPact.Bench;

/// <summary>
/// The portal as a separate process on 127.0.0.1, started from its Release build output. It runs in the
/// Development environment only because the package static assets (MudBlazor, blazor.web.js) are served from
/// the build output there; everything the measurements touch is the production pipeline.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private PortalProcess(Process process, Uri address, StreamWriter log)
    {
        _process = process;
        Address = address;
        _log = log;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static async Task<PortalProcess> StartAsync(
        string portalDll,
        string connectionString,
        string workFolder,
        IReadOnlyDictionary<string, string> settings,
        int? port = null)
    {
        Directory.CreateDirectory(workFolder);
        var chosenPort = port ?? FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{chosenPort}/");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(portalDll);
        startInfo.ArgumentList.Add("--contentRoot");
        startInfo.ArgumentList.Add(Path.GetDirectoryName(Path.GetFullPath(portalDll))!);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["ConnectionStrings__Portal"] = connectionString,
            ["Seed__DemoData"] = "true",
            ["Diagnostics__CountSqlQueries"] = "true",
            ["RateLimits__ApiPerMinute"] = "100000000",
            ["RateLimits__FormPostsPerMinute"] = "100000",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Mail__DropFolder"] = Path.Combine(workFolder, "mail"),
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var log = new StreamWriter(Path.Combine(workFolder, $"portal-{chosenPort}.log"), append: true) { AutoFlush = true };
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the portal.");
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, address, log);
        await portal.WaitUntilReadyAsync();
        return portal;
    }

    /// <summary>Resident memory of the portal process in MiB (VmRSS), what the operating system has to provide.</summary>
    public double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kilobytes / 1024.0;
            }
        }

        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: a graceful shutdown, like Ctrl-C.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The portal stopped during start-up (exit code {_process.ExitCode}); see its log in the work folder.");
            }

            try
            {
                using var response = await client.GetAsync("health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The portal did not become ready within five minutes.");
    }
}
