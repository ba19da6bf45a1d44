using System.Globalization;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Content;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CircularIctPact.Infrastructure.Seeding;

/// <summary>
/// Loads the pact's criteria for laptops and smartphones (embedded JSON: an older superseded version and
/// the published one) through the domain's own lifecycle. Product groups that already exist are left alone.
/// </summary>
public sealed class CriteriaSeeder(IDbContextFactory<PortalDbContext> contextFactory, ILogger<CriteriaSeeder> logger)
{
    private const string ResourcePrefix = "CircularIctPact.Infrastructure.Seeding.Data.criteria-";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var assembly = typeof(CriteriaSeeder).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            await using var stream = assembly.GetManifestResourceStream(resource)!;
            var file = await CriteriaSetDocument.ReadAsync(stream, resource, cancellationToken);
            await SeedProductGroupAsync(file, cancellationToken);
        }
    }

    private async Task SeedProductGroupAsync(CriteriaSetDocument file, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ProductGroups.AnyAsync(g => g.Slug == file.ProductGroup.Slug, cancellationToken))
        {
            return;
        }

        logger.LogInformation("Seeding criteria for {ProductGroup}", file.ProductGroup.Slug);
        var group = new ProductGroup(file.ProductGroup.Slug, file.ProductGroup.Names["en"]);
        foreach (var (code, name) in file.ProductGroup.Names)
        {
            group.Name(CriteriaLanguages.Parse(code), name);
        }

        db.ProductGroups.Add(group);
        CriteriaSet? published = null;
        foreach (var version in file.Versions.OrderBy(v => CriteriaVersion.Parse(v.Version)))
        {
            var set = CriteriaSet.NewDraft(group, CriteriaVersion.Parse(version.Version));
            foreach (var seed in version.Criteria)
            {
                var criterion = set.AddCriterion(
                    CriterionCode.Parse(seed.Code),
                    new CriterionClassification(
                        Enum.Parse<CriterionTheme>(seed.Theme),
                        Enum.Parse<AmbitionLevel>(seed.AmbitionLevel),
                        Enum.Parse<CriterionType>(seed.Type),
                        Enum.Parse<PactStrategy>(seed.Strategy),
                        seed.References),
                    seed.Texts["en"].ToContent());
                foreach (var (code, text) in seed.Texts.Where(t => t.Key != "en"))
                {
                    set.Write(criterion.Id, CriteriaLanguages.Parse(code), text.ToContent());
                }
            }

            var publishedOn = version.PublishedOn
                ?? throw new InvalidDataException($"Version {version.Version} of {file.ProductGroup.Slug} has no publication date.");
            set.SubmitForReview();
            set.Publish(
                DateOnly.ParseExact(publishedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                version.ReleaseNotes.ToDictionary(n => CriteriaLanguages.Parse(n.Key), n => n.Value),
                published);
            db.CriteriaSets.Add(set);
            published = set;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
