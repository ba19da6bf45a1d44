using System.Security.Claims;
using System.Text.Json;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.Signatories;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Signatories;

public sealed class SignatoryAdministrationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_operation_is_refused_to_anyone_but_the_secretariat_with_two_factors()
    {
        var admin = await Admin();
        var id = await Create(admin, NewForm());
        var details = await Service(s => s.GetAsync(admin, id));

        foreach (var (who, outsider) in await SecretariatPrincipals.OutsidersAsync(portal))
        {
            await AssertRefused(who, () => Service(s => s.ListAsync(outsider, null)));
            await AssertRefused(who, () => Service(s => s.GetAsync(outsider, id)));
            await AssertRefused(who, () => Service(s => s.CreateAsync(outsider, NewForm())));
            await AssertRefused(who, () => Service(s => s.UpdateAsync(outsider, id, NewForm(), details.Version)));
            await AssertRefused(
                who,
                () => Service(s => s.ChangeStatusAsync(outsider, id, SignatoryStatus.InTalks, Today, null, details.Version)));
            await AssertRefused(who, () => Service(s => s.UploadCommitmentAsync(
                outsider,
                id,
                new DocumentUpload("c.pdf", new MemoryStream(SecretariatPrincipals.Pdf())),
                details.Version)));
        }

        var after = await Service(s => s.GetAsync(admin, id));
        Assert.Equal(details.Version, after.Version);
    }

    [Theory]
    [InlineData("XX", "'XX' is not an ISO 3166 country code")]
    [InlineData("Netherlands", "'Netherlands' is not an ISO 3166 country code")]
    public async Task Invalid_country_code_is_refused_with_a_specific_message(string country, string message)
    {
        var form = NewForm();
        form.Country = country;

        var error = await Assert.ThrowsAsync<DomainException>(async () => await Create(await Admin(), form));

        Assert.Equal(CommonFields.Country, error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task National_government_without_a_country_is_refused()
    {
        var form = NewForm();
        form.Country = " ";

        var error = await Assert.ThrowsAsync<DomainException>(async () => await Create(await Admin(), form));

        Assert.Equal("A national government needs its ISO 3166 country code.", error.Message);
    }

    [Fact]
    public async Task Organisation_needs_no_country()
    {
        var form = NewForm();
        form.Kind = SignatoryKind.Organisation;
        form.Country = null;

        var admin = await Admin();
        var id = await Create(admin, form);

        Assert.Null((await Service(s => s.GetAsync(admin, id))).Country);
    }

    [Fact]
    public async Task Empty_name_is_refused()
    {
        var form = NewForm();
        form.Name = "   ";

        var error = await Assert.ThrowsAsync<DomainException>(async () => await Create(await Admin(), form));

        Assert.Equal(SignatoryFields.Name, error.Field);
        Assert.Equal("Name is required.", error.Message);
    }

    [Fact]
    public async Task Duplicate_name_is_refused()
    {
        var form = NewForm();
        form.Name = "netherlands";

        var error = await Assert.ThrowsAsync<DomainException>(async () => await Create(await Admin(), form));

        Assert.Equal("A signatory called 'netherlands' already exists.", error.Message);
    }

    [Fact]
    public async Task Malformed_contact_email_is_refused_and_nothing_is_saved()
    {
        var admin = await Admin();
        var id = await Create(admin, NewForm());
        var details = await Service(s => s.GetAsync(admin, id));
        var form = details.ToForm();
        form.ContactEmail = "not-an-email";
        form.Name = "Changed " + details.Name;

        var error = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.UpdateAsync(admin, id, form, details.Version)));

        Assert.Equal(SignatoryFields.ContactEmail, error.Field);
        Assert.Equal("'not-an-email' is not a valid e-mail address.", error.Message);
        Assert.Equal(details.Name, (await Service(s => s.GetAsync(admin, id))).Name);
    }

    [Fact]
    public async Task Status_changes_keep_their_dates_as_history()
    {
        var admin = await Admin();
        var form = NewForm();
        form.Since = new DateOnly(2025, 1, 10);
        var id = await Create(admin, form);

        await ChangeStatus(admin, id, SignatoryStatus.InTalks, new DateOnly(2025, 3, 1), "First meeting");
        await ChangeStatus(admin, id, SignatoryStatus.Signed, new DateOnly(2025, 6, 14), "Signed at the annual meeting");

        var details = await Service(s => s.GetAsync(admin, id));
        Assert.Equal(SignatoryStatus.Signed, details.Status);
        Assert.Equal(
            [
                new SignatoryHistoryEntry(SignatoryStatus.Prospect, new DateOnly(2025, 1, 10), null),
                new SignatoryHistoryEntry(SignatoryStatus.InTalks, new DateOnly(2025, 3, 1), "First meeting"),
                new SignatoryHistoryEntry(SignatoryStatus.Signed, new DateOnly(2025, 6, 14), "Signed at the annual meeting"),
            ],
            details.History);
        await using var db = portal.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityId == id && e.Action == "StatusChanged"));
    }

    [Fact]
    public async Task Status_change_dated_before_the_previous_one_or_in_the_future_is_refused()
    {
        var admin = await Admin();
        var form = NewForm();
        form.Since = new DateOnly(2025, 5, 1);
        var id = await Create(admin, form);
        var version = (await Service(s => s.GetAsync(admin, id))).Version;

        var before = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.ChangeStatusAsync(admin, id, SignatoryStatus.InTalks, new DateOnly(2025, 4, 30), null, version)));
        var future = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.ChangeStatusAsync(admin, id, SignatoryStatus.InTalks, Today.AddDays(2), null, version)));
        var same = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.ChangeStatusAsync(admin, id, SignatoryStatus.Prospect, Today, null, version)));

        Assert.Equal("The date of a status change cannot be before the previous change (2025-05-01).", before.Message);
        Assert.Equal("The date of a status change cannot be in the future.", future.Message);
        Assert.Equal(SignatoryFields.Date, future.Field);
        Assert.Equal(SignatoryFields.Status, same.Field);
        Assert.Single((await Service(s => s.GetAsync(admin, id))).History);
    }

    [Fact]
    public async Task Second_save_of_the_same_loaded_version_gets_a_conflict_with_the_other_values()
    {
        var admin = await Admin();
        var id = await Create(admin, NewForm());
        var first = await Service(s => s.GetAsync(admin, id));
        var second = await Service(s => s.GetAsync(admin, id));

        var firstForm = first.ToForm();
        firstForm.ContactName = "First Editor";
        await Service(s => s.UpdateAsync(admin, id, firstForm, first.Version));
        var secondForm = second.ToForm();
        secondForm.ContactName = "Second Editor";
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Service(s => s.UpdateAsync(admin, id, secondForm, second.Version)));

        var current = Assert.IsType<SignatoryDetails>(conflict.Current);
        Assert.Equal("First Editor", current.ContactName);
        Assert.Equal("First Editor", (await Service(s => s.GetAsync(admin, id))).ContactName);
    }

    [Fact]
    public async Task Status_change_on_a_stale_version_is_a_conflict()
    {
        var admin = await Admin();
        var id = await Create(admin, NewForm());
        var loaded = await Service(s => s.GetAsync(admin, id));
        var form = loaded.ToForm();
        form.Role = SignatoryRole.CoLead;
        await Service(s => s.UpdateAsync(admin, id, form, loaded.Version));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Service(s => s.ChangeStatusAsync(admin, id, SignatoryStatus.InTalks, Today, null, loaded.Version)));
    }

    [Fact]
    public async Task Edit_is_audited_with_before_and_after()
    {
        var admin = await Admin();
        var id = await Create(admin, NewForm());
        var loaded = await Service(s => s.GetAsync(admin, id));
        var form = loaded.ToForm();
        form.Name = loaded.Name + " renamed";
        form.ContactEmail = "contact@example.org";

        await Service(s => s.UpdateAsync(admin, id, form, loaded.Version));

        await using var db = portal.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == "Signatory" && e.EntityId == id && e.Action == "Updated");
        Assert.Equal(admin.UserId(), entry.ActorUserId);
        Assert.Equal(loaded.Name, JsonDocument.Parse(entry.Before!).RootElement.GetProperty("name").GetString());
        Assert.Equal(form.Name, JsonDocument.Parse(entry.After!).RootElement.GetProperty("name").GetString());
        Assert.Equal("contact@example.org", JsonDocument.Parse(entry.After!).RootElement.GetProperty("contactEmail").GetString());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == id && e.Action == "Created"));
    }

    [Fact]
    public async Task Html_disguised_as_pdf_is_not_stored_as_commitment()
    {
        var admin = await Admin();
        var id = await Create(admin, NewForm());
        var loaded = await Service(s => s.GetAsync(admin, id));
        await using var db = portal.CreateDbContext();
        var documentsBefore = await db.StoredDocuments.CountAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Service(s => s.UploadCommitmentAsync(
                admin,
                id,
                new DocumentUpload("commitment.pdf", new MemoryStream(SecretariatPrincipals.Html())),
                loaded.Version)));

        Assert.Equal(CommonFields.File, error.Field);
        Assert.Equal(documentsBefore, await db.StoredDocuments.CountAsync());
        Assert.Null((await Service(s => s.GetAsync(admin, id))).CommitmentDocument);
    }

    [Fact]
    public async Task Commitment_document_is_uploaded_and_can_be_replaced()
    {
        var admin = await Admin();
        var id = await Create(admin, NewForm());
        var loaded = await Service(s => s.GetAsync(admin, id));

        await Service(s => s.UploadCommitmentAsync(
            admin,
            id,
            new DocumentUpload("signed.pdf", new MemoryStream(SecretariatPrincipals.Pdf())),
            loaded.Version));
        var first = await Service(s => s.GetAsync(admin, id));
        await Service(s => s.UploadCommitmentAsync(
            admin,
            id,
            new DocumentUpload("signed-v2.png", new MemoryStream(SecretariatPrincipals.Png())),
            first.Version));
        var second = await Service(s => s.GetAsync(admin, id));

        Assert.Equal("signed.pdf", first.CommitmentDocument?.FileName);
        Assert.Equal("signed-v2.png", second.CommitmentDocument?.FileName);
        Assert.NotEqual(first.CommitmentDocument!.Id, second.CommitmentDocument!.Id);
        await using var db = portal.CreateDbContext();
        Assert.Equal(
            ["DocumentReplaced", "DocumentUploaded"],
            await db.AuditEntries
                .Where(e => e.EntityId == id && e.Action.StartsWith("Document"))
                .Select(e => e.Action)
                .OrderBy(a => a)
                .ToListAsync());
    }

    [Fact]
    public async Task List_filters_by_status()
    {
        var admin = await Admin();

        var inTalks = await Service(s => s.ListAsync(admin, SignatoryStatus.InTalks));
        var all = await Service(s => s.ListAsync(admin, null));

        Assert.Contains(inTalks, row => row.Name == "Canada");
        Assert.All(inTalks, row => Assert.Equal(SignatoryStatus.InTalks, row.Status));
        Assert.Contains(all, row => row.Name == "Netherlands");
    }

    internal static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    internal static SignatoryForm NewForm() => new()
    {
        Name = "Republic " + Guid.NewGuid().ToString("N")[..8],
        Kind = SignatoryKind.NationalGovernment,
        Role = SignatoryRole.Participant,
        Country = "fr",
        ContactName = "Claire Martin",
        ContactEmail = "claire.martin@example.fr",
    };

    private static async Task AssertRefused(string who, Func<Task> action)
    {
        var error = await Record.ExceptionAsync(action);
        Assert.True(error is ForbiddenException, $"{who} was not refused: {error?.GetType().Name ?? "no exception"}");
    }

    private Task<ClaimsPrincipal> Admin() => portal.PrincipalForAsync(DemoAccounts.Admin);

    private Task<Guid> Create(ClaimsPrincipal user, SignatoryForm form) => Service(s => s.CreateAsync(user, form));

    private async Task ChangeStatus(ClaimsPrincipal user, Guid id, SignatoryStatus status, DateOnly on, string? note)
    {
        var version = (await Service(s => s.GetAsync(user, id))).Version;
        await Service(s => s.ChangeStatusAsync(user, id, status, on, note, version));
    }

    private Task<T> Service<T>(Func<SignatoryAdministration, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Service(Func<SignatoryAdministration, Task> action) => portal.WithServiceAsync(action);
}
