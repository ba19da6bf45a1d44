using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Members;

public enum InvitationState
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}

/// <summary>
/// A single-use, expiring invitation to create a portal account with given roles and scopes.
/// Only the SHA-256 hash of the secret token is kept; the token itself lives only in the mail.
/// </summary>
public sealed class Invitation : Entity, IConcurrencyVersioned
{
    public const int DisplayNameMaxLength = 200;
    public const int TokenHashLength = 64;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
        Email = string.Empty;
        DisplayName = string.Empty;
        TokenHash = string.Empty;
    }

    public Invitation(
        EmailAddress email,
        string displayName,
        IEnumerable<string> roles,
        Guid? memberOrganisationId,
        Guid? buyerGroupId,
        IEnumerable<Guid> coordinatedBuyerGroupIds,
        IEnumerable<Guid> workingGroupIds,
        Guid invitedByUserId,
        string tokenHash,
        DateTimeOffset invitedAt)
    {
        Email = email.Value;
        DisplayName = Guard.Required(displayName, InvitationFields.Name, DisplayNameMaxLength);
        Roles = [.. roles.Distinct(StringComparer.Ordinal)];
        if (Roles.Count == 0)
        {
            throw new DomainException(InvitationFields.Roles, "Choose at least one role.");
        }

        if (Roles.Any(role => !PortalRoles.All.Contains(role, StringComparer.Ordinal)))
        {
            throw new DomainException(InvitationFields.Roles, "Unknown role.");
        }

        if (Roles.Contains(PortalRoles.Procurer, StringComparer.Ordinal) && memberOrganisationId is null)
        {
            throw new DomainException(InvitationFields.Organisation, "Choose the organisation the procurer works for.");
        }

        CoordinatedBuyerGroupIds = [.. coordinatedBuyerGroupIds.Distinct()];
        if (Roles.Contains(PortalRoles.BuyerGroupCoordinator, StringComparer.Ordinal) && CoordinatedBuyerGroupIds.Count == 0)
        {
            throw new DomainException(InvitationFields.BuyerGroups, "Choose the buyer groups the coordinator will coordinate.");
        }

        WorkingGroupIds = [.. workingGroupIds.Distinct()];
        if (Roles.Contains(PortalRoles.WorkingGroupChair, StringComparer.Ordinal) && WorkingGroupIds.Count == 0)
        {
            throw new DomainException(InvitationFields.WorkingGroups, "Choose the working groups the chair will run.");
        }

        TokenHash = string.Empty;
        MemberOrganisationId = memberOrganisationId;
        BuyerGroupId = buyerGroupId;
        InvitedByUserId = invitedByUserId;
        InvitedAt = invitedAt;
        Renew(tokenHash, invitedAt);
    }

    public string Email { get; private set; }

    public string DisplayName { get; private set; }

    public List<string> Roles { get; private set; } = [];

    /// <summary>The organisation a procurer is linked to.</summary>
    public Guid? MemberOrganisationId { get; private set; }

    /// <summary>The buyer group of <see cref="MemberOrganisationId"/>, so coordinators see their groups' invitations.</summary>
    public Guid? BuyerGroupId { get; private set; }

    public List<Guid> CoordinatedBuyerGroupIds { get; private set; } = [];

    public List<Guid> WorkingGroupIds { get; private set; } = [];

    public Guid InvitedByUserId { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? LastSentAt { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedUserId { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public uint Version { get; private set; }

    public InvitationState StateAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : RevokedAt is not null ? InvitationState.Revoked
        : ExpiresAt <= now ? InvitationState.Expired
        : InvitationState.Pending;

    /// <summary>Replaces the token (the old link stops working) and restarts the seven days.</summary>
    public void Renew(string tokenHash, DateTimeOffset now)
    {
        if (AcceptedAt is not null)
        {
            throw new DomainException(InvitationFields.Invitation, "This invitation was already accepted; there is nothing to resend.");
        }

        if (RevokedAt is not null)
        {
            throw new DomainException(InvitationFields.Invitation, "This invitation was revoked; invite the person again instead.");
        }

        if (tokenHash.Length != TokenHashLength)
        {
            throw new DomainException(InvitationFields.Token, "The token hash must be a SHA-256 hex string.");
        }

        TokenHash = tokenHash;
        ExpiresAt = now + Lifetime;
        LastSentAt = now;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is not null)
        {
            throw new DomainException(
                InvitationFields.Invitation,
                "This invitation was already accepted; lock the account on the Users page instead.");
        }

        if (RevokedAt is not null)
        {
            throw new DomainException(InvitationFields.Invitation, "This invitation was already revoked.");
        }

        RevokedAt = now;
    }
}
