using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Audit;

/// <summary>
/// Filters of the audit log; <see cref="From"/> and <see cref="To"/> are whole days (UTC), both included. <see cref="Page"/> counts from 0.
/// </summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 200;

    public Guid? BuyerGroupId { get; init; }

    public string? EntityType { get; init; }

    public string? Action { get; init; }

    /// <summary>Part of the actor's name.</summary>
    public string? Actor { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Matches the summary, the actor, the entity type or the action.</summary>
    public string? Text { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; } = 25;
}

public sealed record AuditRow(
    long Id,
    DateTimeOffset OccurredAt,
    string ActorName,
    string EntityType,
    Guid EntityId,
    Guid? BuyerGroupId,
    string? BuyerGroup,
    string Action,
    string Summary,
    string? Before,
    string? After);

public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int TotalCount);

/// <summary>
/// The audit log as people may see it: the secretariat everything, a coordinator only the entries of
/// their own buyer groups; everyone else nothing.
/// </summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> contextFactory, BuyerGroupAccess access)
{
    /// <summary>The entity types and actions that occur in the entries the caller may see, for the filter lists.</summary>
    public async Task<(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actions)> FilterValuesAsync(
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(user, null, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = Scoped(db, scope);
        var types = await entries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        var actions = await entries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        return (types, actions);
    }

    /// <summary>One page of entries matching <paramref name="query"/>, newest first, and the number of matches.</summary>
    public async Task<AuditPage> ListAsync(ClaimsPrincipal user, AuditQuery query, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(user, query.BuyerGroupId, cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(Scoped(db, scope), query);
        var total = await filtered.CountAsync(cancellationToken);
        var items = await Project(db, filtered.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id))
            .Skip(Math.Max(query.Page, 0) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new AuditPage(items, total);
    }

    /// <summary>Every entry matching the filters as CSV (UTF-8 with byte order mark), newest first.</summary>
    public async Task<byte[]> ExportCsvAsync(ClaimsPrincipal user, AuditQuery query, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(user, query.BuyerGroupId, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Project(db, Filter(Scoped(db, scope), query).OrderByDescending(e => e.OccurredAt)
            .ThenByDescending(e => e.Id)).ToListAsync(cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        string[] header = ["Occurred at (UTC)", "Actor", "Buyer group", "Entity type", "Entity id", "Action", "Summary", "Before", "After"];
        return CsvFile.Write(
            [.. header.Select(column => OutgoingText.In(culture, column))],
            rows.Select(row => (IReadOnlyList<string?>)
            [
                row.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.ActorName,
                row.BuyerGroup,
                row.EntityType,
                row.EntityId.ToString(),
                row.Action,
                row.Summary,
                row.Before,
                row.After,
            ]));
    }

    /// <summary>Null means everything (the secretariat); otherwise the groups whose entries the caller may read.</summary>
    private async Task<IReadOnlyList<Guid>?> ScopeAsync(ClaimsPrincipal user, Guid? buyerGroupId, CancellationToken cancellationToken)
    {
        if (buyerGroupId is { } id)
        {
            await access.EnsureAsync(user, id, BuyerGroupOperations.Read);
            return [id];
        }

        if (user.IsSecretariat())
        {
            return null;
        }

        var visible = await access.VisibleGroupIdsAsync(user, cancellationToken);
        return visible.Count == 0
            ? throw new ForbiddenException("Only buyer-group coordinators and the pact secretariat can read the audit log.")
            : visible;
    }

    private static IQueryable<AuditEntry> Scoped(PortalDbContext db, IReadOnlyList<Guid>? groupIds)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (groupIds is null)
        {
            return entries;
        }

        var groups = groupIds.ToList();
        return entries.Where(e => e.BuyerGroupId != null && groups.Contains(e.BuyerGroupId.Value));
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = "%" + EscapeLike(query.Actor.Trim()) + "%";
            entries = entries.Where(e => EF.Functions.ILike(e.ActorName, actor, "\\"));
        }

        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.OccurredAt < end);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = "%" + EscapeLike(query.Text.Trim()) + "%";
            entries = entries.Where(e => EF.Functions.ILike(e.Summary, text, "\\") || EF.Functions.ILike(e.ActorName, text, "\\")
                || EF.Functions.ILike(e.EntityType, text, "\\") || EF.Functions.ILike(e.Action, text, "\\"));
        }

        return entries;
    }

    private static IQueryable<AuditRow> Project(PortalDbContext db, IQueryable<AuditEntry> entries) =>
        entries.Select(e => new AuditRow(
            e.Id,
            e.OccurredAt,
            e.ActorName,
            e.EntityType,
            e.EntityId,
            e.BuyerGroupId,
            db.BuyerGroups.Where(g => g.Id == e.BuyerGroupId).Select(g => g.Name).FirstOrDefault(),
            e.Action,
            e.Summary,
            e.Before,
            e.After));

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
