using System.Net;
using System.Security.Cryptography.X509Certificates;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace CircularIctPact.Testing;

/// <summary>
/// Hosts the portal over its own fresh PostgreSQL database with the demo seed, as a test fixture.
/// Set <see cref="ServeOnLoopback"/> to listen on a real socket for a browser.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    // Migrating and seeding a database takes seconds; copying a seeded one takes a fraction of that. Each test process
    // seeds one database the first time a fixture needs it, and every fixture then starts from a copy of its own.
    private static readonly Lazy<Task<string>> SeededTemplate = new(SeedTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private string _connectionString = string.Empty;
    private bool _startedFromSeededCopy;

    public string ConnectionString => _connectionString;

    /// <summary>Folder where the portal drops outgoing mail as .eml files.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "cfit-test-mail", Guid.NewGuid().ToString("N"));

    /// <summary>Serve on 127.0.0.1 with Kestrel (for Playwright) instead of the in-memory test server.</summary>
    protected virtual bool ServeOnLoopback => false;

    /// <summary>With <see cref="ServeOnLoopback"/>: serve https with this certificate instead of plain http.</summary>
    protected virtual X509Certificate2? LoopbackCertificate => null;

    /// <summary>
    /// Start from a copy of the test run's migrated database with the demo seed (the default), or from an empty database
    /// that the portal migrates and seeds as its settings say (for fixtures whose start-up itself is under test).
    /// </summary>
    protected virtual bool StartsFromSeededCopy => true;

    /// <summary>The root address when served on loopback, e.g. http://127.0.0.1:41234/.</summary>
    public Uri RootUri { get; private set; } = new("http://localhost/");

    public virtual async Task InitializeAsync()
    {
        _startedFromSeededCopy = StartsFromSeededCopy;
        _connectionString = _startedFromSeededCopy
            ? await TestPostgres.CopyDatabaseAsync(await SeededTemplate.Value, GetType().Name)
            : await TestPostgres.CreateDatabaseAsync(GetType().Name);
        if (ServeOnLoopback)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (LoopbackCertificate is { } certificate)
                {
                    listen.UseHttps(certificate);
                }
            }));
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            // "localhost" rather than the IP: browsers refuse WebAuthn (passkeys) on bare IP addresses.
            RootUri = new UriBuilder(address) { Host = "localhost", Path = "/" }.Uri;
        }
        else
        {
            _ = Server;
        }
    }

    public PortalDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_connectionString);
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the package static assets (MudBlazor, blazor.web.js) from the build output.
        builder.UseEnvironment("Development");
        // Serve the build's static assets as a published portal does (compressed, fingerprinted ones cached for a year).
        // Development would otherwise re-check each file against the manifest, mark everything no-cache, and send an
        // asset whose timestamp differs from its package's manifest (MudBlazor's) as stored, uncompressed gzip.
        builder.UseSetting("ReloadStaticAssetsAtRuntime", "false");
        builder.UseSetting("ConnectionStrings:Portal", _connectionString);
        // A copy already holds the seed; seeding it again would only check that everything is there.
        builder.UseSetting("Seed:DemoData", _startedFromSeededCopy ? "false" : "true");
        builder.UseSetting("Mail:DropFolder", MailFolder);
        builder.UseSetting("Serilog:WriteTo:1:Name", "Console");
        // Hundreds of hosts answering thousands of requests: only warnings and errors are worth a line in the test output.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Test suites sign in far more often than a person; the limits themselves have their own tests.
        builder.UseSetting("RateLimits:FormPostsPerMinute", "10000");
    }

    private static async Task<string> SeedTemplateAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("seeded template");
        await using (var seeding = new TemplateSeedingPortal(connectionString))
        {
            // Starting the host applies the migrations and the demo seed.
            _ = seeding.Server;
        }

        // CREATE DATABASE … TEMPLATE refuses while any connection to the template is open, pooled ones included.
        NpgsqlConnection.ClearAllPools();
        TestPostgres.DropWhenTheRunEnds(connectionString);
        return connectionString;
    }

    private sealed class TemplateSeedingPortal : PortalFactory
    {
        public TemplateSeedingPortal(string connectionString) => _connectionString = connectionString;
    }
}
