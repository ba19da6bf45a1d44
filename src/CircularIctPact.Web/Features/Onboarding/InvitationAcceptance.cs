using System.Linq.Expressions;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Users;
using CircularIctPact.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>What the link's token stands for, as far as the invitee may know.</summary>
public enum InvitationLinkState
{
    Unknown,
    Pending,
    Accepted,
    Expired,
    Revoked,
}

/// <summary>
/// Turns an invitation link into an account. Uses the request's scoped <see cref="PortalDbContext"/>,
/// the same one Identity's user store writes through, so that claiming the invitation, creating the
/// account and applying its scopes commit or roll back together.
/// </summary>
public sealed class InvitationAcceptance(
    PortalDbContext db,
    UserManager<ApplicationUser> users,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<InvitationAcceptance> logger)
{
    public static readonly FormField DisplayNameField = new("Display name");
    public static readonly FormField PasswordField = new("Password");

    public async Task<InvitationView> DescribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return InvitationView.Unknown;
        }

        var hash = InvitationTokens.Hash(token);
        return await DescribeAsync(db.Invitations.Where(i => i.TokenHash == hash), cancellationToken) ?? InvitationView.Unknown;
    }

    /// <summary>
    /// The newest invitation waiting for <paramref name="email"/> (compared ignoring case), or null when none is pending.
    /// </summary>
    public Task<InvitationView?> DescribePendingForAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        // Invitations keep the address as typed; the one comparison ignoring case runs once per request.
        var lower = email.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        return DescribeAsync(
            db.Invitations
                .Where(i => i.Email.ToLower() == lower && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .OrderByDescending(i => i.ExpiresAt),
            cancellationToken);
    }

    private async Task<InvitationView?> DescribeAsync(IQueryable<Invitation> which, CancellationToken cancellationToken)
    {
        var found = await which.AsNoTracking()
            .Select(i => new
            {
                i.Id,
                i.Email,
                i.DisplayName,
                i.Roles,
                i.AcceptedAt,
                i.RevokedAt,
                i.ExpiresAt,
                InvitedBy = db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Organisation = db.MemberOrganisations.Where(m => m.Id == i.MemberOrganisationId).Select(m => m.LegalName).FirstOrDefault(),
                OrganisationGroup = db.BuyerGroups.Where(g => g.Id == i.BuyerGroupId).Select(g => g.Name).FirstOrDefault(),
                BuyerGroups = db.BuyerGroups.Where(g => i.CoordinatedBuyerGroupIds.Contains(g.Id)).Select(g => g.Name).ToList(),
                WorkingGroups = db.WorkingGroups.Where(g => i.WorkingGroupIds.Contains(g.Id)).Select(g => g.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var state = found.AcceptedAt is not null ? InvitationLinkState.Accepted
            : found.RevokedAt is not null ? InvitationLinkState.Revoked
            : found.ExpiresAt <= clock.GetUtcNow() ? InvitationLinkState.Expired
            : InvitationLinkState.Pending;
        return new InvitationView(found.Id, state, found.Email, found.DisplayName, found.InvitedBy ?? "The pact secretariat", found.Roles,
            found.Organisation, found.OrganisationGroup, found.BuyerGroups, found.WorkingGroups, found.ExpiresAt);
    }

    /// <summary>
    /// Creates the invitee's account with the invitation's roles and scopes and marks the invitation used.
    /// Two accepts of the same link at once: the second waits on the first's row lock and then finds it used.
    /// </summary>
    /// <exception cref="FieldErrorsException">Display name or password not acceptable; nothing was created.</exception>
    /// <exception cref="InvitationUnavailableException">The link is unknown, used, expired or revoked; nothing was created.</exception>
    public async Task<ApplicationUser> AcceptAsync(
        string? token,
        string? displayName,
        string? password,
        CancellationToken cancellationToken = default)
    {
        var view = await DescribeAsync(token, cancellationToken);
        if (view.State != InvitationLinkState.Pending)
        {
            throw new InvitationUnavailableException(view.State);
        }

        var user = NewUser(view.Email, displayName);
        var problems = NameProblems(displayName);
        problems.AddRange(await AccountChanges.PasswordProblemsAsync(users, user, password, PasswordField));

        if (problems.Count > 0)
        {
            throw new FieldErrorsException(problems);
        }

        var hash = InvitationTokens.Hash(token!);
        await CreateAccountAsync(
            i => i.TokenHash == hash,
            user,
            password,
            null,
            async () => (await DescribeAsync(token, cancellationToken)).State,
            cancellationToken);
        logger.LogInformation("Invitation accepted; account {UserId} created", user.Id);
        return user;
    }

    /// <summary>
    /// Accepts <paramref name="invitation"/>, found for an address an organisation's provider verified, as opening the
    /// mailed link would: the account gets the invitation's roles and scopes, and the provider login instead of a
    /// password. An invitation that grants secretariat rights is accepted only through its mailed link.
    /// </summary>
    /// <exception cref="FieldErrorsException">The display name is not acceptable; nothing was created.</exception>
    /// <exception cref="InvitationUnavailableException">The invitation is no longer pending, or grants secretariat rights; nothing was
    /// created.</exception>
    public async Task<ApplicationUser> AcceptForVerifiedEmailAsync(
        InvitationView invitation,
        string? displayName,
        UserLoginInfo login,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(login);
        if (invitation.State != InvitationLinkState.Pending || invitation.GrantsSecretariatRights)
        {
            throw new InvitationUnavailableException(InvitationLinkState.Unknown);
        }

        var problems = NameProblems(displayName);
        if (problems.Count > 0)
        {
            throw new FieldErrorsException(problems);
        }

        var user = NewUser(invitation.Email, displayName);
        await CreateAccountAsync(
            i => i.Id == invitation.Id,
            user,
            null,
            login,
            () => Task.FromResult(InvitationLinkState.Unknown),
            cancellationToken);
        logger.LogInformation("Invitation accepted through {Provider}; account {UserId} created", login.LoginProvider, user.Id);
        return user;
    }

    private ApplicationUser NewUser(string email, string? displayName) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        DisplayName = displayName?.Trim() ?? string.Empty,
        CreatedAt = clock.GetUtcNow(),

        // The language the invitation was accepted in is the one the person reads: their mails follow it from the first one.
        PreferredCulture = PortalCultures.IsSupported(PortalCultures.Current) ? PortalCultures.Current : null,
    };

    private static List<DomainException> NameProblems(string? displayName)
    {
        var name = displayName?.Trim();
        List<DomainException> problems = [];
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(new DomainException(DisplayNameField, "Enter the name other members will see."));
        }
        else if (name.Length > ApplicationUser.DisplayNameMaxLength)
        {
            problems.Add(new DomainException(
                DisplayNameField,
                "The name can be at most {0} characters.",
                ApplicationUser.DisplayNameMaxLength));
        }

        return problems;
    }

    /// <summary>
    /// Claims the one pending invitation <paramref name="which"/> picks and creates the account from it, in one transaction.
    /// Two accepts at once: the second waits on the first's row lock and then finds it used.
    /// </summary>
    private async Task CreateAccountAsync(
        Expression<Func<Invitation, bool>> which,
        ApplicationUser user,
        string? password,
        UserLoginInfo? login,
        Func<Task<InvitationLinkState>> stateWhenGone,
        CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var pending = await db.Invitations.AsNoTracking().Where(which)
                .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .OrderByDescending(i => i.ExpiresAt)
                .Select(i => (Guid?)i.Id)
                .FirstOrDefaultAsync(cancellationToken);
            var claimed = pending is null ? 0 : await db.Invitations
                .Where(i => i.Id == pending && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .ExecuteUpdateAsync(setters => setters.SetProperty(i => i.AcceptedAt, now), cancellationToken);
            if (claimed != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                throw new InvitationUnavailableException(await stateWhenGone());
            }

            var invitation = await db.Invitations.AsNoTracking().SingleAsync(i => i.Id == pending, cancellationToken);
            if (login is not null && invitation.Roles.Contains(PortalRoles.SecretariatAdmin))
            {
                await transaction.RollbackAsync(cancellationToken);
                throw new InvitationUnavailableException(InvitationLinkState.Unknown);
            }

            user.MemberOrganisationId = invitation.Roles.Contains(PortalRoles.Procurer) ? invitation.MemberOrganisationId : null;
            var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                var field =
                    created.Errors.Any(e => e.Code.Contains("Password", StringComparison.Ordinal)) ? PasswordField : DisplayNameField;
                throw new FieldErrorsException([.. created.Errors.Select(e => e.Code is "DuplicateEmail" or "DuplicateUserName"
                    ? new DomainException(field, "{0} already has a portal account; sign in instead.", user.Email)
                    : new DomainException(field, DomainMessageText.AsGiven, e.Description))]);
            }

            var roles = await users.AddToRolesAsync(user, invitation.Roles);
            if (!roles.Succeeded)
            {
                throw new InvalidOperationException($"Adding roles failed: {string.Join("; ", roles.Errors.Select(e => e.Description))}");
            }

            if (login is not null)
            {
                var linked = await users.AddLoginAsync(user, login);
                if (!linked.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Linking the sign-in failed: {string.Join("; ", linked.Errors.Select(e => e.Description))}");
                }
            }

            await ApplyScopesAsync(invitation, user.Id, cancellationToken);
            await db.Invitations.Where(i => i.Id == invitation.Id)
                .ExecuteUpdateAsync(setters => setters.SetProperty(i => i.AcceptedUserId, user.Id), cancellationToken);

            var actor = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(PortalClaims.DisplayName, user.DisplayName)],
                "Invitation"));
            var how = login is null ? string.Empty : $" signing in through {login.ProviderDisplayName ?? login.LoginProvider}";
            audit.Record(db, actor, "User", user.Id, invitation.BuyerGroupId, "InvitationAccepted",
                $"{user.DisplayName} <{user.Email}> accepted the invitation as {string.Join(", ", invitation.Roles)}{how}",
                null, new
                {
                    user.Email,
                    user.DisplayName,
                    invitation.Roles,
                    user.MemberOrganisationId,
                    invitation.CoordinatedBuyerGroupIds,
                    invitation.WorkingGroupIds,
                    ExternalLogin = login?.LoginProvider,
                });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private async Task ApplyScopesAsync(Invitation invitation, Guid userId, CancellationToken cancellationToken)
    {
        if (invitation.Roles.Contains(PortalRoles.BuyerGroupCoordinator) && invitation.CoordinatedBuyerGroupIds.Count > 0)
        {
            var groups = await db.BuyerGroups.Include(g => g.Coordinators)
                .Where(g => invitation.CoordinatedBuyerGroupIds.Contains(g.Id)).ToListAsync(cancellationToken);
            foreach (var group in groups)
            {
                group.AssignCoordinator(userId);
            }
        }

        var chair = invitation.Roles.Contains(PortalRoles.WorkingGroupChair);
        if ((chair || invitation.Roles.Contains(PortalRoles.Stakeholder)) && invitation.WorkingGroupIds.Count > 0)
        {
            var workingGroups = await db.WorkingGroups.Include(g => g.Participants)
                .Where(g => invitation.WorkingGroupIds.Contains(g.Id)).ToListAsync(cancellationToken);
            foreach (var group in workingGroups)
            {
                group.AddParticipant(userId, chair ? ParticipantRole.Chair : ParticipantRole.Participant);
            }
        }
    }
}

/// <summary>The invitation link cannot be used; <see cref="State"/> says why.</summary>
public sealed class InvitationUnavailableException : Exception
{
    public InvitationUnavailableException()
        : this(InvitationLinkState.Unknown)
    {
    }

    public InvitationUnavailableException(string message)
        : base(message)
    {
    }

    public InvitationUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvitationUnavailableException(InvitationLinkState state)
        : base(MessageFor(state)) => State = state;

    public InvitationLinkState State { get; }

    public static string MessageFor(InvitationLinkState state) => state switch
    {
        InvitationLinkState.Accepted => "This invitation has already been used to create an account. Sign in with the e-mail address and "
            + "password you chose; if you forgot the password, reset it from the sign-in page.",
        InvitationLinkState.Expired =>
            "This invitation has expired: links work for seven days. Ask the person who invited you to send it again.",
        InvitationLinkState.Revoked =>
            "This invitation was withdrawn by the person who sent it. Contact them if you think this is a mistake.",
        InvitationLinkState.Pending => "This invitation can be used.",
        _ => "This invitation link is not valid. Check that you opened the whole link from the mail; if it still fails, ask for a new "
            + "invitation.",
    };
}

public sealed record InvitationView(
    Guid Id,
    InvitationLinkState State,
    string Email,
    string DisplayName,
    string InvitedBy,
    IReadOnlyList<string> Roles,
    string? Organisation,
    string? OrganisationBuyerGroup,
    IReadOnlyList<string> BuyerGroups,
    IReadOnlyList<string> WorkingGroups,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Secretariat rights come only through the mailed link, never through an organisation's sign-in.</summary>
    public bool GrantsSecretariatRights => Roles.Contains(PortalRoles.SecretariatAdmin, StringComparer.Ordinal);

    public static InvitationView Unknown { get; } =
        new(Guid.Empty, InvitationLinkState.Unknown, string.Empty, string.Empty, string.Empty, [], null, null, [], [], default);
}
