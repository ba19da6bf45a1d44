using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>
/// Counts failed password sign-ins per (typed address, client) and per typed address over all clients, in PostgreSQL so
/// that every portal instance and a restart see the same counts, and says when password sign-in is refused (decision
/// record 0021). The typed address is the key whether or not an account has it, so an unknown address is throttled
/// exactly like a known one; it is stored only as a hash.
/// </summary>
public sealed class SignInThrottling(
    IDbContextFactory<PortalDbContext> contextFactory,
    TimeProvider clock,
    IOptions<SignInThrottleOptions> options)
{
    /// <summary>The client key for a request without a remote address (the in-memory test server).</summary>
    public const string UnknownClient = "unknown";

    /// <summary>
    /// The client a failure is counted for: the IPv4 address, or the /64 prefix of an IPv6 address, because one IPv6
    /// connection usually holds a whole /64 and could otherwise change address at every attempt.
    /// </summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return UnknownClient;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>Until when password sign-in with <paramref name="normalizedAddress"/> from this client is refused, or null.</summary>
    public async Task<DateTimeOffset?> RefusedUntilAsync(string normalizedAddress, IPAddress? client, CancellationToken cancellationToken)
    {
        var (key, clientKey) = (KeyOf(normalizedAddress), ClientOf(client));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SignInThrottles.AsNoTracking()
            .Where(row => row.AccountKeyHash == key && (row.Client == clientKey || row.Client == SignInThrottle.AllClients))
            .ToListAsync(cancellationToken);
        return RefusedUntil(
            rows.SingleOrDefault(row => row.Client == clientKey),
            rows.SingleOrDefault(row => row.Client == SignInThrottle.AllClients),
            clock.GetUtcNow());
    }

    /// <summary>Counts a failure for this client and for the address as a whole.</summary>
    public async Task<CountedFailure> CountFailureAsync(string normalizedAddress, IPAddress? client, CancellationToken cancellationToken)
    {
        var (key, clientKey) = (KeyOf(normalizedAddress), ClientOf(client));
        var settings = options.Value;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Instances count concurrently: create both rows if missing, then lock them in one order before counting.
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO sign_in_throttles (account_key_hash, client, failures)
                VALUES ({key}, {SignInThrottle.AllClients}, 0), ({key}, {clientKey}, 0)
                ON CONFLICT DO NOTHING
                """,
                cancellationToken);
            var rows = await db.SignInThrottles
                .FromSql($"""
                    SELECT * FROM sign_in_throttles
                    WHERE account_key_hash = {key} AND client IN ({SignInThrottle.AllClients}, {clientKey})
                    ORDER BY client
                    FOR UPDATE
                    """)
                .ToListAsync(cancellationToken);
            var pair = rows.Single(row => row.Client == clientKey);
            var account = rows.Single(row => row.Client == SignInThrottle.AllClients);
            var now = clock.GetUtcNow();
            var started = pair.CountFailure(now, settings.PerClient) ? ThrottleScope.Client : (ThrottleScope?)null;
            if (account.CountFailure(now, settings.PerAccount))
            {
                started ??= ThrottleScope.Account;
            }

            var notifyOwner = started is not null && account.TryNoteOwnerNotified(now, settings.OwnerNoticeInterval) ? started : null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new CountedFailure(RefusedUntil(pair, account, now), notifyOwner);
        });
    }

    /// <summary>Forgets this client's failures with the address and remembers that it knew the password.</summary>
    public async Task CountSuccessAsync(string normalizedAddress, IPAddress? client, CancellationToken cancellationToken)
    {
        var (key, clientKey) = (KeyOf(normalizedAddress), ClientOf(client));
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO sign_in_throttles (account_key_hash, client, failures, last_success_at)
            VALUES ({key}, {clientKey}, 0, {now})
            ON CONFLICT (account_key_hash, client) DO UPDATE
            SET failures = 0, last_failure_at = NULL, blocked_until = NULL, last_success_at = excluded.last_success_at
            """,
            cancellationToken);
    }

    /// <summary>Deletes the rows that no longer hold anything the rules read.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var failuresBefore = now - (settings.ClientFailuresKept > settings.AccountFailuresKept
            ? settings.ClientFailuresKept
            : settings.AccountFailuresKept);
        var successBefore = now - settings.KnownClientFor;
        var noticeBefore = now - settings.OwnerNoticeInterval;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SignInThrottles
            .Where(row => (row.LastFailureAt == null || row.LastFailureAt < failuresBefore)
                && (row.BlockedUntil == null || row.BlockedUntil < failuresBefore)
                && (row.LastSuccessAt == null || row.LastSuccessAt < successBefore)
                && (row.OwnerNotifiedAt == null || row.OwnerNotifiedAt < noticeBefore))
            .ExecuteDeleteAsync(cancellationToken);
    }

    // The hash keeps mistyped and made-up addresses out of the table in plain text; it is not a secret (see 0021).
    private static byte[] KeyOf(string normalizedAddress) =>
        SHA256.HashData(Encoding.UTF8.GetBytes("cfit-sign-in:" + normalizedAddress));

    private DateTimeOffset? RefusedUntil(SignInThrottle? pair, SignInThrottle? account, DateTimeOffset now)
    {
        var clientBlock = pair?.IsBlockedAt(now) == true ? pair.BlockedUntil : null;
        var knownClient = pair?.SucceededSince(now - options.Value.KnownClientFor) == true;
        var accountBlock = account?.IsBlockedAt(now) == true && !knownClient ? account.BlockedUntil : null;
        return accountBlock > clientBlock || clientBlock is null ? accountBlock : clientBlock;
    }
}

/// <summary>Whether a throttle holds one client back for an address, or every client without a recent success.</summary>
public enum ThrottleScope
{
    Client,
    Account,
}

/// <param name="RefusedUntil">Until when this client's next password sign-in with the address is refused, if it is.</param>
/// <param name="NotifyOwner">The throttle this failure started, when the address's owner is to be told about it.</param>
public sealed record CountedFailure(DateTimeOffset? RefusedUntil, ThrottleScope? NotifyOwner);
