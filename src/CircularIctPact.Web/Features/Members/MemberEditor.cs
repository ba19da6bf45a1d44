using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CircularIctPact.Web.Features.Members;

/// <summary>Adds and changes member organisations of a buyer group; every change is audited and guarded by the row version.</summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class MemberEditor(IDbContextFactory<PortalDbContext> contextFactory, BuyerGroupAccess access, AuditTrail audit, TimeProvider clock)
{
    public const string EntityType = "MemberOrganisation";

    /// <summary>The membership status a member is moved to.</summary>
    public static readonly FormField StatusField = new("Status");

    /// <summary>The buyer group tier of a member.</summary>
    public static readonly FormField TierField = new("Tier");

    /// <summary>Adds a member to <paramref name="buyerGroupId"/>; returns its id.</summary>
    public virtual async Task<Guid> CreateAsync(
        ClaimsPrincipal user,
        Guid buyerGroupId,
        MemberForm form,
        CancellationToken cancellationToken = default)
    {
        await access.EnsureAsync(user, buyerGroupId, BuyerGroupOperations.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var country = MemberOrganisation.CheckForm(form.LegalName, form.Country, form.Website, form.Contacts);
        await EnsureTierOfGroupAsync(db, buyerGroupId, form.TierId, cancellationToken);
        var member = new MemberOrganisation(buyerGroupId, form.LegalName!, form.Sector, country, form.Website, form.TierId, form.JoinedOn);
        member.Profile(form.SizeBand, form.IctSpendBand);
        member.SetContacts(form.Contacts);
        await EnsureNotDuplicateAsync(db, member, cancellationToken);
        db.MemberOrganisations.Add(member);
        audit.Record(db, user, EntityType, member.Id, buyerGroupId, "Created", $"Added {member.LegalName}", null, MemberSnapshot.Of(
            member));
        await SaveAsync(db, member, cancellationToken);
        return member.Id;
    }

    /// <summary>
    /// Saves the form over the member loaded at <paramref name="loadedVersion"/>. When someone else saved
    /// in between, nothing is saved and <see cref="ConcurrencyConflictException.Current"/> holds their values.
    /// </summary>
    public virtual async Task<uint> UpdateAsync(
        ClaimsPrincipal user,
        Guid memberId,
        uint loadedVersion,
        MemberForm form,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var member = await LoadForChangeAsync(db, user, memberId, loadedVersion, cancellationToken);
        var before = MemberSnapshot.Of(member);
        var country = MemberOrganisation.CheckForm(form.LegalName, form.Country, form.Website, form.Contacts);
        await EnsureTierOfGroupAsync(db, member.BuyerGroupId, form.TierId, cancellationToken);
        member.Describe(form.LegalName!, form.Sector, country, form.Website, form.TierId, form.JoinedOn);
        member.Profile(form.SizeBand, form.IctSpendBand);
        member.SetContacts(form.Contacts);
        await EnsureNotDuplicateAsync(db, member, cancellationToken);
        audit.Record(
            db,
            user,
            EntityType,
            member.Id,
            member.BuyerGroupId,
            "Updated",
            $"Changed {member.LegalName}",
            before,
            MemberSnapshot.Of(member));
        return await SaveAsync(db, member, cancellationToken);
    }

    /// <summary>Marks the member applied, active, suspended or left, with a reason and today's date; nothing is deleted.</summary>
    public virtual async Task<uint> ChangeStatusAsync(
        ClaimsPrincipal user,
        Guid memberId,
        uint loadedVersion,
        MembershipStatus status,
        string? reason,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var member = await LoadForChangeAsync(db, user, memberId, loadedVersion, cancellationToken);
        if (member.Status == status)
        {
            throw new DomainException(StatusField, "{0} is already {1}.", member.LegalName, status.ToString().ToLowerInvariant());
        }

        var before = MemberSnapshot.Of(member);
        member.ChangeStatus(status, reason, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var summary = string.Create(CultureInfo.InvariantCulture, $"Status of {member.LegalName} changed to {status}")
            + (member.StatusReason is null ? string.Empty : $": {member.StatusReason}");
        audit.Record(db, user, EntityType, member.Id, member.BuyerGroupId, "StatusChanged", summary, before, MemberSnapshot.Of(member));
        return await SaveAsync(db, member, cancellationToken);
    }

    private async Task<MemberOrganisation> LoadForChangeAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        Guid memberId,
        uint loadedVersion,
        CancellationToken cancellationToken)
    {
        var member = await db.MemberOrganisations.Include(m => m.Contacts).SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            if ((await access.VisibleGroupIdsAsync(user, cancellationToken)).Count == 0)
            {
                throw new ForbiddenException("Only buyer-group coordinators and the pact secretariat can change member organisations.");
            }

            throw new NotFoundException("This member organisation does not exist.");
        }

        await access.EnsureAsync(user, member.BuyerGroupId, BuyerGroupOperations.Manage);
        if (member.Version != loadedVersion)
        {
            throw new ConcurrencyConflictException(await MemberDirectory.LoadDetailsAsync(db, memberId, cancellationToken));
        }

        db.Entry(member).ExpectVersion(loadedVersion);
        return member;
    }

    private static async Task EnsureTierOfGroupAsync(
        PortalDbContext db,
        Guid buyerGroupId,
        Guid? tierId,
        CancellationToken cancellationToken)
    {
        if (tierId is { } id && !await db.BuyerGroupTiers.AnyAsync(t => t.Id == id && t.BuyerGroupId == buyerGroupId, cancellationToken))
        {
            throw new DomainException(TierField, "Choose one of this buyer group's tiers.");
        }
    }

    private static async Task EnsureNotDuplicateAsync(PortalDbContext db, MemberOrganisation member, CancellationToken cancellationToken)
    {
        var sameName = await db.MemberOrganisations.AsNoTracking()
            .Where(m => m.BuyerGroupId == member.BuyerGroupId && m.Id != member.Id && m.LegalNameKey == member.LegalNameKey)
            .Select(m => m.LegalName).FirstOrDefaultAsync(cancellationToken);
        if (sameName is not null)
        {
            throw new DomainException(MemberOrganisationFields.LegalName, "'{0}' is already a member of this buyer group.", sameName);
        }

        if (member.WebsiteHost is not null)
        {
            var sameSite = await db.MemberOrganisations.AsNoTracking()
                .Where(m => m.BuyerGroupId == member.BuyerGroupId && m.Id != member.Id && m.WebsiteHost == member.WebsiteHost)
                .Select(m => m.LegalName).FirstOrDefaultAsync(cancellationToken);
            if (sameSite is not null)
            {
                throw new DomainException(
                    MemberOrganisationFields.Website,
                    "{0} in this buyer group already has the website {1}.",
                    sameSite,
                    member.WebsiteHost);
            }
        }
    }

    private static async Task<uint> SaveAsync(PortalDbContext db, MemberOrganisation member, CancellationToken cancellationToken)
    {
        var entry = db.Entry(member);
        if (entry.State == EntityState.Unchanged)
        {
            // Only contacts changed: still update the organisation row, so its xmin guards the whole edit.
            entry.State = EntityState.Modified;
        }

        try
        {
            await db.SaveOrConflictAsync(
                async () => await MemberDirectory.LoadDetailsAsync(db, member.Id, cancellationToken),
                cancellationToken);
            return member.Version;
        }
        catch (DbUpdateException error)
            when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // Someone added the same organisation between the duplicate check and the save.
            throw unique.ConstraintName?.Contains("website", StringComparison.Ordinal) == true
                ? new DomainException(MemberOrganisationFields.Website, "Another member of this buyer group already has this website.")
                : new DomainException(
                    MemberOrganisationFields.LegalName,
                    "'{0}' is already a member of this buyer group.",
                    member.LegalName);
        }
    }
}
