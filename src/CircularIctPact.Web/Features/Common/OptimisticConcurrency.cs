using CircularIctPact.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CircularIctPact.Web.Features.Common;

/// <summary>Saving aggregates guarded by their PostgreSQL row version (<c>xmin</c>).</summary>
public static class OptimisticConcurrency
{
    /// <summary>Lets the next save of this aggregate succeed only if its row still has the version the caller loaded.</summary>
    /// <param name="entry">The tracked aggregate.</param>
    /// <param name="loadedVersion">The version the caller saw when it opened the record.</param>
    public static void ExpectVersion<TEntity>(this EntityEntry<TEntity> entry, uint loadedVersion)
        where TEntity : class, IConcurrencyVersioned =>
        entry.Property(nameof(IConcurrencyVersioned.Version)).OriginalValue = loadedVersion;

    /// <summary>
    /// Loads the aggregate to change, tracked, and expects the version the caller loaded (see <see cref="ExpectVersion"/>).
    /// </summary>
    /// <param name="db">The context the change is saved with.</param>
    /// <param name="aggregates">Where to find it, with whatever it includes.</param>
    /// <param name="id">The aggregate's id.</param>
    /// <param name="loadedVersion">The version the caller saw when it opened the record.</param>
    /// <param name="notFound">What the <see cref="NotFoundException"/> says when there is no such aggregate.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<TEntity> LoadForChangeAsync<TEntity>(
        this DbContext db,
        IQueryable<TEntity> aggregates,
        Guid id,
        uint loadedVersion,
        RuleViolation notFound,
        CancellationToken cancellationToken)
        where TEntity : Entity, IConcurrencyVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        var aggregate = await aggregates.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException(notFound);
        db.Entry(aggregate).ExpectVersion(loadedVersion);
        return aggregate;
    }

    /// <summary>
    /// Saves the changes; when someone else saved the row first, forgets the changes that lost and throws a
    /// <see cref="ConcurrencyConflictException"/> that carries the values now in the database, so the page can show the
    /// other person's version.
    /// </summary>
    /// <param name="db">The context holding the changes.</param>
    /// <param name="reloadCurrent">
    /// Loads the record as it is now in the database; it may use <paramref name="db"/>, which then tracks nothing.
    /// </param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public static async Task SaveOrConflictAsync(this DbContext db, Func<Task<object?>> reloadCurrent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reloadCurrent);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(await reloadCurrent());
        }
    }

    /// <summary>
    /// Saves the changes; when someone else saved the row first, throws a <see cref="ConcurrencyConflictException"/> without
    /// their version, which asks the caller to reload.
    /// </summary>
    /// <param name="db">The context holding the changes.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public static Task SaveOrConflictAsync(this DbContext db, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(() => Task.FromResult<object?>(null), cancellationToken);
}
