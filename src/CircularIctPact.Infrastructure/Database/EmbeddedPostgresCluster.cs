using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CircularIctPact.Infrastructure.Database;

/// <summary>
/// A private PostgreSQL cluster that listens on loopback only, created under a folder the caller
/// chooses. It serves development runs (kept between runs) and test runs (thrown away) on machines
/// without Docker. The server binaries come from the Debian PostgreSQL packages.
/// </summary>
public sealed class EmbeddedPostgresCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";

    private readonly PostgresBinaries _binaries;
    private readonly string _root;
    private readonly ILogger _logger;
    private bool _stopped;

    private EmbeddedPostgresCluster(PostgresBinaries binaries, string root, int port, string password, ILogger logger)
    {
        _binaries = binaries;
        _root = root;
        Port = port;
        _logger = logger;
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            Username = Superuser,
            Password = password,
            Database = "postgres",
        }.ConnectionString;
    }

    public int Port { get; }

    /// <summary>A superuser connection to the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString { get; }

    private string DataDirectory => Path.Combine(_root, "cluster");

    /// <summary>Starts the cluster kept in <paramref name="root"/>, creating it first when the folder is new.</summary>
    /// <param name="root">Folder that holds the cluster, its socket, log and password file.</param>
    /// <param name="durable">False for throwaway test clusters: fsync and synchronous commit off.</param>
    /// <exception cref="PostgresPrerequisiteMissingException">The PostgreSQL server packages are not installed.</exception>
    public static async Task<EmbeddedPostgresCluster> StartAsync(
        string root,
        bool durable,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var binaries = PostgresBinaries.Locate();
        root = Path.GetFullPath(root);
        var dataDirectory = Path.Combine(root, "cluster");
        var socketDirectory = Path.Combine(root, "socket");
        var passwordFile = Path.Combine(root, "superuser-password");

        await binaries.CreateOwnedDirectoryAsync(root, cancellationToken);
        await binaries.CreateOwnedDirectoryAsync(socketDirectory, cancellationToken);

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            logger.LogInformation("Creating a private PostgreSQL cluster in {DataDirectory}", dataDirectory);
            await File.WriteAllTextAsync(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), cancellationToken);
            await binaries.HandOverAsync(passwordFile, cancellationToken);
            await binaries.RunAsync(
                "initdb",
                [
                    "-D",
                    dataDirectory,
                    "-U",
                    Superuser,
                    "-A",
                    "scram-sha-256",
                    "--pwfile=" + passwordFile,
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-instructions"],
                cancellationToken);
        }

        var password = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
        var runningPort = await RunningPortAsync(binaries, dataDirectory, cancellationToken);
        if (runningPort is { } port)
        {
            logger.LogInformation("Reusing the private PostgreSQL cluster already running on 127.0.0.1:{Port}", port);
            return new EmbeddedPostgresCluster(binaries, root, port, password, logger);
        }

        port = FreeLoopbackPort();
        var serverOptions = $"-p {port} -c listen_addresses=127.0.0.1 -k {socketDirectory}"
            + (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await binaries.RunAsync(
            "pg_ctl",
            ["-D", dataDirectory, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60", "-o", serverOptions, "start"],
            cancellationToken);
        logger.LogInformation("Private PostgreSQL cluster started on 127.0.0.1:{Port}", port);
        return new EmbeddedPostgresCluster(binaries, root, port, password, logger);
    }

    /// <summary>A connection string for <paramref name="database"/> on this cluster, as the superuser.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates the database when it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand(
                $"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Restarts the server on the same port with the same options (<c>pg_ctl restart</c>, fast mode): open sessions
    /// are ended, committed work is kept. The fault demonstration uses it while the portal is saving.
    /// </summary>
    public Task RestartAsync() =>
        _binaries.RunAsync(
            "pg_ctl",
            ["-D", DataDirectory, "-l", Path.Combine(_root, "postgres.log"), "-m", "fast", "-w", "-t", "60", "restart"],
            CancellationToken.None);

    /// <summary>Stops the server (fast shutdown: open sessions are ended, committed work is kept).</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        NpgsqlConnection.ClearAllPools();

        // A Ctrl-C in a terminal reaches the server too (same process group) and stops it on its own.
        if (!await _binaries.TryRunAsync("pg_ctl", ["-D", DataDirectory, "status"], CancellationToken.None))
        {
            _logger.LogInformation("Private PostgreSQL cluster already stopped");
            return;
        }

        await _binaries.RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], CancellationToken.None);
        _logger.LogInformation("Private PostgreSQL cluster stopped");
    }

    /// <summary>Stops the server and removes its folder; for throwaway test clusters.</summary>
    public async Task DestroyAsync()
    {
        await StopAsync();
        Directory.Delete(_root, recursive: true);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<int?> RunningPortAsync(PostgresBinaries binaries, string dataDirectory, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !await binaries.TryRunAsync("pg_ctl", ["-D", dataDirectory, "status"], cancellationToken))
        {
            return null;
        }

        // Line 4 of postmaster.pid holds the port the running server listens on.
        var lines = await File.ReadAllLinesAsync(pidFile, cancellationToken);
        return lines.Length > 3 && int.TryParse(lines[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>The PostgreSQL server programs could not be found on this machine.</summary>
public sealed class PostgresPrerequisiteMissingException : Exception
{
    public PostgresPrerequisiteMissingException()
        : base(PostgresBinaries.MissingMessage)
    {
    }

    public PostgresPrerequisiteMissingException(string message)
        : base(message)
    {
    }

    public PostgresPrerequisiteMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Finds initdb and pg_ctl, and runs them as the right operating-system user.</summary>
internal sealed class PostgresBinaries
{
    public const string MissingMessage =
        "PostgreSQL server programs (initdb, pg_ctl) were not found. Install them with " +
        "'apt-get install -y postgresql' (or set POSTGRES_BIN_DIR to their folder), " +
        "or set ConnectionStrings__Portal to an existing PostgreSQL database.";

    private readonly string _binDirectory;

    // initdb refuses to run as root, so as root every server program runs as the 'postgres' system user.
    private readonly bool _runAsPostgresUser;

    private PostgresBinaries(string binDirectory, bool runAsPostgresUser)
    {
        _binDirectory = binDirectory;
        _runAsPostgresUser = runAsPostgresUser;
    }

    public static PostgresBinaries Locate()
    {
        var binDirectory = Candidates().FirstOrDefault(dir => File.Exists(
            Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            ?? throw new PostgresPrerequisiteMissingException();
        var isRoot = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        if (isRoot && !PostgresUserExists())
        {
            throw new PostgresPrerequisiteMissingException(
                "Running as root, the private PostgreSQL cluster needs the 'postgres' system user that the Debian package creates. "
                    + MissingMessage);
        }

        return new PostgresBinaries(binDirectory, isRoot);
    }

    public async Task CreateOwnedDirectoryAsync(string path, CancellationToken cancellationToken)
    {
        if (_runAsPostgresUser)
        {
            await RunRawAsync("install", ["-d", "-o", "postgres", "-g", "postgres", "-m", "700", path], cancellationToken);
        }
        else
        {
            Directory.CreateDirectory(path);
        }
    }

    public async Task HandOverAsync(string file, CancellationToken cancellationToken)
    {
        if (_runAsPostgresUser)
        {
            await RunRawAsync("chown", ["postgres:postgres", file], cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (file, allArguments) = Command(program, arguments);
        return RunRawAsync(file, allArguments, cancellationToken);
    }

    public async Task<bool> TryRunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (file, allArguments) = Command(program, arguments);
        var (exitCode, _) = await ExecuteAsync(file, allArguments, cancellationToken);
        return exitCode == 0;
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("POSTGRES_BIN_DIR") is { Length: > 0 } configured)
        {
            yield return configured;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            foreach (var version in Directory.GetDirectories(debianRoot)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                .OrderByDescending(name => int.Parse(name, CultureInfo.InvariantCulture)))
            {
                yield return Path.Combine(debianRoot, version, "bin");
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(
            ':', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return directory;
        }
    }

    private static bool PostgresUserExists() =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal));

    private (string File, IReadOnlyList<string> Arguments) Command(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binDirectory, program);
        return _runAsPostgresUser ? ("runuser", ["-u", "postgres", "--", path, .. arguments]) : (path, arguments);
    }

    private static async Task RunRawAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await ExecuteAsync(file, arguments, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' failed with exit code {exitCode}: {output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> ExecuteAsync(
        string file,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The server must not inherit the caller's working directory: it may be one the postgres user cannot enter.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{file}'.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await stdout + await stderr;
        return (process.ExitCode, output.Trim());
    }
}
