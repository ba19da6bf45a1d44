using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>
/// The planned tenders of the whole pact as the pact-wide dashboards sum them, read at most once a minute per portal
/// instance and read again as soon as a tender is saved on it. At ten times the pact's size they are about 16,000 rows
/// (80–120 ms to read); the country filter, the CSV export and the second load when a dashboard's circuit starts are
/// summed from the rows already read, in a few milliseconds. Coordinators' own figures are always read afresh.
/// </summary>
public sealed class PactWideDemand(IDbContextFactory<PortalDbContext> contextFactory, TenderSaves saves, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim reading = new(1, 1);
    private volatile Snapshot? latest;

    /// <summary>The pact-wide figures, narrowed to <paramref name="country"/> when given, with the moment their rows were read.</summary>
    public async Task<DemandFigures> LoadAsync(DateOnly firstQuarter, string? country, bool withCriteria, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(firstQuarter, cancellationToken);
        return DemandFigures.Sum(snapshot.Rows, country, withCriteria) with { ReadAt = snapshot.ReadAt };
    }

    public void Dispose() => reading.Dispose();

    private async Task<Snapshot> SnapshotAsync(DateOnly firstQuarter, CancellationToken cancellationToken)
    {
        if (Current(firstQuarter) is { } current)
        {
            return current;
        }

        // One reader at a time: the dashboards opened in the same moment share one read instead of each starting their own.
        await reading.WaitAsync(cancellationToken);
        try
        {
            if (Current(firstQuarter) is { } readMeanwhile)
            {
                return readMeanwhile;
            }

            // Taken before the read: a tender saved while the rows are being read makes the snapshot out of date at once.
            var savesBefore = saves.Count;
            var readAt = clock.GetUtcNow();
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var rows = await DemandFigures.ReadAsync(db, null, firstQuarter, cancellationToken);
            var snapshot = new Snapshot(firstQuarter, readAt, savesBefore, rows);
            latest = snapshot;
            return snapshot;
        }
        finally
        {
            reading.Release();
        }
    }

    private Snapshot? Current(DateOnly firstQuarter) =>
        latest is { } snapshot
        && snapshot.FirstQuarter == firstQuarter
        && snapshot.SavesBefore == saves.Count
        && clock.GetUtcNow() - snapshot.ReadAt < MaximumAge
            ? snapshot
            : null;

    private sealed record Snapshot(DateOnly FirstQuarter, DateTimeOffset ReadAt, long SavesBefore, IReadOnlyList<DemandRow> Rows);
}
