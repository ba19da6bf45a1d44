using System.Globalization;

namespace CircularIctPact.Bench;

/// <summary>Where things are and how long to measure; the scripts set these through environment variables.</summary>
internal sealed record BenchOptions(
    string RepositoryRoot,
    string PortalDll,
    string WorkFolder,
    int Iterations,
    TimeSpan LoadDuration,
    int Connections,
    int[] CircuitCounts,
    IReadOnlySet<BenchPart> Parts,
    TimeSpan CircuitHold,
    string? ResultsFile)
{
    public static BenchOptions FromEnvironment()
    {
        var root = Environment.GetEnvironmentVariable("BENCH_REPOSITORY_ROOT") ?? Directory.GetCurrentDirectory();
        return new BenchOptions(
            root,
            Environment.GetEnvironmentVariable("BENCH_PORTAL_DLL") ?? throw new InvalidOperationException(
                "Set BENCH_PORTAL_DLL to the portal's built CircularIctPact.Web.dll."),
            Environment.GetEnvironmentVariable("BENCH_WORK_FOLDER") ?? Path.Combine(root, ".data", "bench"),
            Number("BENCH_ITERATIONS", 20),
            TimeSpan.FromSeconds(Number("BENCH_LOAD_SECONDS", 10)),
            Number("BENCH_CONNECTIONS", 50),
            (Environment.GetEnvironmentVariable("BENCH_CIRCUITS") ?? "200,1000").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(n => int.Parse(n, CultureInfo.InvariantCulture))
                .ToArray(),
            PartsToRun(Environment.GetEnvironmentVariable("BENCH_ONLY")),
            TimeSpan.FromSeconds(Number("BENCH_CIRCUIT_HOLD_SECONDS", 0)),
            Environment.GetEnvironmentVariable("BENCH_RESULTS_FILE"));
    }

    public bool Runs(BenchPart part) => Parts.Contains(part);

    /// <summary>"pages,load,circuits" or a part of it; empty runs everything. The seed always runs.</summary>
    private static HashSet<BenchPart> PartsToRun(string? only) =>
        string.IsNullOrWhiteSpace(only)
            ? [.. Enum.GetValues<BenchPart>()]
            : [.. only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
                Enum.TryParse<BenchPart>(part, ignoreCase: true, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"BENCH_ONLY: unknown part '{part}'; use pages, load and/or circuits."))];

    private static int Number(string name, int fallback) =>
        int.TryParse(
            Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

/// <summary>The measurements a run can be limited to with BENCH_ONLY.</summary>
internal enum BenchPart
{
    /// <summary>Page and endpoint times with SQL query counts.</summary>
    Pages,

    /// <summary>wrk against the catalogue and the API, output caching off and on, with the static baseline.</summary>
    Load,

    /// <summary>Memory per interactive circuit.</summary>
    Circuits,
}
