namespace CircularIctPact.Web.Features.Tenders;

/// <summary>
/// Counts the tender saves of this portal instance, so that figures read from the whole pact's tenders
/// (<see cref="PactWideReads{TFigures}"/>) can tell they may be out of date.
/// </summary>
public sealed class TenderSaves
{
    /// <summary>How long figures read from the whole pact's tenders are kept when no tender is saved on this instance.</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(1);

    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record() => Interlocked.Increment(ref _count);

    /// <summary>
    /// Runs a save of tenders and counts it, also when it reports a failure: a commit can succeed and still be reported
    /// as failed, and figures read while it ran must not be kept.
    /// </summary>
    public async Task SaveAsync(Func<Task> save)
    {
        try
        {
            await save();
        }
        finally
        {
            Record();
        }
    }
}
