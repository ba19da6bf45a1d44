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
    /// Saves the changes; when someone else saved the row first, throws a <see cref="ConcurrencyConflictException"/>
    /// that carries the values now in the database, so the page can show the other person's version.
    /// </summary>
    /// <param name="db">The context holding the changes.</param>
    /// <param name="reloadCurrent">Loads the record as it is now in the database.</param>
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
            throw new ConcurrencyConflictException(await reloadCurrent());
        }
    }
}
