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
    string? ResultsFile)
{
    public static BenchOptions FromEnvironment()
    {
        var root = Environment.GetEnvironmentVariable("BENCH_REPOSITORY_ROOT") ?? Directory.GetCurrentDirectory();
        return new BenchOptions(
            root,
            Environment.GetEnvironmentVariable("BENCH_PORTAL_DLL") ?? throw new InvalidOperationException("Set BENCH_PORTAL_DLL to the portal's built CircularIctPact.Web.dll."),
            Environment.GetEnvironmentVariable("BENCH_WORK_FOLDER") ?? Path.Combine(root, ".data", "bench"),
            Number("BENCH_ITERATIONS", 20),
            TimeSpan.FromSeconds(Number("BENCH_LOAD_SECONDS", 10)),
            Number("BENCH_CONNECTIONS", 50),
            (Environment.GetEnvironmentVariable("BENCH_CIRCUITS") ?? "200,1000").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray(),
            Environment.GetEnvironmentVariable("BENCH_RESULTS_FILE"));
    }

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
