namespace CircularIctPact.Infrastructure.Identity;

/// <summary>
/// Failed password sign-ins with one typed e-mail address (kept only as <see cref="AccountKeyHash"/>, whether or not an
/// account has it) from one client, or from all clients together (<see cref="Client"/> is <see cref="AllClients"/>), and
/// until when password sign-in is refused. See decision record 0021.
/// </summary>
public sealed class SignInThrottle
{
    /// <summary>The <see cref="Client"/> of the row that counts the failures from every client.</summary>
    public const string AllClients = "*";

    /// <summary>Room for an IPv6 /64 prefix in text.</summary>
    public const int ClientMaxLength = 64;

    /// <summary>SHA-256 is 32 bytes.</summary>
    public const int AccountKeyHashLength = 32;

    public SignInThrottle(byte[] accountKeyHash, string client)
    {
        AccountKeyHash = accountKeyHash;
        Client = client;
    }

    public byte[] AccountKeyHash { get; private set; }

    public string Client { get; private set; }

    /// <summary>Failures since the last success from this client, or since the counts were last forgotten.</summary>
    public int Failures { get; private set; }

    public DateTimeOffset? LastFailureAt { get; private set; }

    /// <summary>Password sign-in is refused until then (for the whole account: only from clients without a recent success).</summary>
    public DateTimeOffset? BlockedUntil { get; private set; }

    /// <summary>The last time this client signed in with the right password (client rows only).</summary>
    public DateTimeOffset? LastSuccessAt { get; private set; }

    /// <summary>The last time the account's owner was told about a throttle (the <see cref="AllClients"/> row only).</summary>
    public DateTimeOffset? OwnerNotifiedAt { get; private set; }

    public bool IsBlockedAt(DateTimeOffset now) => BlockedUntil > now;

    public bool SucceededSince(DateTimeOffset since) => LastSuccessAt >= since;

    /// <summary>
    /// Counts one failure: from <see cref="SignInThrottleRule.Threshold"/> failures on, each one blocks for a delay that doubles
    /// up to the rule's maximum. Failures are forgotten once none came for <see cref="SignInThrottleRule.ForgetAfter"/> after
    /// the last one and the last block. Returns true when this failure started a throttle (the first block).
    /// </summary>
    public bool CountFailure(DateTimeOffset now, SignInThrottleRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (IsForgottenAt(now, rule.ForgetAfter))
        {
            Failures = 0;
            BlockedUntil = null;
        }

        Failures++;
        LastFailureAt = now;
        if (Failures < rule.Threshold)
        {
            return false;
        }

        BlockedUntil = now + rule.DelayAfter(Failures);
        return Failures == rule.Threshold;
    }

    public void CountSuccess(DateTimeOffset now)
    {
        Failures = 0;
        LastFailureAt = null;
        BlockedUntil = null;
        LastSuccessAt = now;
    }

    /// <summary>True, and noted, when the owner has not been told about a throttle within <paramref name="interval"/>.</summary>
    public bool TryNoteOwnerNotified(DateTimeOffset now, TimeSpan interval)
    {
        if (OwnerNotifiedAt + interval > now)
        {
            return false;
        }

        OwnerNotifiedAt = now;
        return true;
    }

    private bool IsForgottenAt(DateTimeOffset now, TimeSpan forgetAfter)
    {
        var lastEvent = BlockedUntil > LastFailureAt ? BlockedUntil : LastFailureAt;
        return lastEvent is null || lastEvent + forgetAfter <= now;
    }
}

/// <summary>How many failures a throttle allows, how long it then blocks, and when it forgets.</summary>
/// <param name="Threshold">The failure that starts the first block.</param>
/// <param name="FirstDelay">The first block; each further failure doubles it.</param>
/// <param name="MaximumDelay">The longest block.</param>
/// <param name="ForgetAfter">Quiet time after the last failure and block after which the failures no longer count.</param>
public sealed record SignInThrottleRule(int Threshold, TimeSpan FirstDelay, TimeSpan MaximumDelay, TimeSpan ForgetAfter)
{
    public TimeSpan DelayAfter(int failures)
    {
        var doublings = Math.Clamp(failures - Threshold, 0, 62);
        return TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * Math.Pow(2, doublings), MaximumDelay.Ticks));
    }
}
