using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using CircularIctPact.Infrastructure.Database;
using CircularIctPact.Infrastructure.Seeding;
using Npgsql;

namespace CircularIctPact.Bench;

/// <summary>
/// The whole benchmark: a fresh database on the private bench cluster, the large seed, then the portal measured
/// once with output caching off (page times, SQL query counts, wrk) and once with it on (wrk, circuits).
/// </summary>
internal static class BenchRun
{
    private const string Database = "cfit_bench";
    private const string CataloguePath = "criteria";
    private const string CriteriaApiPath = "api/v1/criteria?productGroup=laptops";

    /// <summary>The main pages and endpoints per role; null e-mail means not signed in.</summary>
    private static readonly (string Role, string? Email, string[] Paths)[] Pages =
    [
        ("anonymous", null, ["", CataloguePath, "criteria?productGroup=laptops&lang=nl", "criteria?productGroup=bench-group-01&lang=de",
            "signatories", "join", "api/v1/product-groups", CriteriaApiPath, "api/v1/criteria?productGroup=bench-group-01&lang=fr",
            "api/v1/product-groups/laptops/versions", "working-groups", "good-practices", "events", "market-signal", "calculator"]),
        ("procurer", DemoAccounts.Procurer, ["", "my-organisation", CataloguePath, "criteria/shortlist", "tenders", "tender-calendar",
            "discussions", "discussions/pact", "library", "consultations", "notifications", "self-assessment"]),
        ("coordinator", DemoAccounts.CoordinatorNetherlands, ["", "members", "applications", "invitations", "audit", "tenders", "demand",
            "impact", "good-practices/review"]),
        ("secretariat", DemoAccounts.Admin, ["", "admin/signatories", "admin/buyer-groups", "admin/users", "admin/criteria", "members",
            "audit", "demand", "impact", "admin/market-signal", "admin/working-groups"]),
        ("working-group chair", DemoAccounts.Chair, ["", "my-working-groups", "working-groups", "discussions"]),
    ];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var report = new StringBuilder();
        var started = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();
        var work = Path.Combine(options.WorkFolder, started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(work);
        Console.WriteLine($"Work folder (portal logs): {work}");

        var cluster = await EmbeddedPostgresCluster.StartAsync(
            Path.Combine(options.RepositoryRoot, ".data", "bench-postgres"), durable: false);
        try
        {
            await RecreateDatabaseAsync(cluster);
            var connectionString = cluster.ConnectionStringFor(Database);
            Header(report, started, options);

            IReadOnlyList<string> seeded;
            WrkSet? cachingOff = null;
            await using (var portal = await PortalProcess.StartAsync(
                options.PortalDll, connectionString, work, new Dictionary<string, string> { ["Performance__OutputCaching"] = "false" }))
            {
                Console.WriteLine("Seeding the large data set...");
                var seedClock = Stopwatch.StartNew();
                seeded = await LargeDataSet.SeedAsync(connectionString, Console.Out);
                report.AppendLine(CultureInfo.InvariantCulture, $"### Data set (seeded in {seedClock.Elapsed.TotalSeconds:F0} s)")
                    .AppendLine();
                foreach (var line in seeded)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
                }

                report.AppendLine();
                if (options.Runs(BenchPart.Pages))
                {
                    await MeasurePagesAsync(portal, options, report);
                }

                if (options.Runs(BenchPart.Load))
                {
                    cachingOff = await MeasureThroughputAsync(portal, options, work, "off");
                }
            }

            if (cachingOff is not null)
            {
                await using var portal = await PortalProcess.StartAsync(
                    options.PortalDll, connectionString, work, new Dictionary<string, string> { ["Performance__OutputCaching"] = "true" });
                var cachingOn = await MeasureThroughputAsync(portal, options, work, "on");
                WriteThroughput(report, options, cachingOn, cachingOff);
            }

            if (options.Runs(BenchPart.Circuits))
            {
                await MeasureCircuitsAsync(
                    () => PortalProcess.StartAsync(options.PortalDll, connectionString, work, new Dictionary<string, string>()),
                    options,
                    report);
            }
        }
        finally
        {
            await cluster.StopAsync();
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"Whole run: {total.Elapsed.TotalMinutes:F1} minutes.");
        var text = report.ToString();
        Console.WriteLine();
        Console.WriteLine(text);
        if (options.ResultsFile is { } file)
        {
            await ResultsDocument.WriteAsync(file, text);
            Console.WriteLine($"Results written into {file}");
        }

        return 0;
    }

    private static void Header(StringBuilder report, DateTimeOffset started, BenchOptions options)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        report.AppendLine(CultureInfo.InvariantCulture, $"## Run of {started:yyyy-MM-dd HH:mm} UTC").AppendLine();
        report.AppendLine(
            CultureInfo.InvariantCulture,
            $"- machine: {Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {Environment.OSVersion}, .NET {Environment.Version}");
        report.AppendLine(CultureInfo.InvariantCulture, $"- load average at start: {load}");
        var only = Environment.GetEnvironmentVariable("BENCH_ONLY");
        report.AppendLine(
            string.IsNullOrWhiteSpace(only)
                ? "- command: `./scripts/bench.sh`"
                : $"- command: `BENCH_ONLY={only} ./scripts/bench.sh` (seed, then only these parts)");
        report.AppendLine(CultureInfo.InvariantCulture, $"- portal GC: {GcSettings()}");
        report.AppendLine(
            CultureInfo.InvariantCulture,
            $"- settings: {options.Iterations} timed requests per page after 3 warm-up requests; wrk " +
                $"{options.LoadDuration.TotalSeconds:F0} s after an uncounted {LoadTest.WarmUp.TotalSeconds:F0} s warm-up per address, " +
                    $"{options.Connections} connections, 2 threads");
        report.AppendLine();
    }

    private static async Task RecreateDatabaseAsync(EmbeddedPostgresCluster cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        await cluster.EnsureDatabaseAsync(Database);
    }

    private static async Task MeasurePagesAsync(PortalProcess portal, BenchOptions options, StringBuilder report)
    {
        Console.WriteLine("Timing the main pages (output caching off)...");
        report.AppendLine("### Server time per page and endpoint (output caching off)").AppendLine();
        report.AppendLine(
            "Time from sending the request to the last byte of the answer, measured by the client on 127.0.0.1 (so it includes");
        report.AppendLine("the loopback hop, a fraction of a millisecond); SQL queries counted per request by the EF Core interceptor.")
            .AppendLine();
        report.AppendLine("| role | address | status | p50 ms | p95 ms | SQL queries | bytes |");
        report.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var (role, email, paths) in Pages)
        {
            using var session = email is null ? PortalSession.Anonymous(portal.Address) : await PortalSession.SignInAsync(
                portal.Address, email);
            foreach (var path in paths)
            {
                var samples = new List<double>();
                var status = 0;
                var queries = "–";
                var bytes = 0;
                for (var i = 0; i < options.Iterations + 3; i++)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await TryGetAsync(session.Client, path);
                    if (response is null)
                    {
                        samples.Add(clock.Elapsed.TotalMilliseconds);
                        status = 0;
                        break;
                    }

                    var body = await response.Content.ReadAsByteArrayAsync();
                    clock.Stop();
                    status = (int)response.StatusCode;
                    bytes = body.Length;
                    if (response.Headers.TryGetValues("X-Sql-Queries", out var counted))
                    {
                        queries = counted.First();
                    }

                    if (i >= 3)
                    {
                        samples.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }

                var line = status == 0
                    ? string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {role} | `/{path}` | no answer within {samples[^1] / 1000:F0} s | – | – | {queries} | – |")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"| {role} | `/{path}` | {status} | {Statistics.Percentile(samples, 50):F1} | " +
                            $"{Statistics.Percentile(samples, 95):F1} | {queries} | {bytes:N0} |");
                report.AppendLine(line);
                Console.WriteLine(line);
            }
        }

        report.AppendLine();
    }

    /// <summary>The answer, or null when the page did not answer within the client's timeout: one slow page must not end the run.</summary>
    private static async Task<HttpResponseMessage?> TryGetAsync(HttpClient client, string path)
    {
        try
        {
            return await client.GetAsync(path);
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<WrkSet> MeasureThroughputAsync(PortalProcess portal, BenchOptions options, string work, string caching)
    {
        Console.WriteLine($"Load with wrk, output caching {caching}...");
        var folder = Path.Combine(work, $"static-{caching}");
        Directory.CreateDirectory(folder);
        using (var anonymous = PortalSession.Anonymous(portal.Address))
        {
            // The baseline serves exactly the bytes a cookie-less client gets from the portal.
            await File.WriteAllBytesAsync(Path.Combine(folder, "criteria.html"), await anonymous.Client.GetByteArrayAsync(CataloguePath));
            await File.WriteAllBytesAsync(Path.Combine(folder, "criteria.json"), await anonymous.Client.GetByteArrayAsync(CriteriaApiPath));
        }

        await using var baseline = await StaticFileBaseline.StartAsync(folder);
        var catalogue = await LoadTest.MeasureAsync(new Uri(portal.Address, CataloguePath), options.Connections, options.LoadDuration);
        var catalogueStatic = await LoadTest.MeasureAsync(
            new Uri(baseline.Address, "criteria.html"), options.Connections, options.LoadDuration);
        var api = await LoadTest.MeasureAsync(new Uri(portal.Address, CriteriaApiPath), options.Connections, options.LoadDuration);
        var apiStatic = await LoadTest.MeasureAsync(new Uri(baseline.Address, "criteria.json"), options.Connections, options.LoadDuration);
        Console.WriteLine(
            $"  catalogue {catalogue.RequestsPerSecond:F0}/s vs static {catalogueStatic.RequestsPerSecond:F0}/s; API " +
                $"{api.RequestsPerSecond:F0}/s vs static {apiStatic.RequestsPerSecond:F0}/s");
        return new WrkSet(catalogue, catalogueStatic, api, apiStatic);
    }

    private static void WriteThroughput(StringBuilder report, BenchOptions options, WrkSet on, WrkSet off)
    {
        report.AppendLine(
            CultureInfo.InvariantCulture,
            $"### Throughput under wrk ({options.Connections} connections, {options.LoadDuration.TotalSeconds:F0} s each after an " +
                $"uncounted {LoadTest.WarmUp.TotalSeconds:F0} s warm-up, 127.0.0.1)")
            .AppendLine();
        report.AppendLine(
            "The static baseline is Kestrel's static-file middleware serving the same bytes, measured right after the portal in");
        report.AppendLine(
            "the same run; the ratio is the figure that matters on a shared machine. Targets: ratio ≥ 0.5 and p99 ≤ 50 ms with");
        report.AppendLine("caching on, ratio ≥ 0.10 with caching off.").AppendLine();
        report.AppendLine(
            "| address | output cache | portal req/s | portal p99 ms | static req/s | static p99 ms | ratio | failed or timed out |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (caching, set) in new[] { ("on", on), ("off", off) })
        {
            Row(report, $"/{CataloguePath}", caching, set.Catalogue, set.CatalogueStatic);
            Row(report, $"/{CriteriaApiPath}", caching, set.Api, set.ApiStatic);
        }

        report.AppendLine();

        static void Row(StringBuilder report, string path, string caching, WrkResult portal, WrkResult baseline) =>
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| `{path}` | {caching} | {portal.RequestsPerSecond:F0} | {portal.P99Milliseconds:F1} | {baseline.RequestsPerSecond:F0} " +
                    $"| {baseline.P99Milliseconds:F1} | {portal.RequestsPerSecond / baseline.RequestsPerSecond:F2} | " +
                        $"{portal.NonSuccessResponses} |");
    }

    private static async Task MeasureCircuitsAsync(Func<Task<PortalProcess>> startPortal, BenchOptions options, StringBuilder report)
    {
        report.AppendLine("### Memory per interactive circuit").AppendLine();
        report.AppendLine("Real Blazor Server circuits opened over WebSockets by a SignalR client that does what blazor.web.js does");
        report.AppendLine("(prerendered `/members` as the signed-in coordinator, `StartCircuit` + `UpdateRootComponents` with the page's");
        report.AppendLine(
            "markers, render batches acknowledged); a circuit counts once the server has rendered its components. Each count");
        report.AppendLine("runs in a portal process of its own, started for it and warmed up with the page; memory is that process's");
        report.AppendLine("resident set (VmRSS) before the circuits and after they settle.").AppendLine();
        report.AppendLine("| circuits held | open | failed | process MiB before | process MiB with circuits | MiB per circuit |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var count in options.CircuitCounts)
        {
            // A fresh process per count: the heap the load test or a smaller step freed is not handed back to the
            // operating system at once, and would be counted as this step's circuits.
            await using var portal = await startPortal();
            using var coordinator = await PortalSession.SignInAsync(portal.Address, DemoAccounts.CoordinatorNetherlands);
            (await coordinator.Client.GetAsync(new Uri(portal.Address, "members"))).EnsureSuccessStatusCode();
            await HoldAsync(portal, options, 0);
            Console.WriteLine($"Opening {count} circuits...");
            await Task.Delay(TimeSpan.FromSeconds(3));
            var before = portal.ResidentMegabytes();
            await using var hold = await CircuitLoad.OpenAsync(portal.Address, coordinator.Cookies, "members", count, Console.Out);
            await Task.Delay(TimeSpan.FromSeconds(10));
            var open = hold.Open;
            var with = portal.ResidentMegabytes();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {count} | {open} | {hold.FailureCount} | {before:F0} | {with:F0} | " +
                    $"{(open == 0 ? double.NaN : (with - before) / open):F2} |");
            report.AppendLine(line);
            Console.WriteLine(line);
            await HoldAsync(portal, options, open);
            Console.WriteLine($"  closed {await hold.CloseAsync()} circuits through /_blazor/disconnect");
        }

        report.AppendLine();
        report.AppendLine("Target: 1,000 circuits within 1 GiB of process memory (the \"process MiB with circuits\" column).").AppendLine();
    }

    /// <summary>
    /// With BENCH_CIRCUIT_HOLD_SECONDS, waits so that a heap dump can be taken of the portal (e.g. <c>dotnet-gcdump collect -p</c>).
    /// </summary>
    private static async Task HoldAsync(PortalProcess portal, BenchOptions options, int open)
    {
        if (options.CircuitHold > TimeSpan.Zero)
        {
            Console.WriteLine(
                $"  holding {open} circuits for {options.CircuitHold.TotalSeconds:F0} s; portal process id {portal.Id}, " +
                    $"{portal.ResidentMegabytes():F0} MiB resident");
            await Task.Delay(options.CircuitHold);
        }
    }

    /// <summary>The GC settings the portal inherits from the environment, on top of those in its runtimeconfig.json.</summary>
    private static string GcSettings()
    {
        var settings = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(name => $"{name}={Environment.GetEnvironmentVariable(name)}")
            .ToList();
        return settings.Count == 0 ? "as in the portal's runtimeconfig.json" : "runtimeconfig.json, overridden by " + string.Join(
            ", ", settings);
    }

    private sealed record WrkSet(WrkResult Catalogue, WrkResult CatalogueStatic, WrkResult Api, WrkResult ApiStatic);
}

/// <summary>Puts the latest results between the markers in docs/performance.md (or appends them when the markers are missing).</summary>
internal static class ResultsDocument
{
    private const string Start = "<!-- bench-results:start -->";
    private const string End = "<!-- bench-results:end -->";

    public static async Task WriteAsync(string file, string results)
    {
        var existing = File.Exists(file) ? await File.ReadAllTextAsync(file) : string.Empty;
        var block = $"{Start}\n{results.TrimEnd()}\n{End}";
        var start = existing.IndexOf(Start, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + block + existing[(end + End.Length)..]
            : existing.TrimEnd() + "\n\n" + block + "\n";
        await File.WriteAllTextAsync(file, updated);
    }
}
