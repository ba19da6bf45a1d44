using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Hosting;

public sealed class DatabaseLifecycleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        await using var db = portal.CreateDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures: add a migration.");
    }

    [Fact]
    public async Task Seeding_twice_leaves_the_same_data()
    {
        var before = await CountRowsAsync();

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }

        Assert.Equal(before, await CountRowsAsync());
        Assert.Contains(before, table => table.Key == "users" && table.Value >= 5);
    }

    [Fact]
    public async Task Seed_holds_the_launch_signatories_with_initiator_and_co_lead()
    {
        await using var db = portal.CreateDbContext();
        var signatories = await db.Signatories.AsNoTracking().Include(s => s.StatusHistory).ToListAsync();

        var netherlands = signatories.Single(s => s.Name == "Netherlands");
        Assert.Equal(Domain.Signatories.SignatoryRole.Initiator, netherlands.Role);
        Assert.Equal(new DateOnly(2021, 6, 14), netherlands.SignedOn);
        Assert.Equal(Domain.Signatories.SignatoryRole.CoLead, signatories.Single(s => s.Name == "Belgium").Role);
        Assert.Equal(7, signatories.Count(s => s.Status == Domain.Signatories.SignatoryStatus.Signed));
    }

    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var db = portal.CreateDbContext();
        var rows = await db.Database.SqlQuery<TableCount>($"""
            SELECT table_name AS "Table",
                   (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]
                       ::text::bigint AS "Rows"
            FROM information_schema.tables
            WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_%'
            """).ToListAsync();
        return rows.ToDictionary(row => row.Table, row => row.Rows);
    }

    private sealed record TableCount(string Table, long Rows);
}
