using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Signatories;

/// <summary>What the secretariat fills in for a signatory.</summary>
public sealed class SignatoryForm
{
    public string Name { get; set; } = string.Empty;

    public SignatoryKind Kind { get; set; } = SignatoryKind.NationalGovernment;

    public SignatoryRole Role { get; set; } = SignatoryRole.Participant;

    /// <summary>ISO 3166-1 alpha-2 code; required for a national government.</summary>
    public string? Country { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>When creating: the date the signatory entered the pipeline (today when empty).</summary>
    public DateOnly? Since { get; set; }
}
public sealed record SignatoryRow(
    Guid Id,
    string Name,
    SignatoryKind Kind,
    SignatoryRole Role,
    string? Country,
    SignatoryStatus Status,
    DateOnly LastChange,
    bool HasCommitmentDocument);

public sealed record SignatoryHistoryEntry(SignatoryStatus Status, DateOnly On, string? Note);

public sealed record CommitmentDocumentInfo(Guid Id, string FileName, long SizeBytes, DateTimeOffset UploadedAt);

public sealed record SignatoryDetails(
    Guid Id,
    string Name,
    SignatoryKind Kind,
    SignatoryRole Role,
    string? Country,
    string? ContactName,
    string? ContactEmail,
    SignatoryStatus Status,
    uint Version,
    IReadOnlyList<SignatoryHistoryEntry> History,
    CommitmentDocumentInfo? CommitmentDocument)
{
    public SignatoryForm ToForm() => new()
    {
        Name = Name,
        Kind = Kind,
        Role = Role,
        Country = Country,
        ContactName = ContactName,
        ContactEmail = ContactEmail,
    };
}

/// <summary>
/// The secretariat's work on signatories: create, edit, move along the status pipeline with a dated
/// history, and keep the signed commitment document. Only the secretariat (with two factors) may call it.
/// </summary>
public sealed class SignatoryAdministration(
    IDbContextFactory<PortalDbContext> contextFactory,
    AuditTrail audit,
    DocumentUploads uploads,
    TimeProvider clock)
{
    public const string EntityType = "Signatory";

    /// <summary>The date a new signatory entered the pipeline, which only the create form asks.</summary>
    public static readonly FormField SinceField = new("Since");

    public async Task<IReadOnlyList<SignatoryRow>> ListAsync(
        ClaimsPrincipal user,
        SignatoryStatus? status,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Signatories.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(s => s.Status == wanted);
        }

        return await query
            .OrderBy(s => s.Name)
            .Select(s => new SignatoryRow(
                s.Id,
                s.Name,
                s.Kind,
                s.Role,
                s.CountryCode == null ? null : s.CountryCode.Value,
                s.Status,
                s.StatusHistory.Max(h => h.On),
                s.CommitmentDocumentId != null))
            .ToListAsync(cancellationToken);
    }

    public async Task<SignatoryDetails> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await LoadDetailsAsync(db, id, cancellationToken);
    }

    public async Task<Guid> CreateAsync(ClaimsPrincipal user, SignatoryForm form, CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var since = form.Since ?? today;
        if (since > today)
        {
            throw new DomainException(SinceField, "The date a signatory entered the pipeline cannot be in the future.");
        }

        var signatory = new Signatory(form.Name, form.Kind, form.Role, ParseCountry(form.Country), since);
        signatory.SetContact(Blank(form.ContactName), Blank(form.ContactEmail));

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureUniqueNameAsync(db, signatory.Name, null, cancellationToken);
        db.Signatories.Add(signatory);
        audit.Record(
            db,
            user,
            EntityType,
            signatory.Id,
            null,
            "Created",
            $"Signatory {signatory.Name} added as {signatory.Status}",
            null,
            Snapshot(signatory));
        await db.SaveChangesAsync(cancellationToken);
        return signatory.Id;
    }

    /// <summary>
    /// Saves the form over the version the caller loaded; a newer save by someone else raises <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public async Task UpdateAsync(
        ClaimsPrincipal user,
        Guid id,
        SignatoryForm form,
        uint loadedVersion,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var signatory = await LoadForChangeAsync(db, id, loadedVersion, cancellationToken);
        var before = Snapshot(signatory);
        signatory.Rename(form.Name);
        signatory.Classify(form.Kind, form.Role, ParseCountry(form.Country));
        signatory.SetContact(Blank(form.ContactName), Blank(form.ContactEmail));
        await EnsureUniqueNameAsync(db, signatory.Name, id, cancellationToken);
        audit.Record(db, user, EntityType, id, null, "Updated", $"Signatory {signatory.Name} edited", before, Snapshot(signatory));
        await SaveAsync(db, id, cancellationToken);
    }

    public async Task ChangeStatusAsync(
        ClaimsPrincipal user,
        Guid id,
        SignatoryStatus status,
        DateOnly on,
        string? note,
        uint loadedVersion,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        if (on > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            throw new DomainException(SignatoryFields.Date, "The date of a status change cannot be in the future.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var signatory = await LoadForChangeAsync(db, id, loadedVersion, cancellationToken);
        var before = Snapshot(signatory);
        signatory.ChangeStatus(status, on, note);
        audit.Record(
            db,
            user,
            EntityType,
            id,
            null,
            "StatusChanged",
            $"Signatory {signatory.Name} is now {status} (since {on:yyyy-MM-dd})",
            before,
            Snapshot(signatory));
        await SaveAsync(db, id, cancellationToken);
    }

    /// <summary>Uploads (or replaces) the signed commitment document; the old file stays stored for the record.</summary>
    public async Task UploadCommitmentAsync(
        ClaimsPrincipal user,
        Guid id,
        DocumentUpload upload,
        uint loadedVersion,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        var document = await uploads.ReadAsync(upload, user.UserId(), cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var signatory = await LoadForChangeAsync(db, id, loadedVersion, cancellationToken);
        var before = Snapshot(signatory);
        db.StoredDocuments.Add(document);
        signatory.AttachCommitmentDocument(document.Id);
        audit.Record(db, user, EntityType, id, null, before.CommitmentDocumentId is null ? "DocumentUploaded" : "DocumentReplaced",
            $"Commitment document of {signatory.Name}: {document.FileName}", before, Snapshot(signatory) with
            {
                CommitmentFileName = document.FileName,
            });
        await SaveAsync(db, id, cancellationToken);
    }

    private static void EnsureSecretariat(ClaimsPrincipal user) =>
        user.EnsureSecretariat(new RuleViolation(null, "Only the pact secretariat, signed in with two factors, can manage signatories."));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static CountryCode? ParseCountry(string? country) =>
        string.IsNullOrWhiteSpace(country) ? null : CountryCode.Parse(country);

    private static async Task EnsureUniqueNameAsync(PortalDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var lower = name.ToLowerInvariant();
        if (await db.Signatories.AnyAsync(s => s.Name.ToLower() == lower && s.Id != except, cancellationToken))
        {
            throw new DomainException(SignatoryFields.Name, "A signatory called '{0}' already exists.", name);
        }
    }

    private static Task<Signatory> LoadForChangeAsync(
        PortalDbContext db, Guid id, uint loadedVersion, CancellationToken cancellationToken) =>
        db.LoadForChangeAsync(
            db.Signatories, id, loadedVersion, new RuleViolation(null, "This signatory does not exist."), cancellationToken);

    private static Task SaveAsync(PortalDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(async () => await LoadDetailsAsync(db, id, cancellationToken), cancellationToken);

    private static async Task<SignatoryDetails> LoadDetailsAsync(PortalDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var details = await db.Signatories.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Kind,
                s.Role,
                Country = s.CountryCode == null ? null : s.CountryCode.Value,
                s.ContactName,
                s.ContactEmail,
                s.Status,
                s.Version,
                History = s.StatusHistory
                    .OrderBy(h => h.On)
                    .ThenBy(h => EF.Property<int>(h, "Id"))
                    .Select(h => new SignatoryHistoryEntry(h.Status, h.On, h.Note))
                    .ToList(),
                Document = db.StoredDocuments.Where(d => d.Id == s.CommitmentDocumentId)
                    .Select(d => new CommitmentDocumentInfo(d.Id, d.FileName, d.SizeBytes, d.UploadedAt))
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This signatory does not exist.");
        return new SignatoryDetails(
            details.Id, details.Name, details.Kind, details.Role, details.Country, details.ContactName, details.ContactEmail,
            details.Status, details.Version, details.History, details.Document);
    }

    private static SignatorySnapshot Snapshot(Signatory s) =>
        new(
            s.Name,
            s.Kind.ToString(),
            s.Role.ToString(),
            s.CountryCode?.Value,
            s.Status.ToString(),
            s.ContactName,
            s.ContactEmail,
            s.CommitmentDocumentId,
            null);
    private sealed record SignatorySnapshot(
        string Name,
        string Kind,
        string Role,
        string? Country,
        string Status,
        string? ContactName,
        string? ContactEmail,
        Guid? CommitmentDocumentId,
        string? CommitmentFileName);
}
