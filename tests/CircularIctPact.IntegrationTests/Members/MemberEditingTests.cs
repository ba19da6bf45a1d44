using System.Globalization;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Audit;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Members;

public sealed class MemberEditingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string?, string?, string?, string, string> BadInput => new()
    {
        // legal name, country, website, field, part of the message
        { "", "NL", null, "Legal name", "Legal name is required" },
        { "   ", "NL", null, "Legal name", "Legal name is required" },
        { "Valid name", "XX", null, "Country", "'XX' is not an ISO 3166 country code" },
        { "Valid name", "Netherlands", null, "Country", "is not an ISO 3166 country code" },
        { "Valid name", "", null, "Country", "Country is required" },
        { "Valid name", "NL", "not a website", "Website", "is not a valid website address" },
        { "Valid name", "NL", "ftp://files.example.org", "Website", "is not a valid website address" },
        { "Valid name", "NL", "localhost", "Website", "is not a valid website address" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_for_the_field_and_nothing_is_saved(
        string? legalName,
        string? country,
        string? website,
        string field,
        string message)
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();
        await using var before = portal.CreateDbContext();
        var count = await before.MemberOrganisations.CountAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => portal.WithServiceAsync<MemberEditor, Guid>(e =>
            e.CreateAsync(coordinator, group, MemberTestData.Form(legalName, website, country))));

        Assert.Equal(field, error.Field?.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        await using var after = portal.CreateDbContext();
        Assert.Equal(count, await after.MemberOrganisations.CountAsync());
    }

    [Fact]
    public async Task An_empty_member_form_is_refused_with_every_problem_at_once_beside_its_field()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();
        var form = MemberTestData.Form(
            "", "not a website", "", new ContactDetails(null, "", "", null, null), new ContactDetails(null, "Ann", "ann@", null, null));

        var error = await Assert.ThrowsAsync<DomainException>(() => portal.WithServiceAsync<MemberEditor, Guid>(e =>
            e.CreateAsync(coordinator, group, form)));

        Assert.Equal(
            ["Legal name", "Country", "Website", "Contacts[0].Name", "Contacts[0].Email", "Contacts[1].Email"],
            error.Violations.Select(v => v.Field!.Value.Key));
        var errors = new FieldErrors();
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");
        try
        {
            errors.Add(error);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        Assert.Equal("Juridische naam is verplicht.", errors.For(MemberOrganisationFields.LegalName));
        Assert.Equal(
            "Naam contactpersoon is verplicht.",
            errors.For(MemberOrganisationFields.Contact(0, MemberOrganisationFields.RowName)));
    }

    public static TheoryData<string?, string?, string, string> BadContacts => new()
    {
        { "", "a@example.org", "Contacts[0].Name", "Contact name is required" },
        { "Ann", "", "Contacts[0].Email", "Contact e-mail is required" },
        { "Ann", "ann@", "Contacts[0].Email", "'ann@' is not a valid e-mail address" },
        { "Ann", "ann at example.org", "Contacts[0].Email", "is not a valid e-mail address" },
    };

    [Theory]
    [MemberData(nameof(BadContacts))]
    public async Task Bad_contact_is_refused_with_a_message_for_that_contact_field(
        string? name,
        string? email,
        string field,
        string message)
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => portal.WithServiceAsync<MemberEditor, Guid>(e =>
            e.CreateAsync(
                coordinator,
                group,
                MemberTestData.Form(MemberTestData.Unique("Contactless"), null, "NL", new ContactDetails(null, name, email, null, null)))));

        Assert.Equal(field, error.Field?.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tier_of_another_group_is_refused()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();
        var belgianGroup = await portal.BelgianGroupAsync();
        await using var db = portal.CreateDbContext();
        var belgianTier = await db.BuyerGroupTiers.Where(t => t.BuyerGroupId == belgianGroup).Select(t => t.Id).FirstAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => portal.WithServiceAsync<MemberEditor, Guid>(e =>
            e.CreateAsync(coordinator, group, MemberTestData.Form(MemberTestData.Unique("Tiered")) with { TierId = belgianTier })));

        Assert.Equal(MemberEditor.TierField, error.Field);
    }

    [Theory]
    [InlineData("GEMEENTE RIVIERSTAD", null, "Legal name")]
    [InlineData("  gemeente   rivierstad ", null, "Legal name")]
    [InlineData("Rivierstad Holding", "https://WWW.Rivierstad.example.nl/contact", "Website")]
    [InlineData("Rivierstad Holding", "rivierstad.example.nl", "Website")]
    public async Task Same_legal_name_or_website_host_in_the_group_is_a_duplicate(string legalName, string? website, string field)
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => portal.WithServiceAsync<MemberEditor, Guid>(e =>
            e.CreateAsync(coordinator, group, MemberTestData.Form(legalName, website))));

        Assert.Equal(field, error.Field?.Key);
        Assert.Contains(DemoDataSeeder.ProcurerOrganisation, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_same_organisation_may_be_a_member_of_another_group()
    {
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var belgianGroup = await portal.BelgianGroupAsync();

        var id = await portal.WithServiceAsync<MemberEditor, Guid>(e =>
            e.CreateAsync(belgian, belgianGroup, MemberTestData.Form("Hogeschool Lage Landen", "hll.example.nl", "NL")));

        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task Renaming_a_member_to_the_name_of_another_member_is_a_duplicate()
    {
        var first = MemberTestData.Unique("First");
        await portal.CreateDutchMemberAsync(first);
        var second = await portal.CreateDutchMemberAsync(MemberTestData.Unique("Second"));
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var details = await portal.DetailsAsync(second);

        var error = await Assert.ThrowsAsync<DomainException>(() => portal.WithServiceAsync<MemberEditor, uint>(e =>
            e.UpdateAsync(coordinator, second, details.Version, details.ToForm() with { LegalName = first.ToUpperInvariant() })));

        Assert.Equal(MemberOrganisationFields.LegalName, error.Field);
    }

    [Fact]
    public async Task Coordinator_adds_a_member_with_contacts_and_the_creation_is_audited()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var name = MemberTestData.Unique("Gemeente Nieuw");
        var contact = new ContactDetails(null, "Ann Smit", "ann@nieuw.example.nl", "+31 20 555 0101", "ICT buyer");

        var id = await portal.CreateDutchMemberAsync(name, "www.nieuw-" + Guid.NewGuid().ToString("N")[..6] + ".example.nl", contact);

        var details = await portal.DetailsAsync(id);
        Assert.Equal(name, details.LegalName);
        Assert.Equal(DemoDataSeeder.DutchBuyerGroup, details.BuyerGroup);
        var saved = Assert.Single(details.Contacts);
        Assert.Equal(
            ("Ann Smit", "ann@nieuw.example.nl", "+31 20 555 0101", "ICT buyer"),
            (saved.Name, saved.Email, saved.Phone, saved.Function));
        var audit = await portal.WithServiceAsync<AuditLog, AuditPage>(a => a.ListAsync(coordinator, new AuditQuery { Text = name }));
        var entry = Assert.Single(audit.Items);
        Assert.Equal(("MemberOrganisation", "Created", id), (entry.EntityType, entry.Action, entry.EntityId));
        Assert.Null(entry.Before);
        Assert.Contains("ann@nieuw.example.nl", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_edits_a_member_and_its_contacts_and_the_change_is_audited_with_before_and_after()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var id = await portal.CreateDutchMemberAsync(
            MemberTestData.Unique("Editable"),
            null,
            new ContactDetails(null, "Old Contact", "old@editable.example.org", null, null));
        var details = await portal.DetailsAsync(id);
        var newName = MemberTestData.Unique("Edited");
        var contacts = new[]
        {
            new ContactDetails(details.Contacts[0].Id, "Renamed Contact", "old@editable.example.org", null, "Buyer"),
            new ContactDetails(null, "Second Contact", "second@editable.example.org", null, null),
        };

        await portal.WithServiceAsync<MemberEditor, uint>(e => e.UpdateAsync(
            coordinator,
            id,
            details.Version,
            details.ToForm() with { LegalName = newName, Country = "be", Contacts = contacts }));

        var edited = await portal.DetailsAsync(id);
        Assert.Equal((newName, "BE"), (edited.LegalName, edited.Country));
        Assert.Equal(["Renamed Contact", "Second Contact"], edited.Contacts.Select(c => c.Name));
        Assert.Equal(details.Contacts[0].Id, edited.Contacts[0].Id);
        var entry = Assert.Single((await portal.WithServiceAsync<AuditLog, AuditPage>(
            a => a.ListAsync(coordinator, new AuditQuery { Action = "Updated", Text = newName }))).Items);
        Assert.Contains(details.LegalName, entry.Before, StringComparison.Ordinal);
        Assert.Contains(newName, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_save_of_the_same_loaded_version_gets_a_conflict_with_the_other_persons_values()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var id = await portal.CreateDutchMemberAsync(MemberTestData.Unique("Contested"));
        var loadedByBoth = await portal.DetailsAsync(id);
        var adminName = MemberTestData.Unique("Admin's name");

        await portal.WithServiceAsync<MemberEditor, uint>(
            e => e.UpdateAsync(admin, id, loadedByBoth.Version, loadedByBoth.ToForm() with { LegalName = adminName }));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => portal.WithServiceAsync<MemberEditor, uint>(e =>
            e.UpdateAsync(
                coordinator,
                id,
                loadedByBoth.Version,
                loadedByBoth.ToForm() with { LegalName = "Coordinator's name", Website = "coordinator.example.org" })));

        var current = Assert.IsType<MemberDetails>(conflict.Current);
        Assert.Equal(adminName, current.LegalName);
        Assert.Contains("Someone else saved", conflict.Message, StringComparison.Ordinal);
        var saved = await portal.DetailsAsync(id);
        Assert.Equal(adminName, saved.LegalName);
        Assert.Null(saved.Website);
    }

    [Fact]
    public async Task A_contact_only_edit_also_conflicts_with_a_concurrent_save()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var id = await portal.CreateDutchMemberAsync(MemberTestData.Unique("Contact race"));
        var loaded = await portal.DetailsAsync(id);
        await portal.WithServiceAsync<MemberEditor, uint>(e => e.UpdateAsync(coordinator, id, loaded.Version, loaded.ToForm() with
        {
            Contacts = [new ContactDetails(null, "First Writer", "first@race.example.org", null, null)],
        }));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => portal.WithServiceAsync<MemberEditor, uint>(e => e.UpdateAsync(coordinator, id, loaded.Version, loaded.ToForm() with
            {
                Contacts = [new ContactDetails(null, "Second Writer", "second@race.example.org", null, null)],
            })));

        Assert.Equal(["First Writer"], (await portal.DetailsAsync(id)).Contacts.Select(c => c.Name));
    }

    [Fact]
    public async Task Status_changes_keep_the_member_with_reason_and_date_and_are_audited()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var id = await portal.CreateDutchMemberAsync(MemberTestData.Unique("Leaving"));
        var loaded = await portal.DetailsAsync(id);

        var missingReason = await Assert.ThrowsAsync<DomainException>(() => portal.WithServiceAsync<MemberEditor, uint>(
            e => e.ChangeStatusAsync(coordinator, id, loaded.Version, MembershipStatus.Left, " ")));
        var version = await portal.WithServiceAsync<MemberEditor, uint>(
            e => e.ChangeStatusAsync(coordinator, id, loaded.Version, MembershipStatus.Suspended, "No tender reported for two years"));
        await portal.WithServiceAsync<MemberEditor, uint>(
            e => e.ChangeStatusAsync(coordinator, id, version, MembershipStatus.Left, "Merged with another municipality"));

        Assert.Equal(MemberOrganisationFields.Reason, missingReason.Field);
        var left = await portal.DetailsAsync(id);
        Assert.Equal((MembershipStatus.Left, "Merged with another municipality"), (left.Status, left.StatusReason));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), left.StatusChangedOn);
        var entries = await portal.WithServiceAsync<AuditLog, AuditPage>(
            a => a.ListAsync(coordinator, new AuditQuery { Action = "StatusChanged", Text = loaded.LegalName }));
        Assert.Equal(2, entries.TotalCount);
        Assert.Contains("Merged with another municipality", entries.Items[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_a_member_that_does_not_exist_is_not_found()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);

        await Assert.ThrowsAsync<NotFoundException>(
            () => portal.WithServiceAsync<MemberDirectory, MemberDetails>(d => d.GetAsync(coordinator, Guid.NewGuid())));
    }
}
