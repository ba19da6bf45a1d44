using System.Diagnostics;
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
        var prefix = new string([.. purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24)]);
        var name = $"cfit_{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name, IncludeErrorDetail = true }.ConnectionString;
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
    /// running on its own. A watchdog outside the test host's process tree (the subshell is orphaned at once, so a
    /// tree kill does not reach it) shuts the cluster down and removes its folder once the test host is gone.
    /// </summary>
    private static void RemoveWhenThisProcessIsGone(string root)
    {
        var script = $$"""
            ( while kill -0 {{Environment.ProcessId}} 2>/dev/null; do sleep 2; done
              postmaster=$(head -n 1 '{{root}}/cluster/postmaster.pid' 2>/dev/null) && kill -INT "$postmaster" 2>/dev/null
              sleep 5; rm -rf '{{root}}' ) >/dev/null 2>&1 &
            """;
        var watchdog = new ProcessStartInfo("sh") { UseShellExecute = false };
        watchdog.ArgumentList.Add("-c");
        watchdog.ArgumentList.Add(script);
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
