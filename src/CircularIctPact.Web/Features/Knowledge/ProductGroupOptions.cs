using System.Globalization;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>
/// A criteria product group as knowledge content refers to it, named in the interface language where it has a name in it,
/// otherwise in English; <paramref name="Language"/> says which.
/// </summary>
public sealed record ProductGroupOption(Guid Id, string Slug, string Name, CriteriaLanguage Language);

/// <summary>The criteria product groups cases and library items are filed under.</summary>
public sealed class ProductGroupOptions(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>The product group select of the case and library forms.</summary>
    public static readonly FormField ProductGroupField = new("Product group");

    public async Task<IReadOnlyList<ProductGroupOption>> ListAsync(CancellationToken cancellationToken = default)
    {
        CriteriaLanguages.TryParse(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var language);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.ProductGroups.AsNoTracking()
            .Select(g => new
            {
                g.Id,
                g.Slug,
                Name = g.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault(),
                English = g.Names.Where(n => n.Language == CriteriaLanguages.Source).Select(n => n.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return groups.Select(g => g.Name is not null
                ? new ProductGroupOption(g.Id, g.Slug, g.Name, language)
                : new ProductGroupOption(g.Id, g.Slug, g.English ?? g.Slug, CriteriaLanguages.Source))
            .OrderBy(g => g.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Refuses an id that is not a product group, so a forged form cannot file content under nothing.</summary>
    internal static async Task EnsureExistsAsync(PortalDbContext db, Guid? productGroupId, CancellationToken cancellationToken)
    {
        if (productGroupId is { } groupId && !await db.ProductGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            throw new DomainException(ProductGroupField, "Choose one of the listed product groups.");
        }
    }
}
