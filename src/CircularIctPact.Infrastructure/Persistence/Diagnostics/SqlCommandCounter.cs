using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CircularIctPact.Infrastructure.Persistence.Diagnostics;

/// <summary>
/// Counts the SQL commands EF Core sends within the current logical flow (one HTTP request, one test step),
/// so the benchmark and the N+1 tests can see how many queries a page issues. Switched on by configuration only.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<Tally?> Current = new();

    /// <summary>Starts counting for the calling flow and everything it awaits; dispose the scope to stop.</summary>
    public static Tally Begin()
    {
        var tally = new Tally();
        Current.Value = tally;
        return tally;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private static void Count() => Current.Value?.Increment();

    /// <summary>The number of commands counted since <see cref="Begin"/>.</summary>
    public sealed class Tally : IDisposable
    {
        private int _commands;

        public int Commands => Volatile.Read(ref _commands);

        internal void Increment() => Interlocked.Increment(ref _commands);

        public void Dispose()
        {
            if (ReferenceEquals(Current.Value, this))
            {
                Current.Value = null;
            }
        }
    }
}
