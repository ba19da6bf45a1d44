using System.Net;
using System.Security.Claims;
using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.BuyerGroups;

public sealed class BuyerGroupAdministrationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_operation_is_refused_to_anyone_but_the_secretariat_with_two_factors()
    {
        var admin = await Admin();
        var id = await CreateGroupAsync(admin);
        var group = await Service(s => s.GetAsync(admin, id));
        var tier = group.Tiers.First().Id;
        var coordinator = await CoordinatorIdAsync();

        foreach (var (who, outsider) in await SecretariatPrincipals.OutsidersAsync(portal))
        {
            await AssertRefused(who, () => Service(s => s.ListAsync(outsider, true)));
            await AssertRefused(who, () => Service(s => s.SignatoryOptionsAsync(outsider)));
            await AssertRefused(who, () => Service(s => s.GetAsync(outsider, id)));
            await AssertRefused(who, () => Service(s => s.CreateAsync(outsider, NewForm(group.SignatoryId))));
            await AssertRefused(who, () => Service(s => s.UpdateAsync(outsider, id, group.ToForm(), group.Version)));
            await AssertRefused(who, () => Service(s => s.ArchiveAsync(outsider, id, "No longer active", group.Version)));
            await AssertRefused(who, () => Service(s => s.AddTierAsync(outsider, id, "Newcomers")));
            await AssertRefused(who, () => Service(s => s.RenameTierAsync(outsider, id, tier, "Front runners")));
            await AssertRefused(who, () => Service(s => s.MoveTierAsync(outsider, id, tier, false)));
            await AssertRefused(who, () => Service(s => s.RemoveTierAsync(outsider, id, tier)));
            await AssertRefused(who, () => Service(s => s.AddDocumentAsync(outsider, id, "Vision", true, new DocumentUpload(
                "v.pdf",
                new MemoryStream(SecretariatPrincipals.Pdf())))));
            await AssertRefused(who, () => Service(s => s.AssignCoordinatorAsync(outsider, id, DemoAccounts.CoordinatorBelgium)));
            await AssertRefused(who, () => Service(s => s.RemoveCoordinatorAsync(outsider, id, coordinator)));
        }

        var after = await Service(s => s.GetAsync(admin, id));
        Assert.Equal(group.Version, after.Version);
        Assert.Equal(group.Tiers, after.Tiers);
        Assert.Empty(after.Coordinators);
    }

    [Fact]
    public async Task Create_needs_a_signatory_a_name_and_a_unique_name()
    {
        var admin = await Admin();
        var signatory = await SignatoryIdAsync();

        var noSignatory = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.CreateAsync(admin, NewForm(null))));
        var emptyName = NewForm(signatory);
        emptyName.Name = "";
        var noName = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.CreateAsync(admin, emptyName)));
        var duplicate = NewForm(signatory);
        duplicate.Name = DemoDataSeeder.DutchBuyerGroup.ToUpperInvariant();
        var taken = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.CreateAsync(admin, duplicate)));

        Assert.Equal(BuyerGroupAdministration.SignatoryField, noSignatory.Field);
        Assert.Equal("Name is required.", noName.Message);
        Assert.Equal($"A buyer group called '{duplicate.Name}' already exists.", taken.Message);
    }

    [Fact]
    public async Task Created_group_has_its_supporting_organisations_default_tiers_and_an_audit_entry()
    {
        var admin = await Admin();

        var id = await CreateGroupAsync(admin);

        var group = await Service(s => s.GetAsync(admin, id));
        Assert.Equal(["Knowledge Centre", "Procurement Agency"], group.SupportingOrganisations);
        Assert.Equal([BuyerGroupTier.LeadingGroup, BuyerGroupTier.Peloton], group.Tiers.Select(t => t.Name));
        await using var db = portal.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(
            e => e.EntityType == "BuyerGroup" && e.EntityId == id && e.Action == "Created" && e.BuyerGroupId == id));
    }

    [Fact]
    public async Task Tiers_are_added_renamed_reordered_and_removed_when_unused()
    {
        var admin = await Admin();
        var id = await CreateGroupAsync(admin);

        await Service(s => s.AddTierAsync(admin, id, "Newcomers"));
        var group = await Service(s => s.GetAsync(admin, id));
        var newcomers = group.Tiers.Single(t => t.Name == "Newcomers").Id;
        await Service(s => s.RenameTierAsync(admin, id, newcomers, "Starters"));
        await Service(s => s.MoveTierAsync(admin, id, newcomers, true));
        var peloton = group.Tiers.Single(t => t.Name == BuyerGroupTier.Peloton).Id;
        await Service(s => s.RemoveTierAsync(admin, id, peloton));

        var after = await Service(s => s.GetAsync(admin, id));
        Assert.Equal([(BuyerGroupTier.LeadingGroup, 1), ("Starters", 2)], after.Tiers.Select(t => (t.Name, t.Order)));
        var duplicate = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.AddTierAsync(admin, id, "starters")));
        Assert.Equal("The group already has a tier called 'starters'.", duplicate.Message);
        var first = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.MoveTierAsync(admin, id, after.Tiers.First().Id, true)));
        Assert.Equal("This tier is already the first.", first.Message);
    }

    [Fact]
    public async Task Tier_with_members_cannot_be_removed_and_the_message_says_why()
    {
        var admin = await Admin();
        var dutch = await GroupIdAsync(DemoDataSeeder.DutchBuyerGroup);
        var group = await Service(s => s.GetAsync(admin, dutch));
        var leading = group.Tiers.Single(t => t.Name == BuyerGroupTier.LeadingGroup);

        var error = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.RemoveTierAsync(admin, dutch, leading.Id)));

        Assert.Equal(BuyerGroupFields.Tier, error.Field);
        Assert.Equal(
            $"The tier 'Leading group' cannot be removed: {leading.Members} member organisations are placed in it. "
                + "Move them to another tier first.",
            error.Message);
        Assert.Contains((await Service(s => s.GetAsync(admin, dutch))).Tiers, t => t.Id == leading.Id);
    }

    [Fact]
    public async Task Second_save_of_the_same_loaded_version_gets_a_conflict()
    {
        var admin = await Admin();
        var id = await CreateGroupAsync(admin);
        var first = await Service(s => s.GetAsync(admin, id));
        var second = await Service(s => s.GetAsync(admin, id));
        var firstForm = first.ToForm();
        firstForm.Description = "First edit";
        await Service(s => s.UpdateAsync(admin, id, firstForm, first.Version));
        var secondForm = second.ToForm();
        secondForm.Description = "Second edit";

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Service(s => s.UpdateAsync(admin, id, secondForm, second.Version)));

        Assert.Equal("First edit", Assert.IsType<BuyerGroupDetails>(conflict.Current).Description);
    }

    [Fact]
    public async Task Archiving_needs_a_reason_keeps_the_group_and_hides_it_from_the_public_page()
    {
        var admin = await Admin();
        var id = await CreateGroupAsync(admin);
        var group = await Service(s => s.GetAsync(admin, id));

        var noReason = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.ArchiveAsync(admin, id, " ", group.Version)));
        Assert.Equal("Reason is required.", noReason.Message);
        Assert.Contains(group.Name, await NewClient().GetStringAsync("/signatories"), StringComparison.Ordinal);

        await Service(s => s.ArchiveAsync(admin, id, "Merged into the national group", group.Version));

        var archived = await Service(s => s.GetAsync(admin, id));
        Assert.True(archived.IsArchived);
        Assert.Equal("Merged into the national group", archived.ArchiveReason);
        Assert.DoesNotContain(group.Name, await NewClient().GetStringAsync("/signatories"), StringComparison.Ordinal);
        Assert.DoesNotContain(await Service(s => s.ListAsync(admin, false)), row => row.Id == id);
        Assert.Contains(await Service(s => s.ListAsync(admin, true)), row => row.Id == id);
    }

    [Fact]
    public async Task Members_only_document_needs_a_buyer_side_sign_in_and_public_document_does_not()
    {
        var admin = await Admin();
        var id = await CreateGroupAsync(admin);
        await Service(s => s.AddDocumentAsync(admin, id, "Market vision and strategy", false, new DocumentUpload(
            "vision.pdf",
            new MemoryStream(SecretariatPrincipals.Pdf()))));
        await Service(s => s.AddDocumentAsync(admin, id, "Public summary", true, new DocumentUpload(
            "summary.png",
            new MemoryStream(SecretariatPrincipals.Png()))));
        var documents = (await Service(s => s.GetAsync(admin, id))).Documents;
        var membersOnly = documents.Single(d => d.Title == "Market vision and strategy").StoredDocumentId;
        var open = documents.Single(d => d.Title == "Public summary").StoredDocumentId;

        var anonymousMembersOnly = await NewClient().GetAsync($"/documents/{membersOnly}");
        var anonymousPublic = await NewClient().GetAsync($"/documents/{open}");
        var procurer = NewClient();
        await FormSignIn.SignInAsync(procurer, DemoAccounts.Procurer);
        var procurerMembersOnly = await procurer.GetAsync($"/documents/{membersOnly}");

        Assert.Equal(HttpStatusCode.Redirect, anonymousMembersOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymousPublic.StatusCode);
        Assert.Equal("image/png", anonymousPublic.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, procurerMembersOnly.StatusCode);
        Assert.Equal("attachment", procurerMembersOnly.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("vision.pdf", procurerMembersOnly.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Document_needs_a_title_and_an_allowed_type()
    {
        var admin = await Admin();
        var id = await CreateGroupAsync(admin);

        var noTitle = await Assert.ThrowsAsync<DomainException>(() => Service(
            s => s.AddDocumentAsync(admin, id, "", true, new DocumentUpload("v.pdf", new MemoryStream(SecretariatPrincipals.Pdf())))));
        var html = await Assert.ThrowsAsync<DomainException>(() => Service(s =>
            s.AddDocumentAsync(admin, id, "Vision", true, new DocumentUpload("v.pdf", new MemoryStream(SecretariatPrincipals.Html())))));

        Assert.Equal(BuyerGroupFields.Title, noTitle.Field);
        Assert.Equal(CommonFields.File, html.Field);
        Assert.Empty((await Service(s => s.GetAsync(admin, id))).Documents);
    }

    [Fact]
    public async Task Assigning_a_coordinator_grants_the_role_and_scope_and_removing_the_last_group_revokes_them()
    {
        var admin = await Admin();
        var id = await CreateGroupAsync(admin);
        var other = await CreateGroupAsync(admin);
        var email = SecretariatPrincipals.UniqueEmail("new.coordinator");
        var person = await SecretariatPrincipals.CreateUserAsync(portal, email, "New Coordinator", PortalRoles.Procurer);
        var stampBefore = person.RightsStamp;

        await Service(s => s.AssignCoordinatorAsync(admin, id, email.ToUpperInvariant()));
        await Service(s => s.AssignCoordinatorAsync(admin, other, email));

        var coordinator = await portal.PrincipalForAsync(email);
        Assert.True(coordinator.IsInRole(PortalRoles.BuyerGroupCoordinator));
        await portal.WithServiceAsync<BuyerGroupAccess>(access => access.EnsureAsync(coordinator, id, BuyerGroupOperations.Manage));
        Assert.NotEqual(stampBefore, (await FindUserAsync(email)).RightsStamp);
        Assert.Contains((await Service(s => s.GetAsync(admin, id))).Coordinators, c => c.Email == email);

        await Service(s => s.RemoveCoordinatorAsync(admin, id, person.Id));
        var stillCoordinator = await portal.PrincipalForAsync(email);
        Assert.True(stillCoordinator.IsInRole(PortalRoles.BuyerGroupCoordinator));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<BuyerGroupAccess>(access => access.EnsureAsync(stillCoordinator, id, BuyerGroupOperations.Read)));

        await Service(s => s.RemoveCoordinatorAsync(admin, other, person.Id));
        var former = await portal.PrincipalForAsync(email);
        Assert.False(former.IsInRole(PortalRoles.BuyerGroupCoordinator));
        Assert.True(former.IsInRole(PortalRoles.Procurer));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<BuyerGroupAccess>(access => access.EnsureAsync(former, other, BuyerGroupOperations.Read)));
        await using var db = portal.CreateDbContext();
        Assert.Equal(
            2,
            await db.AuditEntries.CountAsync(e => e.EntityType == "User" && e.EntityId == person.Id && e.Action == "ScopeRemoved"));
        Assert.True(
            await db.AuditEntries.AnyAsync(e => e.EntityType == "BuyerGroup" && e.EntityId == id && e.Action == "CoordinatorAssigned"));
    }

    [Fact]
    public async Task Assigning_an_unknown_or_malformed_email_says_so()
    {
        var admin = await Admin();
        var id = await CreateGroupAsync(admin);

        var unknown = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.AssignCoordinatorAsync(admin, id, "nobody@example.org")));
        var malformed = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.AssignCoordinatorAsync(admin, id, "nobody@")));
        await Service(s => s.AssignCoordinatorAsync(admin, id, DemoAccounts.CoordinatorBelgium));
        var twice = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.AssignCoordinatorAsync(admin, id, DemoAccounts.CoordinatorBelgium)));

        Assert.Equal("No portal account uses nobody@example.org. Invite the person first.", unknown.Message);
        Assert.Equal("'nobody@' is not a valid e-mail address.", malformed.Message);
        Assert.Equal("This person already coordinates the group.", twice.Message);
        Assert.Equal(BuyerGroupFields.Coordinator, malformed.Field);
    }

    private static BuyerGroupForm NewForm(Guid? signatoryId) => new()
    {
        SignatoryId = signatoryId,
        Name = "Buyer group " + Guid.NewGuid().ToString("N")[..8],
        CoordinatingOrganisation = "Procurement Agency",
        SupportingOrganisations = "Knowledge Centre\n\n  Procurement Agency  \n",
        Description = "Buyers working together.",
    };

    private async Task<Guid> CreateGroupAsync(ClaimsPrincipal admin)
    {
        var form = NewForm(await SignatoryIdAsync());
        return await Service(s => s.CreateAsync(admin, form));
    }

    private async Task<Guid> SignatoryIdAsync()
    {
        await using var db = portal.CreateDbContext();
        return await db.Signatories.Where(s => s.Name == "Germany").Select(s => s.Id).SingleAsync();
    }

    private async Task<Guid> GroupIdAsync(string name)
    {
        await using var db = portal.CreateDbContext();
        return await db.BuyerGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    private async Task<Guid> CoordinatorIdAsync() => (await FindUserAsync(DemoAccounts.CoordinatorNetherlands)).Id;

    private async Task<ApplicationUser> FindUserAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private static async Task AssertRefused(string who, Func<Task> action)
    {
        var error = await Record.ExceptionAsync(action);
        Assert.True(error is ForbiddenException, $"{who} was not refused: {error?.GetType().Name ?? "no exception"} {error?.Message}");
    }

    private HttpClient NewClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private Task<ClaimsPrincipal> Admin() => portal.PrincipalForAsync(DemoAccounts.Admin);

    private Task<T> Service<T>(Func<BuyerGroupAdministration, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Service(Func<BuyerGroupAdministration, Task> action) => portal.WithServiceAsync(action);
}
