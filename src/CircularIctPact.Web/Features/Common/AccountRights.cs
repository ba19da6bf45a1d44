using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Common;

/// <summary>The rights stamp every feature renews when it changes someone's scope (decision record 0023).</summary>
public static class AccountRights
{
    /// <summary>
    /// Renews the rights stamp of the account in <paramref name="db"/>, to be saved with the change of its scope (a buyer
    /// group it coordinates, a working group it chairs or takes part in); the person's next request and open pages take
    /// the change.
    /// </summary>
    /// <returns>The account, tracked by <paramref name="db"/>.</returns>
    public static async Task<ApplicationUser> RenewAsync(PortalDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new NotFoundException("This account does not exist.");
        account.RightsStamp = Guid.NewGuid();
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        return account;
    }
}
