using CircularIctPact.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Hosting;

/// <summary>The portal started as in production, with the demo seed switched on by mistake.</summary>
public sealed class ProductionPortal : PortalFactory
{
    protected override bool StartsFromSeededCopy => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class ProductionSeedTests(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task Production_never_creates_demo_accounts_even_when_the_seed_is_switched_on()
    {
        await using var db = portal.CreateDbContext();

        Assert.Empty(await db.Users.ToListAsync());
        Assert.Empty(await db.Signatories.ToListAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
