namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Figures read from the whole pact's tenders, with the moment they were read.</summary>
public sealed record PactWideRead<TFigures>(TFigures Figures, DateTimeOffset ReadAt);

/// <summary>
/// Figures read from the tenders of the whole pact, kept on this portal instance for up to <see cref="TenderSaves.MaximumAge"/>
/// and read again at once after a tender is saved on it; another instance's saves show within that time (decision record
/// 0006). At ten times the pact's size a pact-wide dashboard reads tens of thousands of tenders; the secretariat's filters,
/// exports and the second load when a dashboard's circuit starts then use the figures already read. Only the latest figures
/// are kept.
/// </summary>
public sealed class PactWideReads<TFigures>(TenderSaves saves, TimeProvider clock)
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Kept? _latest;

    /// <summary>The figures kept, when they are recent and <paramref name="fit"/> the request; otherwise they are read again.</summary>
    public async Task<PactWideRead<TFigures>> GetAsync(
        Func<TFigures, bool> fit,
        Func<CancellationToken, Task<TFigures>> read,
        CancellationToken cancellationToken)
    {
        if (Current(fit) is { } current)
        {
            return current.Read;
        }

        // One reader at a time: dashboards opened in the same moment share one read instead of each starting their own.
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Current(fit) is { } readMeanwhile)
            {
                return readMeanwhile.Read;
            }

            // Counted before the read: a tender saved while it runs makes what it read out of date at once.
            var savesBefore = saves.Count;
            var started = clock.GetTimestamp();
            var readAt = clock.GetUtcNow();
            var kept = new Kept(savesBefore, started, new PactWideRead<TFigures>(await read(cancellationToken), readAt));
            _latest = kept;
            return kept.Read;
        }
        finally
        {
            _reading.Release();
        }
    }

    // The age is measured on the monotonic clock, so a wall clock set back does not keep old figures longer.
    private Kept? Current(Func<TFigures, bool> fit) =>
        _latest is { } kept
        && kept.SavesBefore == saves.Count
        && clock.GetElapsedTime(kept.Started) < TenderSaves.MaximumAge
        && fit(kept.Read.Figures)
            ? kept
            : null;

    private sealed record Kept(long SavesBefore, long Started, PactWideRead<TFigures> Read);
}
