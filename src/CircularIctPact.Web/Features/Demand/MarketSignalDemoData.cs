using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>
/// The demo's first market-signal edition, published by the demo secretariat admin through the same anonymising
/// publisher as the admin page, so that /market-signal shows dated figures from the demo tenders.
/// </summary>
public sealed class MarketSignalDemoData(
    IDbContextFactory<PortalDbContext> contextFactory,
    MarketSignalPublisher publisher,
    UserManager<ApplicationUser> users,
    IUserClaimsPrincipalFactory<ApplicationUser> principals)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.MarketSignalSnapshots.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var admin = await users.FindByEmailAsync(DemoAccounts.Admin)
            ?? throw new InvalidOperationException("The demo secretariat admin must be seeded before the market signal.");
        await publisher.PublishAsync(await principals.CreateAsync(admin), cancellationToken);
    }
}
