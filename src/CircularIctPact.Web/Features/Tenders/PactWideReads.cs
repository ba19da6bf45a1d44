namespace CircularIctPact.Web.Features.Tenders;

/// <summary>How long figures read from the whole pact's tenders are kept (<see cref="PactWideReads{TKey, TFigures}"/>).</summary>
public static class PactWideReads
{
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(1);
}

/// <summary>Figures read from the whole pact's tenders, with the moment they were read.</summary>
public sealed record PactWideRead<TFigures>(TFigures Figures, DateTimeOffset ReadAt);

/// <summary>
/// Figures read from the tenders of the whole pact, kept on this portal instance for up to
/// <see cref="PactWideReads.MaximumAge"/> and read again at once after a tender is saved on it (<see cref="TenderSaves"/>);
/// another instance's saves show within the minute. At ten times the pact's size a pact-wide dashboard reads tens of
/// thousands of tenders; the secretariat's filters, exports and the second load when a dashboard's circuit starts then
/// use the figures already read. Only the latest key is kept.
/// </summary>
public sealed class PactWideReads<TKey, TFigures>(TenderSaves saves, TimeProvider clock) : IDisposable
    where TKey : notnull
{
    private readonly SemaphoreSlim reading = new(1, 1);
    private volatile Kept? latest;

    public async Task<PactWideRead<TFigures>> GetAsync(TKey key, Func<CancellationToken, Task<TFigures>> read, CancellationToken cancellationToken)
    {
        if (Current(key) is { } current)
        {
            return current.Read;
        }

        // One reader at a time: dashboards opened in the same moment share one read instead of each starting their own.
        await reading.WaitAsync(cancellationToken);
        try
        {
            if (Current(key) is { } readMeanwhile)
            {
                return readMeanwhile.Read;
            }

            // Counted before the read: a tender saved while it runs makes what it read out of date at once.
            var savesBefore = saves.Count;
            var readAt = clock.GetUtcNow();
            var kept = new Kept(key, savesBefore, new PactWideRead<TFigures>(await read(cancellationToken), readAt));
            latest = kept;
            return kept.Read;
        }
        finally
        {
            reading.Release();
        }
    }

    public void Dispose() => reading.Dispose();

    private Kept? Current(TKey key) =>
        latest is { } kept
        && EqualityComparer<TKey>.Default.Equals(kept.Key, key)
        && kept.SavesBefore == saves.Count
        && clock.GetUtcNow() - kept.Read.ReadAt < PactWideReads.MaximumAge
            ? kept
            : null;

    private sealed record Kept(TKey Key, long SavesBefore, PactWideRead<TFigures> Read);
}
