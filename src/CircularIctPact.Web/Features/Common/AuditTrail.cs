using System.Security.Claims;
using System.Text.Json;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Persistence;

namespace CircularIctPact.Web.Features.Common;

/// <summary>Adds audit entries to the same unit of work as the change they describe.</summary>
public sealed class AuditTrail(TimeProvider clock)
{
    private static readonly JsonSerializerOptions SnapshotOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Records a change; call before <c>SaveChangesAsync</c> so the entry commits with the change.
    /// <paramref name="before"/> and <paramref name="after"/> are snapshots (records or anonymous objects), or null.
    /// </summary>
    public void Record(
        PortalDbContext db,
        ClaimsPrincipal actor,
        string entityType,
        Guid entityId,
        Guid? buyerGroupId,
        string action,
        string summary,
        object? before,
        object? after) =>
        db.AuditEntries.Add(new AuditEntry(
            clock.GetUtcNow(),
            actor.UserId(),
            actor.Identity?.IsAuthenticated == true ? actor.DisplayName() : "Public form",
            entityType,
            entityId,
            buyerGroupId,
            action,
            summary,
            before is null ? null : JsonSerializer.Serialize(before, SnapshotOptions),
            after is null ? null : JsonSerializer.Serialize(after, SnapshotOptions)));
}
