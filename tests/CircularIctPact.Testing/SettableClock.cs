namespace CircularIctPact.Testing;

/// <summary>A clock that stands still until a test moves it, for the portal's <see cref="TimeProvider"/>.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => Now;

    public override long GetTimestamp() => Now.UtcTicks;
}
