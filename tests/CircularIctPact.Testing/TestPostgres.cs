using System.Diagnostics;
using System.Globalization;
using CircularIctPact.Infrastructure.Database;
using Npgsql;
using Testcontainers.PostgreSql;

namespace CircularIctPact.Testing;

/// <summary>
/// One PostgreSQL server for the whole test run, from the first source that is available:
/// a server named by <c>CFIT_TEST_POSTGRES</c> (an admin connection string), a Testcontainers
/// container where a Docker engine answers, or a private throwaway cluster on loopback.
/// Each fixture gets its own database on it.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<Server>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = await Shared.Value;
        var name = UniqueName(purpose);
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        var builder = new NpgsqlConnectionStringBuilder(server.AdminConnectionString)
        {
            Database = name,
            IncludeErrorDetail = true,
        };
        return builder.ConnectionString;
    }

    /// <summary>Creates a database with a unique name as a copy of <paramref name="templateConnectionString"/>'s database.</summary>
    public static async Task<string> CopyDatabaseAsync(string templateConnectionString, string purpose)
    {
        var server = await Shared.Value;
        var name = UniqueName(purpose);
        var template = new NpgsqlConnectionStringBuilder(templateConnectionString).Database;
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(templateConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await Shared.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops a database that lives as long as the test process when that process ends, on a server named by
    /// <c>CFIT_TEST_POSTGRES</c>; a throwaway cluster or container goes away whole.
    /// </summary>
    public static void DropWhenTheRunEnds(string connectionString)
    {
        if (Environment.GetEnvironmentVariable("CFIT_TEST_POSTGRES") is { Length: > 0 })
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropDatabaseAsync(connectionString).GetAwaiter().GetResult();
        }
    }

    private static string UniqueName(string purpose)
    {
        var prefix = new string([.. purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24)]);
        return $"cfit_{prefix}_{Guid.NewGuid():N}";
    }

    private static async Task<Server> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("CFIT_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return new Server(configured);
        }

        if (DockerEngineMayAnswer())
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return new Server(container.GetConnectionString());
        }

        var root = Path.Combine(Path.GetTempPath(), $"cfit-test-postgres-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var cluster = await EmbeddedPostgresCluster.StartAsync(root, durable: false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DestroyAsync().GetAwaiter().GetResult();
        RemoveWhenThisProcessIsGone(root);
        return new Server(cluster.AdminConnectionString);
    }

    /// <summary>
    /// The test runner may end the test host before its ProcessExit handlers have stopped the cluster, which then keeps
    /// running on its own. A watchdog in a session of its own, outside the test host's process tree (the subshell is
    /// orphaned at once, so a tree kill or a hang-up does not reach it), shuts the cluster down once the test host is gone
    /// and removes its folder after the server has stopped. The process id and folder are passed as arguments, never
    /// pasted into the script.
    /// </summary>
    private static void RemoveWhenThisProcessIsGone(string root)
    {
        const string Script = """
            ( while kill -0 "$1" 2>/dev/null; do sleep 2; done
              postmaster=$(head -n 1 "$2/cluster/postmaster.pid" 2>/dev/null)
              if [ -n "$postmaster" ] && [ "$(cat "/proc/$postmaster/comm" 2>/dev/null)" = postgres ]; then
                kill -INT "$postmaster"
                for _ in $(seq 1 30); do kill -0 "$postmaster" 2>/dev/null || break; sleep 1; done
              fi
              rm -rf "$2" ) </dev/null >/dev/null 2>&1 &
            """;
        var watchdog = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var argument in new[] { "sh", "-c", Script, "watchdog", Environment.ProcessId.ToString(
            CultureInfo.InvariantCulture), root })
        {
            watchdog.ArgumentList.Add(argument);
        }

        using var shell = Process.Start(watchdog);
        shell?.WaitForExit();
    }

    // Asking Testcontainers itself costs a second or two; these checks cost nothing.
    private static bool DockerEngineMayAnswer()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")))
        {
            return true;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return File.Exists(Path.Combine(home, ".testcontainers.properties"))
            || File.Exists("/var/run/docker.sock")
            || File.Exists($"/run/user/{Environment.GetEnvironmentVariable("UID")}/docker.sock");
    }

    private sealed record Server(string AdminConnectionString);
}
