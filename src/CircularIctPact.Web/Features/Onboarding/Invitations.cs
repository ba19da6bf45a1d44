using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Mail;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>
/// Invitations by mail. A coordinator invites contact people of member organisations in their own
/// groups as procurers; the secretariat invites anyone with any roles and scopes.
/// </summary>
public class Invitations(
    IDbContextFactory<PortalDbContext> contextFactory,
    BuyerGroupAccess access,
    AuditTrail audit,
    IMailSender mail,
    PortalAddress address,
    TimeProvider clock,
    ILogger<Invitations> logger)
{
    /// <summary>
    /// What the user may invite into: organisations of their groups, and for the secretariat groups and working groups too.
    /// </summary>
    public virtual async Task<InvitationOptions> OptionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleGroupIdsAsync(user, cancellationToken);
        if (visible.Count == 0)
        {
            throw new ForbiddenException("Only buyer-group coordinators and the secretariat invite people.");
        }

        var secretariat = user.IsSecretariat();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisations = await db.MemberOrganisations.AsNoTracking()
            .Where(m => visible.Contains(m.BuyerGroupId) && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Applied))
            .Join(db.BuyerGroups, m => m.BuyerGroupId, g => g.Id, (m, g) => new { m.Id, m.LegalName, Group = g.Name })
            .OrderBy(o => o.Group).ThenBy(o => o.LegalName)
            .Select(o => new OrganisationOption(o.Id, o.LegalName, o.Group))
            .ToListAsync(cancellationToken);
        var groups = secretariat
            ? await db.BuyerGroups
                .AsNoTracking()
                .Where(g => !g.IsArchived)
                .OrderBy(g => g.Name)
                .Select(g => new ScopeOption(g.Id, g.Name))
                .ToListAsync(cancellationToken)
            : [];
        var workingGroups = secretariat
            ? await db.WorkingGroups
                .AsNoTracking()
                .OrderBy(g => g.Name)
                .Select(g => new ScopeOption(g.Id, g.Name))
                .ToListAsync(cancellationToken)
            : [];
        return new InvitationOptions(
            secretariat,
            secretariat ? PortalRoles.All : [PortalRoles.Procurer],
            organisations,
            groups,
            workingGroups);
    }

    /// <summary>
    /// Creates an invitation and mails its link. <paramref name="baseUri"/> is the portal's address as the inviter reached it.
    /// </summary>
    /// <exception cref="FieldErrorsException">Bad or conflicting input, per field.</exception>
    /// <exception cref="ForbiddenException">The user may not invite this person into this role or organisation.</exception>
    public virtual async Task<Guid> InviteAsync(
        ClaimsPrincipal user,
        InvitationRequest request,
        string baseUri,
        CancellationToken cancellationToken = default)
    {
        var secretariat = user.IsSecretariat();
        var roles = request.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (!secretariat)
        {
            if (!user.IsInRole(PortalRoles.BuyerGroupCoordinator) || user.UserId() is null)
            {
                throw new ForbiddenException("Only buyer-group coordinators and the secretariat invite people.");
            }

            if (roles.Count != 1
                || roles[0] != PortalRoles.Procurer
                || request.BuyerGroupIds.Count > 0
                || request.WorkingGroupIds.Count > 0)
            {
                throw new ForbiddenException("Coordinators invite contact people of their member organisations as procurers; other roles "
                    + "are given by the pact secretariat.");
            }
        }

        var inviterId = user.RequiredUserId();
        List<DomainException> problems = [];
        EmailAddress? email = null;
        try
        {
            email = EmailAddress.Parse(request.Email);
        }
        catch (DomainException problem)
        {
            problems.Add(problem);
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            problems.Add(new DomainException(InvitationFields.Name, "Name is required."));
        }

        if (roles.Count == 0)
        {
            problems.Add(new DomainException(InvitationFields.Roles, "Choose at least one role."));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        Guid? organisationGroupId = null;
        string? organisationName = null;
        if (request.OrganisationId is { } organisationId)
        {
            var organisation = await db.MemberOrganisations.AsNoTracking().Where(m => m.Id == organisationId)
                .Select(m => new { m.BuyerGroupId, m.LegalName }).SingleOrDefaultAsync(cancellationToken);
            if (organisation is null)
            {
                problems.Add(new DomainException(InvitationFields.Organisation, "Choose a member organisation from the list."));
            }
            else
            {
                await access.EnsureAsync(user, organisation.BuyerGroupId, BuyerGroupOperations.Manage);
                organisationGroupId = organisation.BuyerGroupId;
                organisationName = organisation.LegalName;
            }
        }
        else if (roles.Contains(PortalRoles.Procurer, StringComparer.Ordinal))
        {
            problems.Add(new DomainException(InvitationFields.Organisation, "Choose the organisation the procurer works for."));
        }

        if (request.BuyerGroupIds.Count > 0
            && await db.BuyerGroups.CountAsync(g => request.BuyerGroupIds.Contains(g.Id), cancellationToken) != request.BuyerGroupIds
                .Distinct()
                .Count())
        {
            problems.Add(new DomainException(InvitationFields.BuyerGroups, "One of the chosen buyer groups does not exist."));
        }

        if (request.WorkingGroupIds.Count > 0
            && await db.WorkingGroups.CountAsync(g => request.WorkingGroupIds.Contains(g.Id), cancellationToken) != request.WorkingGroupIds
                .Distinct()
                .Count())
        {
            problems.Add(new DomainException(InvitationFields.WorkingGroups, "One of the chosen working groups does not exist."));
        }

        if (email is not null)
        {
            var normalised = email.Value.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalised, cancellationToken))
            {
                problems.Add(secretariat
                    ? new DomainException(
                        CommonFields.Email,
                        "{0} already has a portal account; give it the extra roles and scopes on the Users page instead.",
                        email.Value)
                    : new DomainException(
                        CommonFields.Email,
                        "{0} already has a portal account; ask the pact secretariat to link it to the organisation.",
                        email.Value));
            }
            else
            {
                var now = clock.GetUtcNow();
                var lower = email.Value.ToLowerInvariant();
                if (await db.Invitations.AnyAsync(
                    i => i.Email.ToLower() == lower && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now,
                    cancellationToken))
                {
                    problems.Add(new DomainException(
                        CommonFields.Email,
                        "{0} already has a pending invitation; resend or revoke it in the list below.",
                        email.Value));
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new FieldErrorsException(problems);
        }

        var (token, hash) = InvitationTokens.New();
        Invitation invitation;
        try
        {
            invitation = new Invitation(email!, request.DisplayName!, roles, request.OrganisationId, organisationGroupId,
                request.BuyerGroupIds, request.WorkingGroupIds, inviterId, hash, clock.GetUtcNow());
        }
        catch (DomainException problem)
        {
            throw new FieldErrorsException([problem]);
        }

        db.Invitations.Add(invitation);
        audit.Record(db, user, "User", invitation.Id, organisationGroupId, "Invited",
            $"{invitation.DisplayName} <{invitation.Email}> invited "
                + $"as {string.Join(", ", roles)}{(organisationName is null ? string.Empty : $" of {organisationName}")}",
            null, Snapshot(invitation));
        await db.SaveChangesAsync(cancellationToken);

        await SendAsync(invitation, token, user.DisplayName(), organisationName, baseUri, cancellationToken);
        logger.LogInformation("Invitation {InvitationId} sent", invitation.Id);
        return invitation.Id;
    }

    /// <summary>
    /// The invitations the user may manage: all for the secretariat, those into their groups' organisations for a coordinator.
    /// </summary>
    public virtual async Task<IReadOnlyList<InvitationRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleGroupIdsAsync(user, cancellationToken);
        if (visible.Count == 0)
        {
            throw new ForbiddenException("Only buyer-group coordinators and the secretariat see invitations.");
        }

        var secretariat = user.IsSecretariat();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Invitations.AsNoTracking()
            .Where(i => secretariat || (i.BuyerGroupId != null && visible.Contains(i.BuyerGroupId.Value)))
            .OrderByDescending(i => i.InvitedAt)
            .Take(500)
            .Select(i => new
            {
                i.Id,
                i.Email,
                i.DisplayName,
                i.Roles,
                Organisation = db.MemberOrganisations.Where(m => m.Id == i.MemberOrganisationId).Select(m => m.LegalName).FirstOrDefault(),
                InvitedBy = db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                i.InvitedAt,
                i.ExpiresAt,
                i.AcceptedAt,
                i.RevokedAt,
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. rows.Select(r => new InvitationRow(
            r.Id, r.Email, r.DisplayName, r.Roles, r.Organisation, r.InvitedBy
                ?? string.Empty, r.InvitedAt, r.ExpiresAt, r.AcceptedAt, r.RevokedAt,
            r.AcceptedAt is not null ? InvitationState.Accepted : r.RevokedAt is not null
                ? InvitationState.Revoked
                : r.ExpiresAt <= now ? InvitationState.Expired : InvitationState.Pending))];
    }

    /// <summary>Sends a fresh link; the old link stops working and the seven days start again.</summary>
    public async Task ResendAsync(ClaimsPrincipal user, Guid invitationId, string baseUri, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await LoadManageableAsync(db, user, invitationId, cancellationToken);
        var (token, hash) = InvitationTokens.New();
        invitation.Renew(hash, clock.GetUtcNow());
        audit.Record(db, user, "User", invitation.Id, invitation.BuyerGroupId, "InvitationResent", $"Invitation of {invitation.Email} sent "
            + "again with a new link", null, Snapshot(invitation));
        await SaveAsync(db, cancellationToken);
        var organisation = await db.MemberOrganisations
            .Where(m => m.Id == invitation.MemberOrganisationId)
            .Select(m => m.LegalName)
            .FirstOrDefaultAsync(cancellationToken);
        await SendAsync(invitation, token, user.DisplayName(), organisation, baseUri, cancellationToken);
    }

    public async Task RevokeAsync(ClaimsPrincipal user, Guid invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await LoadManageableAsync(db, user, invitationId, cancellationToken);
        invitation.Revoke(clock.GetUtcNow());
        audit.Record(db, user, "User", invitation.Id, invitation.BuyerGroupId, "InvitationRevoked", $"Invitation of {invitation.Email} "
            + "revoked", null, Snapshot(invitation));
        await SaveAsync(db, cancellationToken);
    }

    private async Task<Invitation> LoadManageableAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        Guid invitationId,
        CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken)
            ?? throw new NotFoundException("This invitation does not exist.");
        if (user.IsSecretariat())
        {
            return invitation;
        }

        if (invitation.BuyerGroupId is not { } groupId || invitation.Roles.Any(role => role != PortalRoles.Procurer))
        {
            throw new ForbiddenException("Only the pact secretariat manages this invitation.");
        }

        await access.EnsureAsync(user, groupId, BuyerGroupOperations.Manage);
        return invitation;
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(
                InvitationFields.Invitation,
                "Someone else changed or accepted this invitation a moment ago; reload the list.");
        }
    }

    private async Task SendAsync(
        Invitation invitation,
        string token,
        string inviter,
        string? organisation,
        string baseUri,
        CancellationToken cancellationToken)
    {
        // The invited person has no account and so no language of their own yet: the mail speaks the inviter's.
        var culture = PortalCultures.CurrentTextCulture;
        var invites = organisation is null
            ? MailPart.Text(
                "{0} invites you to the portal of the Circular & Fair ICT Pact as {1}.",
                inviter,
                string.Join(", ", invitation.Roles.Select(role => OutgoingText.In(culture, EnumText.Role(role)))))
            : MailPart.Text("{0} invites you to the portal of the Circular & Fair ICT Pact as a procurer of {1}.", inviter, organisation);
        await mail.SendAsync(
            PortalMails.Compose(
                invitation.Email,
                culture,
                new OutgoingText("Your invitation to the Circular & Fair ICT Pact portal"),
                MailPart.Text("Dear {0},", invitation.DisplayName),
                invites,
                MailPart.Linked(
                    "Accept the invitation and set your password",
                    InvitationTokens.AcceptLink(address.LinkBaseFor(baseUri), token)),
                MailPart.Text(
                    "The link works once and expires on {0:f} UTC. If you did not expect this mail, ignore it.",
                    invitation.ExpiresAt.UtcDateTime)),
            cancellationToken);
    }

    private static object Snapshot(Invitation i) => new
    {
        i.Email,
        i.DisplayName,
        i.Roles,
        i.MemberOrganisationId,
        i.CoordinatedBuyerGroupIds,
        i.WorkingGroupIds,
        i.ExpiresAt,
        i.RevokedAt,
    };
}

public sealed record InvitationRequest(
    string? Email,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    Guid? OrganisationId,
    IReadOnlyList<Guid> BuyerGroupIds,
    IReadOnlyList<Guid> WorkingGroupIds);

public sealed record OrganisationOption(Guid Id, string Name, string BuyerGroup);

public sealed record ScopeOption(Guid Id, string Name);

public sealed record InvitationOptions(
    bool IsSecretariat,
    IReadOnlyList<string> Roles,
    IReadOnlyList<OrganisationOption> Organisations,
    IReadOnlyList<ScopeOption> BuyerGroups,
    IReadOnlyList<ScopeOption> WorkingGroups);

public sealed record InvitationRow(
    Guid Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? Organisation,
    string InvitedBy,
    DateTimeOffset InvitedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? RevokedAt,
    InvitationState State);
