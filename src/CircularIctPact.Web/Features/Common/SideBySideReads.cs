using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Common;

public static class SideBySideReads
{
    /// <summary>
    /// Runs one read on a pooled context of its own, so that the independent reads of a dashboard run side by side
    /// (a context serves one command at a time).
    /// </summary>
    public static async Task<T> ReadAsync<T>(
        this IDbContextFactory<PortalDbContext> contextFactory,
        Func<PortalDbContext, Task<T>> read,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await read(db);
    }
}
