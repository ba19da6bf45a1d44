using System.Security.Claims;
using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.BuyerGroups;

/// <summary>What the secretariat fills in for a buyer group.</summary>
public sealed class BuyerGroupForm
{
    public Guid? SignatoryId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string CoordinatingOrganisation { get; set; } = string.Empty;

    /// <summary>One organisation per line.</summary>
    public string? SupportingOrganisations { get; set; }

    public string? Description { get; set; }
}

public sealed record SignatoryOption(Guid Id, string Name);

public sealed record BuyerGroupRow(
    Guid Id,
    string Name,
    string Signatory,
    string CoordinatingOrganisation,
    int ActiveMembers,
    int Coordinators,
    bool IsArchived);

public sealed record TierView(Guid Id, string Name, int Order, int Members);

public sealed record GroupDocumentView(
    Guid StoredDocumentId,
    string Title,
    string FileName,
    long SizeBytes,
    bool IsPublic,
    DateTimeOffset AddedAt);

public sealed record CoordinatorView(Guid UserId, string Name, string? Email);

public sealed record BuyerGroupDetails(
    Guid Id,
    string Name,
    Guid SignatoryId,
    string Signatory,
    string CoordinatingOrganisation,
    IReadOnlyList<string> SupportingOrganisations,
    string? Description,
    bool IsArchived,
    DateOnly? ArchivedOn,
    string? ArchiveReason,
    uint Version,
    IReadOnlyList<TierView> Tiers,
    IReadOnlyList<GroupDocumentView> Documents,
    IReadOnlyList<CoordinatorView> Coordinators)
{
    public BuyerGroupForm ToForm() => new()
    {
        SignatoryId = SignatoryId,
        Name = Name,
        CoordinatingOrganisation = CoordinatingOrganisation,
        SupportingOrganisations = string.Join('\n', SupportingOrganisations),
        Description = Description,
    };
}

/// <summary>
/// The secretariat's work on buyer groups: create, describe, tiers, documents, coordinators and
/// archiving (never deleting). Only the secretariat (with two factors) may call it; every change is audited.
/// </summary>
public sealed class BuyerGroupAdministration(
    IDbContextFactory<PortalDbContext> contextFactory,
    AuditTrail audit,
    DocumentUploads uploads,
    CoordinatorAssignments coordinators,
    TimeProvider clock)
{
    /// <summary>The signatory a new buyer group belongs to; no rule of the buyer group itself names it.</summary>
    public static readonly FormField SignatoryField = new("Signatory");

    public const string EntityType = "BuyerGroup";

    public async Task<IReadOnlyList<BuyerGroupRow>> ListAsync(
        ClaimsPrincipal user,
        bool includeArchived,
        CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.BuyerGroups.AsNoTracking()
            .Where(g => includeArchived || !g.IsArchived)
            .OrderBy(g => g.Name)
            .Select(g => new BuyerGroupRow(
                g.Id,
                g.Name,
                db.Signatories.Where(s => s.Id == g.SignatoryId).Select(s => s.Name).First(),
                g.CoordinatingOrganisation,
                db.MemberOrganisations.Count(m => m.BuyerGroupId == g.Id && m.Status == MembershipStatus.Active),
                g.Coordinators.Count,
                g.IsArchived))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SignatoryOption>> SignatoryOptionsAsync(
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Signatories
            .AsNoTracking()
            .OrderBy(s => s.Name)
            .Select(s => new SignatoryOption(s.Id, s.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<BuyerGroupDetails> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await LoadDetailsAsync(db, id, cancellationToken);
    }

    public async Task<Guid> CreateAsync(ClaimsPrincipal user, BuyerGroupForm form, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var signatoryId = form.SignatoryId is { } chosen && await db.Signatories.AnyAsync(s => s.Id == chosen, cancellationToken)
            ? chosen
            : throw new DomainException(SignatoryField, "Choose the signatory the buyer group belongs to.");
        var group = new BuyerGroup(signatoryId, form.Name, form.CoordinatingOrganisation, form.Description);
        group.Describe(group.Name, group.CoordinatingOrganisation, Lines(form.SupportingOrganisations), group.Description);
        await EnsureUniqueNameAsync(db, group.Name, null, cancellationToken);
        db.BuyerGroups.Add(group);
        audit.Record(db, user, EntityType, group.Id, group.Id, "Created", $"Buyer group {group.Name} created", null, Snapshot(group));
        await db.SaveChangesAsync(cancellationToken);
        return group.Id;
    }

    public async Task UpdateAsync(
        ClaimsPrincipal user,
        Guid id,
        BuyerGroupForm form,
        uint loadedVersion,
        CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await LoadForChangeAsync(db, id, loadedVersion, cancellationToken);
        var before = Snapshot(group);
        group.Describe(form.Name, form.CoordinatingOrganisation, Lines(form.SupportingOrganisations), form.Description);
        await EnsureUniqueNameAsync(db, group.Name, id, cancellationToken);
        audit.Record(db, user, EntityType, id, id, "Updated", $"Buyer group {group.Name} edited", before, Snapshot(group));
        await SaveAsync(db, id, cancellationToken);
    }

    public async Task ArchiveAsync(
        ClaimsPrincipal user,
        Guid id,
        string? reason,
        uint loadedVersion,
        CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await LoadForChangeAsync(db, id, loadedVersion, cancellationToken);
        var before = Snapshot(group);
        group.Archive(reason ?? string.Empty, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        audit.Record(
            db,
            user,
            EntityType,
            id,
            id,
            "Archived",
            $"Buyer group {group.Name} archived: {group.ArchiveReason}",
            before,
            Snapshot(group));
        await SaveAsync(db, id, cancellationToken);
    }

    public Task AddTierAsync(ClaimsPrincipal user, Guid id, string? name, CancellationToken cancellationToken = default) =>
        ChangeTiersAsync(user, id, "TierAdded", (group, db) =>
        {
            var tier = group.AddTier(name ?? string.Empty);

            // The key is set by the domain, so EF must be told the tier is new.
            db.BuyerGroupTiers.Add(tier);
            return Task.FromResult($"Tier '{tier.Name}' added to {group.Name}");
        }, cancellationToken);

    public Task RenameTierAsync(ClaimsPrincipal user, Guid id, Guid tierId, string? name, CancellationToken cancellationToken = default) =>
        ChangeTiersAsync(user, id, "TierRenamed", (group, _) =>
        {
            group.RenameTier(tierId, name ?? string.Empty);
            return Task.FromResult($"A tier of {group.Name} renamed to '{name?.Trim()}'");
        }, cancellationToken);

    public Task MoveTierAsync(ClaimsPrincipal user, Guid id, Guid tierId, bool up, CancellationToken cancellationToken = default) =>
        ChangeTiersAsync(user, id, "TiersReordered", (group, _) =>
        {
            group.MoveTier(tierId, up);
            return Task.FromResult($"Tiers of {group.Name} reordered");
        }, cancellationToken);

    public Task RemoveTierAsync(ClaimsPrincipal user, Guid id, Guid tierId, CancellationToken cancellationToken = default) =>
        ChangeTiersAsync(user, id, "TierRemoved", async (group, db) =>
        {
            var members = await db.MemberOrganisations.CountAsync(m => m.TierId == tierId, cancellationToken);
            var removed = group.RemoveTier(tierId, members);
            db.BuyerGroupTiers.Remove(removed);
            return $"Tier '{removed.Name}' removed from {group.Name}";
        }, cancellationToken);

    /// <summary>Stores a document (checked by content) and lists it with the group, public or for members only.</summary>
    public async Task AddDocumentAsync(
        ClaimsPrincipal user,
        Guid id,
        string? title,
        bool isPublic,
        DocumentUpload upload,
        CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException(BuyerGroupFields.Title, "Title is required.");
        }

        var document = await uploads.ReadAsync(upload, user.UserId(), cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.BuyerGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken)
            ?? throw new NotFoundException("This buyer group does not exist.");
        db.StoredDocuments.Add(document);
        var entry = group.AddDocument(title, document.Id, isPublic, clock.GetUtcNow());
        db.BuyerGroupDocuments.Add(entry);
        audit.Record(
            db,
            user,
            EntityType,
            id,
            id,
            "DocumentAdded",
            $"Document '{entry.Title}' ({document.FileName}) added to {group.Name}",
            null,
            new { entry.Title, document.FileName, document.SizeBytes, document.Sha256, entry.IsPublic });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Makes the account with this e-mail a coordinator of the group (and gives it the coordinator role).</summary>
    public async Task AssignCoordinatorAsync(ClaimsPrincipal user, Guid id, string? email, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        Guid userId;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            userId = await AccountLookup.UserIdByEmailAsync(db, email, BuyerGroupFields.Coordinator, cancellationToken);
        }

        await coordinators.AssignAsync(user, id, userId, cancellationToken);
    }

    public Task RemoveCoordinatorAsync(ClaimsPrincipal user, Guid id, Guid userId, CancellationToken cancellationToken = default) =>
        coordinators.RemoveAsync(user, id, userId, cancellationToken);

    private async Task ChangeTiersAsync(
        ClaimsPrincipal user,
        Guid id,
        string action,
        Func<BuyerGroup, PortalDbContext, Task<string>> change,
        CancellationToken cancellationToken)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.BuyerGroups.Include(g => g.Tiers).SingleOrDefaultAsync(g => g.Id == id, cancellationToken)
            ?? throw new NotFoundException("This buyer group does not exist.");
        var before = TierNames(group);
        var summary = await change(group, db);
        audit.Record(db, user, EntityType, id, id, action, summary, new { Tiers = before }, new { Tiers = TierNames(group) });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string[] TierNames(BuyerGroup group) => [.. group.Tiers.OrderBy(t => t.Order).Select(t => t.Name)];

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static async Task EnsureUniqueNameAsync(PortalDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var lower = name.ToLowerInvariant();
        if (await db.BuyerGroups.AnyAsync(g => g.Name.ToLower() == lower && g.Id != except, cancellationToken))
        {
            throw new DomainException(BuyerGroupFields.Name, "A buyer group called '{0}' already exists.", name);
        }
    }

    private static Task<BuyerGroup> LoadForChangeAsync(
        PortalDbContext db, Guid id, uint loadedVersion, CancellationToken cancellationToken) =>
        db.LoadForChangeAsync(
            db.BuyerGroups, id, loadedVersion, new RuleViolation(null, "This buyer group does not exist."), cancellationToken);

    private static Task SaveAsync(PortalDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(async () => await LoadDetailsAsync(db, id, cancellationToken), cancellationToken);

    private static async Task<BuyerGroupDetails> LoadDetailsAsync(PortalDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var details = await db.BuyerGroups.AsNoTracking()
            .Where(g => g.Id == id)
            .Select(g => new BuyerGroupDetails(
                g.Id,
                g.Name,
                g.SignatoryId,
                db.Signatories.Where(s => s.Id == g.SignatoryId).Select(s => s.Name).First(),
                g.CoordinatingOrganisation,
                g.SupportingOrganisations,
                g.Description,
                g.IsArchived,
                g.ArchivedOn,
                g.ArchiveReason,
                g.Version,
                g.Tiers.OrderBy(t => t.Order)
                    .Select(t => new TierView(t.Id, t.Name, t.Order, db.MemberOrganisations.Count(m => m.TierId == t.Id)))
                    .ToList(),
                db.BuyerGroupDocuments.Where(d => d.BuyerGroupId == g.Id)
                    .Join(
                        db.StoredDocuments,
                        d => d.StoredDocumentId,
                        s => s.Id,
                        (d, s) => new GroupDocumentView(s.Id, d.Title, s.FileName, s.SizeBytes, d.IsPublic, d.AddedAt))
                    .ToList(),
                db.BuyerGroupCoordinators.Where(c => c.BuyerGroupId == g.Id)
                    .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new CoordinatorView(u.Id, u.DisplayName, u.Email))
                    .ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return details is null
            ? throw new NotFoundException("This buyer group does not exist.")
            : details with
            {
                Documents = [.. details.Documents.OrderByDescending(d => d.AddedAt)],
                Coordinators = [.. details.Coordinators.OrderBy(c => c.Name, StringComparer.CurrentCulture)],
            };
    }

    private static object Snapshot(BuyerGroup g) => new
    {
        g.Name,
        g.SignatoryId,
        g.CoordinatingOrganisation,
        SupportingOrganisations = g.SupportingOrganisations.ToArray(),
        g.Description,
        g.IsArchived,
        g.ArchivedOn,
        g.ArchiveReason,
    };
}
