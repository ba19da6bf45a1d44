using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Infrastructure.Seeding;

/// <summary>
/// A draft 2.1 of the laptop criteria with a few proposed changes, put to consultation for four weeks, with one
/// comment from the Dutch coordinator. Runs after the criteria seed; running it again changes nothing.
/// </summary>
public sealed class ConsultationDemoData(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock)
{
    public const string ProductGroup = "laptops";
    public const string DraftVersion = "2.1";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var laptops = await db.ProductGroups.SingleOrDefaultAsync(g => g.Slug == ProductGroup, cancellationToken);
        if (laptops is null || await db.CriteriaSets.AnyAsync(
            s => s.ProductGroupId == laptops.Id && (s.Status == CriteriaSetStatus.Draft || s.Status == CriteriaSetStatus.InReview),
            cancellationToken))
        {
            return;
        }

        var published = await db.CriteriaSets.Include(s => s.Criteria).ThenInclude(c => c.Texts)
            .SingleOrDefaultAsync(s => s.ProductGroupId == laptops.Id && s.Status == CriteriaSetStatus.Published, cancellationToken);
        var admin = await db.Users.SingleOrDefaultAsync(u => u.Email == DemoAccounts.Admin, cancellationToken);
        var coordinator = await db.Users.SingleOrDefaultAsync(u => u.Email == DemoAccounts.CoordinatorNetherlands, cancellationToken);
        if (published is null || admin is null || coordinator is null || await db.CriteriaSets.AnyAsync(
            s => s.ProductGroupId == laptops.Id && s.Number == CriteriaVersion.Parse(DraftVersion), cancellationToken))
        {
            return;
        }

        var draft = CriteriaSet.DraftFrom(published, CriteriaVersion.Parse(DraftVersion));
        Revise(draft, "LAP-LIF-01", content => content with
        {
            Title = "Warranty of at least four years",
            Requirement = content.Requirement.Replace("at least 3 years", "at least 4 years", StringComparison.Ordinal),
        });
        Revise(draft, "LAP-BAT-01", content => content with
        {
            Requirement = content.Requirement
                + " Batteries of laptops delivered from 18 February 2027 shall be removable and replaceable by the user with commercially "
                    + "available tools, without heat or solvents.",
        });
        db.CriteriaSets.Add(draft);

        var now = clock.GetUtcNow();
        var consultation = new Consultation(draft, now.AddDays(-7), now.AddDays(21), admin.Id, now);
        db.Consultations.Add(consultation);
        var organisation =
            await db.BuyerGroups.Where(g => g.Name == DemoDataSeeder.DutchBuyerGroup).Select(g => g.Name).SingleAsync(cancellationToken);
        db.ConsultationComments.Add(
            new ConsultationComment(consultation, draft, CriterionCode.Parse("LAP-LIF-01"), coordinator.Id, organisation,
                "Several members in our group already ask for four years; please keep on-site repair in the warranty so that devices are "
                    + "not sent abroad for repair.", now.AddDays(-2)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Revise(CriteriaSet draft, string code, Func<CriterionContent, CriterionContent> change)
    {
        var criterion = draft.CriterionWith(CriterionCode.Parse(code))
            ?? throw new InvalidOperationException($"The laptop criteria have no {code}.");
        draft.Write(criterion.Id, CriteriaLanguages.Source, change(criterion.TextIn(CriteriaLanguages.Source)!.Content));
    }
}
