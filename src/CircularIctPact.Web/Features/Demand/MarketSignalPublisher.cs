using System.Security.Claims;
using System.Text.Json;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>A published edition: its number, date and anonymised figures.</summary>
public sealed record MarketSignalEdition(int Number, DateOnly PublishedOn, string FirstQuarter, MarketSignalFigures Figures);

/// <summary>An edition as listed among older versions.</summary>
public sealed record MarketSignalEditionSummary(int Number, DateOnly PublishedOn);

/// <summary>The secretariat previews and publishes the public market signal; anyone reads the published editions.</summary>
public sealed class MarketSignalPublisher(
    IDbContextFactory<PortalDbContext> contextFactory,
    PactWideDemand pactWide,
    AuditTrail audit,
    TimeProvider clock)
{
    private const string EntityType = "MarketSignalSnapshot";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The figures a new edition would hold today (secretariat only).</summary>
    public async Task<MarketSignalFigures> PreviewAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        return await BuildAsync(FirstQuarter(), readNow: false, cancellationToken);
    }

    /// <summary>Publishes today's figures as the next numbered edition; returns its number.</summary>
    public async Task<int> PublishAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var first = FirstQuarter();
        var figures = await BuildAsync(first, readNow: true, cancellationToken);
        if (figures.ByQuarter.Count == 0)
        {
            throw new DomainException(
                MarketSignalSnapshotFields.Figures,
                "Fewer than three organisations reported planned tenders; there is nothing to publish yet.");
        }

        var number = (await db.MarketSignalSnapshots.MaxAsync(s => (int?)s.Number, cancellationToken) ?? 0) + 1;
        var now = clock.GetUtcNow();
        var snapshot = new MarketSignalSnapshot(
            number,
            DateOnly.FromDateTime(now.UtcDateTime),
            first,
            JsonSerializer.Serialize(figures, Json),
            user.RequiredUserId(),
            now);
        db.MarketSignalSnapshots.Add(snapshot);
        audit.Record(db, user, EntityType, snapshot.Id, null, "Published", $"Market signal edition {number} published", null, new
        {
            number,
            figures.Organisations,
            figures.Tenders,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainException(
                MarketSignalSnapshotFields.Figures,
                "Someone else published an edition at the same moment; reload and look at theirs first.");
        }

        return number;
    }

    /// <summary>The edition with <paramref name="number"/>, or the latest when null; null when none is published.</summary>
    public async Task<MarketSignalEdition?> GetAsync(int? number, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var snapshots = db.MarketSignalSnapshots.AsNoTracking();
        var snapshot = number is { } n
            ? await snapshots.SingleOrDefaultAsync(s => s.Number == n, cancellationToken)
            : await snapshots.OrderByDescending(s => s.Number).FirstOrDefaultAsync(cancellationToken);
        return snapshot is null
            ? null
            : new MarketSignalEdition(
                snapshot.Number,
                snapshot.PublishedOn,
                Quarters.Label(snapshot.FirstQuarterStart),
                JsonSerializer.Deserialize<MarketSignalFigures>(snapshot.FiguresJson, Json)!);
    }

    public async Task<IReadOnlyList<MarketSignalEditionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.MarketSignalSnapshots.AsNoTracking()
            .OrderByDescending(s => s.Number)
            .Select(s => new MarketSignalEditionSummary(s.Number, s.PublishedOn))
            .ToListAsync(cancellationToken);
    }

    private DateOnly FirstQuarter() => Quarters.StartOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// The figures of an edition: for a preview from the pact-wide tenders read in the last minute, for publishing from the
    /// tenders as they are now.
    /// </summary>
    private async Task<MarketSignalFigures> BuildAsync(DateOnly first, bool readNow, CancellationToken cancellationToken)
    {
        var productGroups = contextFactory.ReadAsync(
            db => ProductGroupNames.ReadAsync(db, CriteriaLanguages.Source, cancellationToken),
            cancellationToken);
        var demand = readNow
            ? contextFactory.ReadAsync(
                db => DemandFigures.LoadAsync(db, null, null, first, withCriteria: false, cancellationToken),
                cancellationToken)
            : pactWide.LoadAsync(first, null, withCriteria: false, cancellationToken);
        await Task.WhenAll(productGroups, demand);
        return MarketSignalAnonymiser.Build(first, await demand, await productGroups);
    }

    private static void EnsureSecretariat(ClaimsPrincipal user)
    {
        if (!user.IsSecretariat())
        {
            throw new ForbiddenException("Only the pact secretariat publishes the market signal.");
        }
    }
}
