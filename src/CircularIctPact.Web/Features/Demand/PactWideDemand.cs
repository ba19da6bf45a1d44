using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>
/// The planned tenders of the whole pact as the pact-wide dashboards sum them (about 16,000 rows at ten times the pact's
/// size, 80–120 ms to read), kept as <see cref="PactWideReads{TKey, TFigures}"/> describes; the country filter, the CSV
/// export and the market-signal preview are summed from the rows already read, in a few milliseconds. Coordinators' own
/// figures are always read afresh.
/// </summary>
public sealed class PactWideDemand(IDbContextFactory<PortalDbContext> contextFactory, TenderSaves saves, TimeProvider clock) : IDisposable
{
    private readonly PactWideReads<DateOnly, IReadOnlyList<DemandRow>> reads = new(saves, clock);

    /// <summary>The pact-wide figures, narrowed to <paramref name="country"/> when given, with the moment their rows were read.</summary>
    public async Task<DemandFigures> LoadAsync(DateOnly firstQuarter, string? country, bool withCriteria, CancellationToken cancellationToken)
    {
        var read = await reads.GetAsync(firstQuarter, ReadAsync, cancellationToken);
        return DemandFigures.Sum(read.Figures, country, withCriteria) with { ReadAt = read.ReadAt };

        async Task<IReadOnlyList<DemandRow>> ReadAsync(CancellationToken token)
        {
            await using var db = await contextFactory.CreateDbContextAsync(token);
            return await DemandFigures.ReadAsync(db, null, firstQuarter, token);
        }
    }

    public void Dispose() => reads.Dispose();
}
