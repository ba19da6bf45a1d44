using CircularIctPact.Domain.Discussions;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Infrastructure.Seeding;

/// <summary>
/// A few threads in the pact-wide and Dutch buyer-group spaces, so a new member sees how the exchange works. Adds nothing once any thread
/// exists.
/// </summary>
public static class DiscussionsDemoData
{
    public const string BatteryThread = "Who has experience with battery replacement clauses?";
    public const string LabelThread = "TCO Certified vs EPEAT in the tender";
    public const string RefurbishedThread = "Refurbished laptops for schools: what guarantee do you ask?";

    public static async Task SeedAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.DiscussionThreads.AnyAsync(cancellationToken))
        {
            return;
        }

        var people = await db.Users
            .Where(
                u => u.Email == DemoAccounts.Procurer
                    || u.Email == DemoAccounts.CoordinatorNetherlands
                    || u.Email == DemoAccounts.CoordinatorBelgium
                    || u.Email == DemoAccounts.Chair)
            .ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        var dutchGroup = await db.BuyerGroups.Where(g => g.Name == DemoDataSeeder.DutchBuyerGroup)
            .Select(g => g.Id)
            .SingleAsync(cancellationToken);
        var procurer = people[DemoAccounts.Procurer];
        var joost = people[DemoAccounts.CoordinatorNetherlands];
        var elise = people[DemoAccounts.CoordinatorBelgium];
        var lars = people[DemoAccounts.Chair];

        var battery = new DiscussionThread(DiscussionSpaceKey.PactWide, procurer, BatteryThread,
            "We are preparing a smartphone tender for about 900 devices. Has anyone written a clause on **battery replacement** that goes "
                + "beyond the EU ecodesign rules?\n\nWe are thinking of asking for a replaceable battery *and* a guaranteed spare-battery "
                + "price for five years. How did suppliers react?",
            ["smartphones", "battery"], now.AddDays(-12));
        var batteryAnswer = battery.Reply(elise,
            "In our last tender we asked for batteries that keep at least 80 % of their capacity after 1,000 cycles, and gave extra points "
                + "above that. Suppliers could meet it; the spare-price commitment was harder, two of five offered it only for three "
                + "years.", now.AddDays(-11));
        var batteryFollowUp = battery.Reply(joost,
            "Same experience in the Dutch group. Ask for the battery health to be readable on the device (cycle count, state of health): " +
                "it makes the contract management much easier.",
            now.AddDays(-10));

        var labels = new DiscussionThread(DiscussionSpaceKey.PactWide, lars, LabelThread,
            "Several of you asked whether to require a label or write the criteria out. Where do you accept **TCO Certified** and where "
                + "**EPEAT**?\n\n- TCO Certified generation 10 has applied since December 2024\n- EPEAT covers recycled plastic content "
                + "with optional points\n\nAny pitfalls with accepting both as proof?",
            ["labels", "laptops"], now.AddDays(-6));
        var labelAnswer = labels.Reply(procurer,
            "We accept both as *proof*, never as the requirement itself: the requirement is written out, and a label or an equivalent test "
                + "report shows compliance. That keeps it open to suppliers without the label.",
            now.AddDays(-5));

        var refurbished = new DiscussionThread(DiscussionSpaceKey.ForBuyerGroup(dutchGroup), joost, RefurbishedThread,
            "A few peloton members want to buy refurbished laptops for pupils. What guarantee period and quality checks do you ask from " +
                "the refurbisher?",
            ["refurbished", "education"], now.AddDays(-3));
        var refurbishedAnswer = refurbished.Reply(procurer,
            "We ask for at least one year of guarantee, a documented quality procedure and a certificate of data deletion per device. A " +
                "new battery when the health is below 80 % is in the contract too.",
            now.AddDays(-2));

        db.DiscussionThreads.AddRange(battery, labels, refurbished);
        db.DiscussionReplies.AddRange(batteryAnswer, batteryFollowUp, labelAnswer, refurbishedAnswer);
        await db.SaveChangesAsync(cancellationToken);
        battery.MarkSolution(batteryAnswer);
        await db.SaveChangesAsync(cancellationToken);
        await TouchAsync(db, battery.Id, now.AddDays(-10), cancellationToken);
        await TouchAsync(db, labels.Id, now.AddDays(-5), cancellationToken);
        await TouchAsync(db, refurbished.Id, now.AddDays(-2), cancellationToken);
    }

    private static Task<int> TouchAsync(
        PortalDbContext db,
        Guid threadId,
        DateTimeOffset lastActivity,
        CancellationToken cancellationToken) =>
        db.DiscussionThreads.Where(t => t.Id == threadId)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastActivityAt, lastActivity), cancellationToken);
}
