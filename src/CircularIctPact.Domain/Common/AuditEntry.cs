namespace CircularIctPact.Domain.Common;

/// <summary>
/// One change to pact data: who made it, when, to what, and the record before and after (as JSON).
/// <see cref="BuyerGroupId"/> scopes the entry so coordinators see their own groups' history.
/// </summary>
public sealed class AuditEntry
{
    public const int TypeMaxLength = 60;
    public const int ActionMaxLength = 60;
    public const int ActorNameMaxLength = 200;
    public const int SummaryMaxLength = 500;

    private AuditEntry()
    {
        EntityType = string.Empty;
        Action = string.Empty;
        ActorName = string.Empty;
        Summary = string.Empty;
    }

    public AuditEntry(
        DateTimeOffset occurredAt,
        Guid? actorUserId,
        string actorName,
        string entityType,
        Guid entityId,
        Guid? buyerGroupId,
        string action,
        string summary,
        string? before,
        string? after)
    {
        OccurredAt = occurredAt;
        ActorUserId = actorUserId;
        ActorName = actorName.Length > ActorNameMaxLength ? actorName[..ActorNameMaxLength] : actorName;
        EntityType = entityType;
        EntityId = entityId;
        BuyerGroupId = buyerGroupId;
        Action = action;
        Summary = summary.Length > SummaryMaxLength ? summary[..SummaryMaxLength] : summary;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The acting user; null for the system or after the account was erased (the name is then pseudonymised).</summary>
    public Guid? ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>E.g. "Signatory", "BuyerGroup", "MemberOrganisation", "User".</summary>
    public string EntityType { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid? BuyerGroupId { get; private set; }

    /// <summary>E.g. "Created", "Updated", "StatusChanged", "Imported", "Invited".</summary>
    public string Action { get; private set; }

    /// <summary>A one-line description for lists, e.g. "Status changed to Suspended".</summary>
    public string Summary { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }
}
