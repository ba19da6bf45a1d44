using System.Security.Claims;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>How a sign-in stands against its account now.</summary>
public enum SignInStanding
{
    /// <summary>The sign-in carries the account's current stamps.</summary>
    Current,

    /// <summary>The account's roles or scopes changed since the claims were made: they must be made again.</summary>
    RightsChanged,

    /// <summary>The account is gone or how it signs in changed (password, second factor, lock): the sign-in ends.</summary>
    Ended,
}

/// <summary>
/// Compares the security stamp and the rights stamp a sign-in carries with the account's, in one query by primary key;
/// the sign-in cookie asks on every request and an open interactive page every revalidation interval.
/// </summary>
public sealed class SignInStamps(IDbContextFactory<PortalDbContext> contextFactory, IOptions<IdentityOptions> options)
{
    public async Task<SignInStanding> CheckAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var claimTypes = options.Value.ClaimsIdentity;
        if (!Guid.TryParse(principal.FindFirstValue(claimTypes.UserIdClaimType), out var userId))
        {
            return SignInStanding.Ended;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.RightsStamp })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null || account.SecurityStamp != principal.FindFirstValue(claimTypes.SecurityStampClaimType))
        {
            return SignInStanding.Ended;
        }

        return principal.FindFirstValue(PortalClaims.RightsStamp) == account.RightsStamp.ToString()
            ? SignInStanding.Current
            : SignInStanding.RightsChanged;
    }
}
