using System.Collections.Concurrent;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>
/// The planned tenders of the whole pact as the pact-wide dashboards sum them (about 16,000 rows at ten times the pact's
/// size, 80–120 ms to read), kept as <see cref="PactWideReads{TFigures}"/> describes. The sums of the whole pact and
/// of each country with demand are kept with the rows they come from. Coordinators' own figures are always read afresh.
/// </summary>
public sealed class PactWideDemand(IDbContextFactory<PortalDbContext> contextFactory, TenderSaves saves, TimeProvider clock)
{
    private readonly PactWideReads<PactRows> _reads = new(saves, clock);

    /// <summary>The pact-wide figures, narrowed to <paramref name="country"/> when given, with the moment their rows were read.</summary>
    public async Task<DemandFigures> LoadAsync(
        DateOnly firstQuarter,
        string? country,
        bool withCriteria,
        CancellationToken cancellationToken)
    {
        var read = await _reads.GetAsync(rows => rows.FirstQuarter == firstQuarter, ReadAsync, cancellationToken);
        return read.Figures.Sum(country, withCriteria) with { ReadAt = read.ReadAt };

        async Task<PactRows> ReadAsync(CancellationToken token)
        {
            await using var db = await contextFactory.CreateDbContextAsync(token);
            return new PactRows(firstQuarter, await DemandFigures.ReadAsync(db, null, firstQuarter, token));
        }
    }

    /// <summary>The rows of the eight quarters from <see cref="FirstQuarter"/>, with the sums made from them.</summary>
    private sealed class PactRows(DateOnly firstQuarter, IReadOnlyList<DemandRow> rows)
    {
        public DateOnly FirstQuarter => firstQuarter;

        private readonly ConcurrentDictionary<(string Country, bool WithCriteria), DemandFigures> _sums = new();

        public DemandFigures Sum(string? country, bool withCriteria)
        {
            var key = (country?.Trim().ToUpperInvariant() ?? string.Empty, withCriteria);
            if (_sums.TryGetValue(key, out var kept))
            {
                return kept;
            }

            var figures = DemandFigures.Sum(rows, country, withCriteria);

            // Only the pact and the countries with demand are kept: whatever else is typed into the filter is summed and let go.
            return key.Item1.Length == 0 || figures.Countries.Contains(key.Item1, StringComparer.OrdinalIgnoreCase)
                ? _sums.GetOrAdd(key, figures)
                : figures;
        }
    }
}
