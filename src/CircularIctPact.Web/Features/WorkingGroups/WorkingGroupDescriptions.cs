using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.WorkingGroups;

/// <summary>
/// The chairs of a working group and the secretariat say what the group is about (topic and mandate), in the language
/// they write in, and translate it. The name stays as the secretariat gave it, because the pact's reference content and
/// the people who invite others know the group by it; only its translations are written here.
/// </summary>
public sealed class WorkingGroupDescriptions(IDbContextFactory<PortalDbContext> contextFactory, AuditTrail audit)
{
    /// <summary>Saves the description; someone else's save since <paramref name="rowVersion"/> is a conflict, never overwritten.</summary>
    public async Task DescribeAsync(
        ClaimsPrincipal user,
        Guid workingGroupId,
        uint rowVersion,
        CriteriaLanguage language,
        string? topic,
        string? mandate,
        IReadOnlyList<Translation<WorkingGroupText>> translations,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await WorkingGroupAccess.EnsureManageAsync(db, user, workingGroupId, cancellationToken);
        var group = await db.LoadForChangeAsync(
            db.WorkingGroups, workingGroupId, rowVersion, new RuleViolation(null, "This working group does not exist."), cancellationToken);
        var before = Snapshot(group);
        group.Describe(language, new WorkingGroupText(group.Name, topic, mandate), translations);
        audit.Record(
            db,
            user,
            WorkingGroupAccess.EntityType,
            group.Id,
            null,
            "WorkingGroupDescribed",
            $"Working group {group.Name} described",
            before,
            Snapshot(group));
        await db.SaveOrConflictAsync(cancellationToken);
    }

    private static object Snapshot(WorkingGroup group) =>
        new { group.Topic, group.Mandate, group.Language, Translations = string.Join(", ", group.Translations.Select(t => t.Language)) };
}
