using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Audit;
using CircularIctPact.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Members;

public sealed class AuditLogTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Filters_by_entity_type_action_actor_date_and_text()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var name = MemberTestData.Unique("Audit filter");
        var id = await portal.CreateDutchMemberAsync(name);
        var loaded = await portal.DetailsAsync(id);
        await portal.WithServiceAsync<MemberEditor, uint>(
            e => e.ChangeStatusAsync(admin, id, loaded.Version, MembershipStatus.Suspended, "Audit filter test"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        async Task<AuditPage> List(AuditQuery query) =>
            await portal.WithServiceAsync<AuditLog, AuditPage>(a => a.ListAsync(coordinator, query));

        var all = await List(new AuditQuery { Text = name });
        var byType = await List(new AuditQuery { Text = name, EntityType = "MemberOrganisation" });
        var byAction = await List(new AuditQuery { Text = name, Action = "StatusChanged" });
        var byActor = await List(new AuditQuery { Text = name, Actor = "sanne" });
        var onlyToday = await List(new AuditQuery { Text = name, From = today, To = today });
        var yesterday = await List(new AuditQuery { Text = name, To = today.AddDays(-1) });
        var otherType = await List(new AuditQuery { Text = name, EntityType = "Signatory" });

        Assert.Equal(["StatusChanged", "Created"], all.Items.Select(e => e.Action));
        Assert.Equal(2, byType.TotalCount);
        Assert.Equal("StatusChanged", Assert.Single(byAction.Items).Action);
        Assert.Equal("Sanne de Vries (secretariat)", Assert.Single(byActor.Items).ActorName);
        Assert.Equal(2, onlyToday.TotalCount);
        Assert.Equal(0, yesterday.TotalCount);
        Assert.Equal(0, otherType.TotalCount);
        Assert.Contains("\"status\": \"Active\"", JsonText.Pretty(byAction.Items[0].Before), StringComparison.Ordinal);
        Assert.Contains("\"status\": \"Suspended\"", JsonText.Pretty(byAction.Items[0].After), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_through_the_entries_newest_first_with_the_total_count()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var prefix = MemberTestData.Unique("Audit page");
        for (var i = 0; i < 7; i++)
        {
            await portal.CreateDutchMemberAsync($"{prefix} {i}");
        }

        var first = await portal.WithServiceAsync<AuditLog, AuditPage>(
            a => a.ListAsync(coordinator, new AuditQuery { Text = prefix, PageSize = 5 }));
        var second = await portal.WithServiceAsync<AuditLog, AuditPage>(
            a => a.ListAsync(coordinator, new AuditQuery { Text = prefix, PageSize = 5, Page = 1 }));

        Assert.Equal((7, 7), (first.TotalCount, second.TotalCount));
        Assert.Equal(5, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        Assert.Equal($"Added {prefix} 6", first.Items[0].Summary);
        Assert.Equal($"Added {prefix} 0", second.Items[^1].Summary);
    }

    [Fact]
    public async Task Secretariat_sees_entries_of_every_group_and_the_filter_lists()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var belgianGroup = await portal.BelgianGroupAsync();
        var name = MemberTestData.Unique("Belgian audited");
        await portal.WithServiceAsync<MemberEditor, Guid>(e => e.CreateAsync(belgian, belgianGroup, MemberTestData.Form(name, null, "BE")));
        await portal.CreateDutchMemberAsync(MemberTestData.Unique("Dutch audited"));

        var everything = await portal.WithServiceAsync<AuditLog, AuditPage>(a => a.ListAsync(admin, new AuditQuery { Text = "audited" }));
        var (types, actions) = await portal.WithServiceAsync<AuditLog, (IReadOnlyList<string>, IReadOnlyList<string>)>(
            a => a.FilterValuesAsync(admin));

        Assert.Contains(everything.Items, e => e.BuyerGroup == DemoDataSeeder.BelgianBuyerGroup);
        Assert.Contains(everything.Items, e => e.BuyerGroup == DemoDataSeeder.DutchBuyerGroup);
        Assert.Contains("MemberOrganisation", types);
        Assert.Contains("Created", actions);
    }
}

public sealed class DemoMemberContactSeedTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_demo_member_has_one_contact_person_also_after_seeding_twice()
    {
        await portal.WithServiceAsync<DemoDataSeeder>(seeder => seeder.SeedAsync());

        await using var db = portal.CreateDbContext();
        var contacts = await db.MemberOrganisations.Select(m => new { m.LegalName, Count = m.Contacts.Count() }).ToListAsync();
        Assert.Equal(14, contacts.Count);
        Assert.All(contacts, m => Assert.Equal(1, m.Count));
        Assert.Equal(
            "fatima@rivierstad.example.nl",
            await db.MemberContacts.Where(c => c.Name == "Fatima El Amrani").Select(c => c.Email).SingleAsync());
    }
}
