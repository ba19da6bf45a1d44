using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Members;

/// <summary>
/// Reads member organisations for coordinators (their own groups) and the secretariat (all groups).
/// Filtering, sorting, counting and paging all happen in PostgreSQL.
/// </summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class MemberDirectory(IDbContextFactory<PortalDbContext> contextFactory, BuyerGroupAccess access)
{
    /// <summary>The groups the caller may work with, with their tiers; empty for anyone else.</summary>
    public virtual async Task<IReadOnlyList<GroupOption>> GroupsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleGroupIdsAsync(user, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await GroupOptionsAsync(db, visible, cancellationToken);
    }

    /// <summary>The given groups by name, each with its tiers in order.</summary>
    private static async Task<IReadOnlyList<GroupOption>> GroupOptionsAsync(
        PortalDbContext db,
        IReadOnlyList<Guid> groupIds,
        CancellationToken cancellationToken) =>
        await db.BuyerGroups.AsNoTracking()
            .Where(g => groupIds.Contains(g.Id))
            .OrderBy(g => g.Name)
            .Select(g => new GroupOption(g.Id, g.Name, g.Tiers.OrderBy(t => t.Order).Select(t => new TierOption(t.Id, t.Name)).ToList()))
            .ToListAsync(cancellationToken);

    /// <summary>One page of members matching <paramref name="query"/>, and how many match in all.</summary>
    public async Task<MemberPage> ListAsync(ClaimsPrincipal user, MemberQuery query, CancellationToken cancellationToken = default)
    {
        var groupIds = await ScopeAsync(user, query.BuyerGroupId, cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, MemberQuery.MaxPageSize);
        var page = Math.Max(query.Page, 0);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, groupIds, query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await Sort(filtered, query).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new MemberPage([.. rows.Select(ToRow)], total);
    }

    /// <summary>Every member matching the filters, sorted, for an export.</summary>
    public async Task<IReadOnlyList<MemberExportRow>> ExportRowsAsync(
        ClaimsPrincipal user,
        MemberQuery query,
        CancellationToken cancellationToken = default)
    {
        var groupIds = await ScopeAsync(user, query.BuyerGroupId, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Sort(Filter(db, groupIds, query), query)
            .Select(r => new
            {
                r.Id,
                r.BuyerGroup,
                r.LegalName,
                r.Sector,
                r.Country,
                r.Website,
                r.SizeBand,
                r.IctSpendBand,
                r.Tier,
                r.JoinedOn,
                r.Status,
                r.StatusReason,
                Contacts = db.MemberContacts.Where(c => c.MemberOrganisationId == r.Id).OrderBy(c => c.Id)
                    .Select(c => new ContactView(c.Id, c.Name, c.Email, c.Phone, c.Function)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MemberExportRow(
            r.BuyerGroup,
            r.LegalName,
            r.Sector,
            r.Country.Value,
            r.Website,
            r.SizeBand,
            r.IctSpendBand,
            r.Tier,
            r.JoinedOn,
            r.Status,
            r.StatusReason,
            r.Contacts))];
    }

    /// <summary>One member with its contacts; refused unless the caller may read its group.</summary>
    public virtual async Task<MemberDetails> GetAsync(ClaimsPrincipal user, Guid memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groupId = await db.MemberOrganisations
            .Where(m => m.Id == memberId)
            .Select(m => (Guid?)m.BuyerGroupId)
            .SingleOrDefaultAsync(cancellationToken);
        if (groupId is null)
        {
            // Say the same to everyone who may not see the member, so ids of other groups cannot be probed.
            await EnsureAnyScopeAsync(user, cancellationToken);
            throw new NotFoundException("This member organisation does not exist.");
        }

        await access.EnsureAsync(user, groupId.Value, BuyerGroupOperations.Read);
        return await LoadDetailsAsync(db, memberId, cancellationToken)
            ?? throw new NotFoundException("This member organisation does not exist.");
    }

    internal static async Task<MemberDetails?> LoadDetailsAsync(PortalDbContext db, Guid memberId, CancellationToken cancellationToken)
    {
        var details = await db.MemberOrganisations.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Select(m => new
            {
                m.Id,
                m.BuyerGroupId,
                BuyerGroup = db.BuyerGroups.Where(g => g.Id == m.BuyerGroupId).Select(g => g.Name).First(),
                m.LegalName,
                m.Sector,
                m.CountryCode,
                m.Website,
                m.SizeBand,
                m.IctSpendBand,
                m.TierId,
                Tier = db.BuyerGroupTiers.Where(t => t.Id == m.TierId).Select(t => t.Name).FirstOrDefault(),
                m.JoinedOn,
                m.Status,
                m.StatusReason,
                m.StatusChangedOn,
                Contacts = m.Contacts.OrderBy(c => c.Id).Select(c => new ContactView(c.Id, c.Name, c.Email, c.Phone, c.Function)).ToList(),
                m.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        return details is null
            ? null
            : new MemberDetails(
                details.Id,
                details.BuyerGroupId,
                details.BuyerGroup,
                details.LegalName,
                details.Sector,
                details.CountryCode.Value,
                details.Website,
                details.SizeBand,
                details.IctSpendBand,
                details.TierId,
                details.Tier,
                details.JoinedOn,
                details.Status,
                details.StatusReason,
                details.StatusChangedOn,
                details.Contacts,
                details.Version);
    }

    private async Task<IReadOnlyList<Guid>> ScopeAsync(ClaimsPrincipal user, Guid? buyerGroupId, CancellationToken cancellationToken)
    {
        if (buyerGroupId is { } id)
        {
            await access.EnsureAsync(user, id, BuyerGroupOperations.Read);
            return [id];
        }

        return await EnsureAnyScopeAsync(user, cancellationToken);
    }

    private async Task<IReadOnlyList<Guid>> EnsureAnyScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleGroupIdsAsync(user, cancellationToken);
        return visible.Count == 0
            ? throw new ForbiddenException("Only buyer-group coordinators and the pact secretariat can see member organisations.")
            : visible;
    }

    private static IQueryable<MemberRowData> Filter(PortalDbContext db, IReadOnlyList<Guid> groupIds, MemberQuery query)
    {
        var groups = groupIds.ToList();
        var members = db.MemberOrganisations.AsNoTracking().Where(m => groups.Contains(m.BuyerGroupId));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + EscapeLike(query.Search.Trim()) + "%";
            members = members.Where(m => EF.Functions.ILike(m.LegalName, pattern, "\\")
                || (m.Website != null && EF.Functions.ILike(m.Website, pattern, "\\"))
                || m.Contacts.Any(c => EF.Functions.ILike(c.Email, pattern, "\\")));
        }

        if (query.Status is { } status)
        {
            members = members.Where(m => m.Status == status);
        }

        if (query.Sector is { } sector)
        {
            members = members.Where(m => m.Sector == sector);
        }

        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            if (!CountryCode.IsValid(query.Country))
            {
                throw new DomainException(
                    CommonFields.Country,
                    "'{0}' is not an ISO 3166 country code (two letters, e.g. NL, BE, DE).",
                    query.Country);
            }

            var country = CountryCode.Parse(query.Country);
            members = members.Where(m => m.CountryCode == country);
        }

        if (!string.IsNullOrWhiteSpace(query.Tier))
        {
            var tier = query.Tier.Trim();
            members = members.Where(m => db.BuyerGroupTiers.Any(t => t.Id == m.TierId && t.Name == tier));
        }

        return members
            .Join(db.BuyerGroups, m => m.BuyerGroupId, g => g.Id, (m, g) => new MemberRowData
            {
                Id = m.Id,
                BuyerGroupId = m.BuyerGroupId,
                BuyerGroup = g.Name,
                LegalName = m.LegalName,
                Sector = m.Sector,
                Country = m.CountryCode,
                Website = m.Website,
                Contact = m.Contacts.OrderBy(c => c.Id).Select(c => c.Email).FirstOrDefault(),
                SizeBand = m.SizeBand,
                IctSpendBand = m.IctSpendBand,
                Tier = db.BuyerGroupTiers.Where(t => t.Id == m.TierId).Select(t => t.Name).FirstOrDefault(),
                JoinedOn = m.JoinedOn,
                Status = m.Status,
                StatusReason = m.StatusReason,
            });
    }

    private static IQueryable<MemberRowData> Sort(IQueryable<MemberRowData> rows, MemberQuery query)
    {
        var descending = query.Descending;
        IOrderedQueryable<MemberRowData> sorted = query.SortBy switch
        {
            MemberSortColumn.BuyerGroup => descending ? rows.OrderByDescending(r => r.BuyerGroup) : rows.OrderBy(r => r.BuyerGroup),
            MemberSortColumn.Sector => descending ? rows.OrderByDescending(r => r.Sector) : rows.OrderBy(r => r.Sector),
            MemberSortColumn.Country => descending ? rows.OrderByDescending(r => r.Country) : rows.OrderBy(r => r.Country),
            MemberSortColumn.Website => descending ? rows.OrderByDescending(r => r.Website) : rows.OrderBy(r => r.Website),
            MemberSortColumn.Contact => descending ? rows.OrderByDescending(r => r.Contact) : rows.OrderBy(r => r.Contact),
            MemberSortColumn.SizeBand => descending ? rows.OrderByDescending(r => r.SizeBand) : rows.OrderBy(r => r.SizeBand),
            MemberSortColumn.IctSpendBand => descending ? rows.OrderByDescending(r => r.IctSpendBand) : rows.OrderBy(r => r.IctSpendBand),
            MemberSortColumn.Tier => descending ? rows.OrderByDescending(r => r.Tier) : rows.OrderBy(r => r.Tier),
            MemberSortColumn.JoinedOn => descending ? rows.OrderByDescending(r => r.JoinedOn) : rows.OrderBy(r => r.JoinedOn),
            MemberSortColumn.Status => descending ? rows.OrderByDescending(r => r.Status) : rows.OrderBy(r => r.Status),
            _ => descending ? rows.OrderByDescending(r => r.LegalName) : rows.OrderBy(r => r.LegalName),
        };

        // A stable tie-breaker, so that paging never shows a row twice or skips one.
        return query.SortBy == MemberSortColumn.LegalName ? sorted.ThenBy(r => r.Id) : sorted.ThenBy(r => r.LegalName).ThenBy(r => r.Id);
    }

    private static MemberRow ToRow(MemberRowData r) =>
        new(
            r.Id,
            r.BuyerGroupId,
            r.BuyerGroup,
            r.LegalName,
            r.Sector,
            r.Country.Value,
            r.Website,
            r.Contact,
            r.SizeBand,
            r.IctSpendBand,
            r.Tier,
            r.JoinedOn,
            r.Status);
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
    private sealed class MemberRowData
    {
        public Guid Id { get; init; }

        public Guid BuyerGroupId { get; init; }

        public string BuyerGroup { get; init; } = string.Empty;

        public string LegalName { get; init; } = string.Empty;

        public Sector Sector { get; init; }

        public CountryCode Country { get; init; } = null!;

        public string? Website { get; init; }

        public string? Contact { get; init; }

        public SizeBand? SizeBand { get; init; }

        public IctSpendBand? IctSpendBand { get; init; }

        public string? Tier { get; init; }

        public DateOnly JoinedOn { get; init; }

        public MembershipStatus Status { get; init; }

        public string? StatusReason { get; init; }
    }
}

/// <summary>One member as it appears in an export file.</summary>
public sealed record MemberExportRow(
    string BuyerGroup,
    string LegalName,
    Sector Sector,
    string Country,
    string? Website,
    SizeBand? SizeBand,
    IctSpendBand? IctSpendBand,
    string? Tier,
    DateOnly JoinedOn,
    MembershipStatus Status,
    string? StatusReason,
    IReadOnlyList<ContactView> Contacts);
