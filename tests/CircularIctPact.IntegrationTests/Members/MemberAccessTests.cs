using System.Text;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Audit;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Members;

namespace CircularIctPact.IntegrationTests.Members;

/// <summary>
/// A coordinator of the Belgian group, a procurer and an anonymous visitor are refused every operation on the Dutch group.
/// </summary>
public sealed class MemberAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string?> OutsidersOfTheDutchGroup =>
        [DemoAccounts.CoordinatorBelgium, DemoAccounts.Procurer, DemoAccounts.Chair, null];

    [Theory]
    [MemberData(nameof(OutsidersOfTheDutchGroup))]
    public async Task Outsider_cannot_list_the_members_of_the_Dutch_group(string? email)
    {
        var caller = await portal.CallerAsync(email);
        var group = await portal.DutchGroupAsync();

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MemberDirectory, MemberPage>(d => d.ListAsync(caller, new MemberQuery { BuyerGroupId = group })));
    }

    [Theory]
    [MemberData(nameof(OutsidersOfTheDutchGroup))]
    public async Task Outsider_cannot_read_a_Dutch_member(string? email)
    {
        var caller = await portal.CallerAsync(email);
        var member = await portal.CreateDutchMemberAsync(MemberTestData.Unique("Read target"));

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MemberDirectory, MemberDetails>(d => d.GetAsync(caller, member)));
    }

    [Theory]
    [MemberData(nameof(OutsidersOfTheDutchGroup))]
    public async Task Outsider_cannot_add_a_member_to_the_Dutch_group(string? email)
    {
        var caller = await portal.CallerAsync(email);
        var group = await portal.DutchGroupAsync();
        var name = MemberTestData.Unique("Intruder");

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MemberEditor, Guid>(e => e.CreateAsync(caller, group, MemberTestData.Form(name))));

        await using var db = portal.CreateDbContext();
        Assert.DoesNotContain(db.MemberOrganisations, m => m.LegalName == name);
    }

    [Theory]
    [MemberData(nameof(OutsidersOfTheDutchGroup))]
    public async Task Outsider_cannot_edit_a_Dutch_member(string? email)
    {
        var caller = await portal.CallerAsync(email);
        var name = MemberTestData.Unique("Edit target");
        var member = await portal.CreateDutchMemberAsync(name);
        var details = await portal.DetailsAsync(member);

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<MemberEditor, uint>(e =>
            e.UpdateAsync(caller, member, details.Version, details.ToForm() with { LegalName = "Taken over" })));

        Assert.Equal(name, (await portal.DetailsAsync(member)).LegalName);
    }

    [Theory]
    [MemberData(nameof(OutsidersOfTheDutchGroup))]
    public async Task Outsider_cannot_change_the_status_of_a_Dutch_member(string? email)
    {
        var caller = await portal.CallerAsync(email);
        var member = await portal.CreateDutchMemberAsync(MemberTestData.Unique("Status target"));
        var details = await portal.DetailsAsync(member);

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<MemberEditor, uint>(e =>
            e.ChangeStatusAsync(caller, member, details.Version, MembershipStatus.Suspended, "Not yours")));

        Assert.Equal(MembershipStatus.Active, (await portal.DetailsAsync(member)).Status);
    }

    [Theory]
    [MemberData(nameof(OutsidersOfTheDutchGroup))]
    public async Task Outsider_cannot_preview_or_run_an_import_into_the_Dutch_group(string? email)
    {
        var caller = await portal.CallerAsync(email);
        var group = await portal.DutchGroupAsync();
        var name = MemberTestData.Unique("Imported intruder");
        var file = Encoding.UTF8.GetBytes($"LegalName,Sector,Country\n{name},Education,NL\n");

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MemberImport, ImportPreview>(i => i.PreviewAsync(caller, group, "members.csv", file)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MemberImport, ImportResult>(i => i.ImportAsync(caller, group, "members.csv", file)));

        await using var db = portal.CreateDbContext();
        Assert.DoesNotContain(db.MemberOrganisations, m => m.LegalName == name);
    }

    [Theory]
    [MemberData(nameof(OutsidersOfTheDutchGroup))]
    public async Task Outsider_cannot_export_the_Dutch_group(string? email)
    {
        var caller = await portal.CallerAsync(email);
        var group = await portal.DutchGroupAsync();

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MemberExport, byte[]>(x => x.CsvAsync(caller, new MemberQuery { BuyerGroupId = group })));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MemberExport, byte[]>(x => x.XlsxAsync(caller, new MemberQuery { BuyerGroupId = group })));
    }

    [Theory]
    [MemberData(nameof(OutsidersOfTheDutchGroup))]
    public async Task Outsider_cannot_read_or_export_the_audit_log_of_the_Dutch_group(string? email)
    {
        var caller = await portal.CallerAsync(email);
        var group = await portal.DutchGroupAsync();

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<AuditLog, AuditPage>(a => a.ListAsync(caller, new AuditQuery { BuyerGroupId = group })));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<AuditLog, byte[]>(a => a.ExportCsvAsync(caller, new AuditQuery { BuyerGroupId = group })));
    }

    [Theory]
    [InlineData(DemoAccounts.Procurer)]
    [InlineData(DemoAccounts.Chair)]
    [InlineData(null)]
    public async Task People_without_a_buyer_group_to_coordinate_cannot_list_members_or_audit_entries_at_all(string? email)
    {
        var caller = await portal.CallerAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MemberDirectory, MemberPage>(d => d.ListAsync(caller, new MemberQuery())));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<AuditLog, AuditPage>(a => a.ListAsync(caller, new AuditQuery())));
        Assert.Empty(await portal.WithServiceAsync<MemberDirectory, IReadOnlyList<GroupOption>>(d => d.GroupsAsync(caller)));
    }

    [Fact]
    public async Task Belgian_coordinator_listing_all_their_groups_sees_only_Belgian_members_and_audit_entries()
    {
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var belgianGroup = await portal.BelgianGroupAsync();
        await portal.CreateDutchMemberAsync(MemberTestData.Unique("Dutch only"));

        var page = await portal.WithServiceAsync<MemberDirectory, MemberPage>(
            d => d.ListAsync(belgian, new MemberQuery { PageSize = 200 }));
        var audit = await portal.WithServiceAsync<AuditLog, AuditPage>(a => a.ListAsync(belgian, new AuditQuery { PageSize = 200 }));
        var groups = await portal.WithServiceAsync<MemberDirectory, IReadOnlyList<GroupOption>>(d => d.GroupsAsync(belgian));

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, m => Assert.Equal(belgianGroup, m.BuyerGroupId));
        Assert.All(audit.Items, e => Assert.Equal(belgianGroup, e.BuyerGroupId));
        Assert.Equal([DemoDataSeeder.BelgianBuyerGroup], groups.Select(g => g.Name));
    }

    [Fact]
    public async Task Secretariat_sees_the_members_of_every_group()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);

        var page = await portal.WithServiceAsync<MemberDirectory, MemberPage>(d => d.ListAsync(admin, new MemberQuery { PageSize = 200 }));

        Assert.Contains(page.Items, m => m.BuyerGroup == DemoDataSeeder.DutchBuyerGroup);
        Assert.Contains(page.Items, m => m.BuyerGroup == DemoDataSeeder.BelgianBuyerGroup);
    }
}
