using System.Net;
using System.Text.Json;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Hosting;

/// <summary>The portal started as in production on a new database, with the demo seed switched on by mistake.</summary>
public sealed class ProductionPortal : PortalFactory
{
    protected override bool StartsFromSeededCopy => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>The portal started as in production on a new database with the first-start load of reference content switched off.</summary>
public sealed class EmptyProductionPortal : PortalFactory
{
    protected override bool StartsFromSeededCopy => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Content:LoadOnFirstStart", "false");
    }
}

public sealed class ProductionSeedTests(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task Production_loads_the_reference_content_but_never_demo_accounts_even_when_the_seed_is_switched_on()
    {
        await using var db = portal.CreateDbContext();

        Assert.Empty(await db.Users.ToListAsync());
        Assert.False(await db.Users.AnyAsync(u => u.Email == DemoAccounts.Admin || u.Email!.EndsWith("@cfit.example")));
        Assert.Empty(await db.MemberOrganisations.ToListAsync());
        Assert.Empty(await db.Tenders.ToListAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        var signatories = await db.Signatories.AsNoTracking().ToListAsync();
        Assert.Equal(SignatoryRole.Initiator, signatories.Single(s => s.Name == "Netherlands").Role);
        Assert.Equal(SignatoryRole.CoLead, signatories.Single(s => s.Name == "Belgium").Role);
        Assert.Equal(7, signatories.Count(s => s.Status == SignatoryStatus.Signed));
        Assert.Null(signatories.Single(s => s.Name == "Netherlands").ContactEmail);
        Assert.Equal(
            [DemoDataSeeder.BelgianBuyerGroup, DemoDataSeeder.DutchBuyerGroup],
            await db.BuyerGroups.OrderBy(g => g.Name).Select(g => g.Name).ToListAsync());
        Assert.Contains(DemoDataSeeder.ChairedWorkingGroup, await db.WorkingGroups.Select(g => g.Name).ToListAsync());
    }

    [Fact]
    public async Task Every_role_exists_on_a_new_database_so_the_first_people_can_be_given_one()
    {
        await using var db = portal.CreateDbContext();

        var roles = await db.Roles.Select(r => r.Name).ToListAsync();

        Assert.Equal(PortalRoles.All.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Production_shows_the_laptop_and_smartphone_criteria_on_a_new_database()
    {
        using var client = portal.CreateClient();

        using var catalogue = await client.GetAsync("/criteria");
        var html = await catalogue.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, catalogue.StatusCode);
        Assert.Contains("Laptops", html, StringComparison.Ordinal);
        Assert.Contains("Smartphones", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_serves_the_laptop_criteria_in_the_open_data_api_on_a_new_database()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync("/api/v1/criteria?productGroup=laptops");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", json.RootElement.GetProperty("version").GetString());
        Assert.Contains(json.RootElement.GetProperty("criteria").EnumerateArray(), c => c.GetProperty("code").GetString() == "LAP-REP-02");
    }

    [Fact]
    public async Task Production_lists_the_signatories_on_a_new_database()
    {
        using var client = portal.CreateClient();

        var html = await client.GetStringAsync("/signatories");

        Assert.Contains("Netherlands", html, StringComparison.Ordinal);
        Assert.Contains("Belgium", html, StringComparison.Ordinal);
        Assert.Contains("Switzerland", html, StringComparison.Ordinal);
    }
}

public sealed class FirstStartSwitchedOffTests(EmptyProductionPortal portal) : IClassFixture<EmptyProductionPortal>
{
    [Fact]
    public async Task Nothing_is_loaded_when_loading_on_first_start_is_switched_off()
    {
        await using var db = portal.CreateDbContext();

        Assert.Empty(await db.Signatories.ToListAsync());
        Assert.Empty(await db.ProductGroups.ToListAsync());
        Assert.Empty(await db.BuyerGroups.ToListAsync());
        Assert.Empty(await db.WorkingGroups.ToListAsync());
        Assert.Empty(await db.Users.ToListAsync());
    }

    [Fact]
    public async Task The_demo_seed_says_it_needs_the_reference_content_when_that_is_missing()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => portal.WithServiceAsync<DemoDataSeeder>(seeder => seeder.SeedAsync()));

        Assert.Contains($"lacks the buyer group '{DemoDataSeeder.DutchBuyerGroup}'", refused.Message, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.Empty(await db.MemberOrganisations.ToListAsync());
    }
}
