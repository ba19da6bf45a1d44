namespace CircularIctPact.Web.Features.Tenders;

/// <summary>
/// Counts the tender saves of this portal instance, so that figures summed from the tenders can tell they may be out of date.
/// </summary>
public sealed class TenderSaves
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public void Record() => Interlocked.Increment(ref count);
}
