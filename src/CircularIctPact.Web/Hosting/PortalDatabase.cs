using CircularIctPact.Infrastructure.Database;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Web.Features.Demand;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CircularIctPact.Web.Hosting;

/// <summary>Finds the portal's database: a configured connection string, or in development a private cluster.</summary>
internal static class PortalDatabase
{
    public const string ConnectionStringName = "Portal";
    private const string DevelopmentDatabaseName = "cfit";

    /// <summary>
    /// Returns the connection string. In Development without <c>ConnectionStrings:Portal</c>, starts the
    /// private PostgreSQL cluster under <c>.data/postgres</c> of the repository and registers its shutdown.
    /// </summary>
    public static async Task<string> ResolveConnectionStringAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return WithPreparedStatements(configured);
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "No database is configured. Set ConnectionStrings__Portal to a PostgreSQL connection string " +
                "(outside Development the portal does not start a private cluster).");
        }

        var root = PortalPaths.For(builder.Environment)
            .Resolve(builder.Configuration["EmbeddedPostgres:Directory"] ?? Path.Combine(".data", "postgres"));
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole());
        var cluster = await EmbeddedPostgresCluster.StartAsync(root, durable: true, loggerFactory.CreateLogger("EmbeddedPostgres"));
        await cluster.EnsureDatabaseAsync(DevelopmentDatabaseName);
        builder.Services.AddHostedService(_ => new EmbeddedClusterLifetime(cluster));
        // Command-line runs never start the host, so they stop the cluster themselves (PortalCommandLine).
        builder.Services.AddSingleton(cluster);
        return WithPreparedStatements(cluster.ConnectionStringFor(DevelopmentDatabaseName));
    }

    /// <summary>
    /// Statements that run on every request (a product group by its address, a set's criteria, a member list's page) are
    /// prepared on each pooled connection from their second use, so PostgreSQL parses them once and may keep their plan,
    /// instead of parsing and planning them on every request. A pooled connection is handed back without resetting its
    /// session: the portal sets no session state (no SET, LISTEN, temporary tables or session advisory locks), and the reset
    /// that keeps prepared statements costs PostgreSQL more than many of the queries. Each of the three settings that the
    /// connection string names itself is kept (Max Auto Prepare=0 switches preparation off, e.g. behind a pooler that
    /// shares server connections between transactions).
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Names(string keyword, string alias) => named.ContainsKey(keyword) || named.ContainsKey(alias);

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names("Max Auto Prepare", "MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = 50;
        }

        if (!Names("Auto Prepare Min Usages", "AutoPrepareMinUsages"))
        {
            settings.AutoPrepareMinUsages = 2;
        }

        if (!Names("No Reset On Close", "NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        return settings.ConnectionString;
    }

    /// <summary>
    /// Applies pending migrations, loads the reference content into an empty database (<c>Content:LoadOnFirstStart</c>)
    /// and, where configured, adds the demo seed on top of it (never in Production).
    /// </summary>
    public static async Task InitialiseAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.MigrateAsync();
        }

        await services.GetRequiredService<PortalRoleSetup>().EnsureAsync();
        if (app.Configuration.GetValue("Content:LoadOnFirstStart", true))
        {
            await services.GetRequiredService<ReferenceContentImport>().LoadOnFirstStartAsync();
        }

        if (app.Configuration.GetValue<bool>("Seed:DemoData"))
        {
            if (app.Environment.IsProduction())
            {
                app.Logger.LogWarning("Seed:DemoData is ignored in Production: demo accounts are never created there");
                return;
            }

            await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
            await services.GetRequiredService<TenderDemoData>().SeedAsync();
            await services.GetRequiredService<MarketSignalDemoData>().SeedAsync();
            await services.GetRequiredService<ConsultationDemoData>().SeedAsync();
            await services.GetRequiredService<KnowledgeDemoData>().SeedAsync();
        }
    }

    /// <summary>Stops the private cluster after the portal has stopped serving.</summary>
    private sealed class EmbeddedClusterLifetime(EmbeddedPostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync();
    }
}
