using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CircularIctPact.Infrastructure.Database;
using CircularIctPact.Infrastructure.Seeding;
using Npgsql;

namespace CircularIctPact.Bench;

/// <summary>
/// Keeps saving named shortlists through the portal's own form endpoint while PostgreSQL is restarted, then
/// checks that every save the portal acknowledged is in the database and that saving works again by itself.
/// </summary>
internal static partial class FaultDemo
{
    private const int Savers = 4;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RestartAfter = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var root = Path.Combine(Path.GetTempPath(), "cfit-fault-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = await EmbeddedPostgresCluster.StartAsync(Path.Combine(root, "postgres"), durable: true);
        try
        {
            await cluster.EnsureDatabaseAsync("cfit_fault");
            var connectionString = cluster.ConnectionStringFor("cfit_fault");
            await using var portal = await PortalProcess.StartAsync(
                options.PortalDll, connectionString, Path.Combine(root, "portal"), new Dictionary<string, string>());
            using var procurer = await PortalSession.SignInAsync(portal.Address, DemoAccounts.Procurer);
            var token = await PrepareShortlistAsync(procurer);

            var outcomes = new ConcurrentBag<(DateTimeOffset At, string Name, HttpStatusCode? Status, string Note)>();
            var clock = Stopwatch.StartNew();
            var restart = Task.Run(async () =>
            {
                await Task.Delay(RestartAfter);
                Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F1} s] pg_ctl restart -m fast ...");
                await cluster.RestartAsync();
                Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F1} s] PostgreSQL is back");
                return clock.Elapsed;
            });
            var savers = Enumerable.Range(1, Savers).Select(saver => Task.Run(async () =>
            {
                for (var i = 1; clock.Elapsed < Duration; i++)
                {
                    var name = $"fault-{saver}-{i:D5}";
                    using var form = new FormUrlEncodedContent(
                        new Dictionary<string, string> { ["name"] = name, ["lang"] = "en", ["__RequestVerificationToken"] = token });
                    try
                    {
                        using var response = await procurer.Client.PostAsync("criteria/shortlist/saved", form);
                        var acknowledged = response.StatusCode == HttpStatusCode.Redirect
                            && response.Headers.Location?.OriginalString.Contains("saved=1", StringComparison.Ordinal) == true;
                        var note = acknowledged
                            ? "saved"
                            : response.StatusCode == HttpStatusCode.ServiceUnavailable
                                ? "temporary error (503, try again)"
                                : "other answer";
                        outcomes.Add((DateTimeOffset.UtcNow, name, response.StatusCode, note));
                    }
                    catch (HttpRequestException error)
                    {
                        outcomes.Add((DateTimeOffset.UtcNow, name, null, "no answer: " + error.Message));
                    }
                    catch (TaskCanceledException)
                    {
                        outcomes.Add((DateTimeOffset.UtcNow, name, null, "no answer within 60 s"));
                    }
                }
            })).ToArray();
            await Task.WhenAll(savers);
            var restartedAt = await restart;

            var acknowledgedNames = outcomes.Where(o => o.Note == "saved").Select(o => o.Name).ToArray();
            var stored = await StoredNamesAsync(connectionString, acknowledgedNames);
            var lost = acknowledgedNames.Except(stored).ToArray();
            var lastSaved = outcomes.Where(o => o.Note == "saved").Select(o => o.At).DefaultIfEmpty().Max();
            var lastFailure = outcomes.Where(o => o.Note != "saved").Select(o => o.At).DefaultIfEmpty().Max();
            var recovered = lastSaved > lastFailure;

            Console.WriteLine();
            Console.WriteLine($"Saves attempted:               {outcomes.Count}");
            foreach (var group in outcomes.GroupBy(o => o.Note).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {group.Key,-29}{group.Count()}");
            }

            Console.WriteLine($"PostgreSQL restarted at        {restartedAt.TotalSeconds:F1} s of {Duration.TotalSeconds:F0} s");
            Console.WriteLine($"Acknowledged saves in database: {stored.Count} of {acknowledgedNames.Length}");
            Console.WriteLine(
                $"Acknowledged saves lost:        " +
                    $"{lost.Length}{(lost.Length > 0 ? " (" + string.Join(", ", lost.Take(5)) + ")" : string.Empty)}");
            Console.WriteLine($"Saving works again afterwards:  {(recovered ? "yes" : "NO")}");
            var passed = lost.Length == 0 && recovered && acknowledgedNames.Length > 0;
            Console.WriteLine(passed ? "PASS: no acknowledged save was lost and the portal recovered by itself." : "FAIL");
            return passed ? 0 : 1;
        }
        finally
        {
            await cluster.DestroyAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Puts one criterion on the session's shortlist (a saved shortlist needs one) and returns a form token.</summary>
    private static async Task<string> PrepareShortlistAsync(PortalSession session)
    {
        var catalogue = await session.Client.GetStringAsync("criteria");
        var criterion = CriterionCheckbox().Match(catalogue);
        if (!criterion.Success)
        {
            throw new InvalidOperationException("The catalogue shows no criterion to put on the shortlist.");
        }

        using var add = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "add",
            ["ids"] = criterion.Groups[1].Value,
            ["returnUrl"] = "/criteria",
            ["__RequestVerificationToken"] = PortalSession.AntiforgeryTokenOn(catalogue),
        });
        using var added = await session.Client.PostAsync("criteria/shortlist", add);
        if (added.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Adding to the shortlist answered HTTP {(int)added.StatusCode}.");
        }

        return PortalSession.AntiforgeryTokenOn(await session.Client.GetStringAsync("criteria/shortlist"));
    }

    private static async Task<HashSet<string>> StoredNamesAsync(string connectionString, string[] names)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name FROM saved_shortlists WHERE name = ANY(@names)", connection);
        command.Parameters.AddWithValue("names", names);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
    }

    [GeneratedRegex("name=\"ids\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex CriterionCheckbox();
}
