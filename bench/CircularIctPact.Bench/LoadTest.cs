using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace CircularIctPact.Bench;

/// <summary>Runs wrk against an address for a bounded time and reads its throughput and p99 latency.</summary>
internal static partial class LoadTest
{
    /// <summary>Length of the uncounted run before each measurement.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Measures after an uncounted warm-up run of <see cref="WarmUp"/> against the same address: in its first seconds
    /// under load a server is still compiling its hot path (tiered JIT first instruments hot methods, then compiles them
    /// again optimised), which would otherwise be counted against whichever address happens to be measured first. On this
    /// machine the uncached catalogue answered about 100 requests/s in its first 5 s under load and about 300 after
    /// 15 s; a long-running portal serves from the compiled code. The static baseline gets the same warm-up, so both
    /// sides of the ratio are measured alike.
    /// </summary>
    public static async Task<WrkResult> MeasureAsync(Uri url, int connections, TimeSpan duration)
    {
        await RunAsync(url, connections, WarmUp);
        return await RunAsync(url, connections, duration);
    }

    private static async Task<WrkResult> RunAsync(Uri url, int connections, TimeSpan duration)
    {
        var startInfo = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-t2",
            $"-c{connections}",
            $"-d{(int)duration.TotalSeconds}s",
            "--timeout",
            "10s",
            "--latency",
            url.ToString(),
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var throughput = RequestsPerSecond().Match(output);
        var p99 = Percentile99().Match(output);
        if (!throughput.Success || !p99.Success)
        {
            throw new InvalidOperationException($"Could not read wrk's output: {output}");
        }

        var errors = NonSuccess().Match(output) is { Success: true } bad ? long.Parse(
            bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += Timeouts().Match(output) is { Success: true } late ? long.Parse(late.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(
            double.Parse(throughput.Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture), p99.Groups[2].Value),
            errors);
    }

    private static double Milliseconds(double value, string unit) => unit switch
    {
        "us" => value / 1000,
        "s" => value * 1000,
        _ => value,
    };

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"99%\s+([\d.]+)(us|ms|s)")]
    private static partial Regex Percentile99();

    [GeneratedRegex(@"Socket errors:.*timeout (\d+)")]
    private static partial Regex Timeouts();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}

/// <summary>Non-success counts answers other than 2xx/3xx and requests that timed out (10 s).</summary>
internal sealed record WrkResult(double RequestsPerSecond, double P99Milliseconds, long NonSuccessResponses);

/// <summary>
/// The baseline: Kestrel serving the very bytes the portal answered, as static files with the static-file
/// middleware, in this process on its own loopback port.
/// </summary>
internal sealed class StaticFileBaseline : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticFileBaseline(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<StaticFileBaseline> StartAsync(string folder)
    {
        var port = PortalProcess.FreeLoopbackPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), ContentTypeProvider = types });
        await app.StartAsync();
        return new StaticFileBaseline(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
