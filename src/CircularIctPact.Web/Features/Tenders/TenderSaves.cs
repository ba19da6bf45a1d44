namespace CircularIctPact.Web.Features.Tenders;

/// <summary>
/// Counts the tender saves of this portal instance, so that figures read from the whole pact's tenders
/// (<see cref="PactWideReads{TFigures}"/>) can tell they may be out of date.
/// </summary>
public sealed class TenderSaves
{
    /// <summary>How long figures read from the whole pact's tenders are kept when no tender is saved on this instance.</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(1);

    private long count;

    public long Count => Interlocked.Read(ref count);

    public void Record() => Interlocked.Increment(ref count);
}
