using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Common;

/// <summary>The names of the criteria product groups, for the features that show or store figures per product group.</summary>
internal static class ProductGroupNames
{
    /// <summary>Every product group's name in <paramref name="language"/>, by id; pass the English source for stored figures
    /// that must not depend on who made them.</summary>
    public static async Task<Dictionary<Guid, string>> ReadAsync(
        PortalDbContext db,
        CriteriaLanguage language,
        CancellationToken cancellationToken)
    {
        var groups = await db.ProductGroups.AsNoTracking().ToListAsync(cancellationToken);
        return groups.ToDictionary(g => g.Id, g => g.NameIn(language));
    }
}
