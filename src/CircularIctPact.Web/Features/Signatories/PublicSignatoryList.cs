using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Signatories;

public sealed record PublicBuyerGroup(string Name, string CoordinatingOrganisation, int ActiveMembers);

public sealed record PublicSignatory(
    string Name,
    string? Country,
    SignatoryRole Role,
    DateOnly? SignedOn,
    Guid? CommitmentDocumentId,
    IReadOnlyList<PublicBuyerGroup> BuyerGroups);

/// <summary>The public list of signed signatories and their (not archived) buyer groups; no sign-in needed.</summary>
public sealed class PublicSignatoryList(IDbContextFactory<PortalDbContext> contextFactory)
{
    public async Task<IReadOnlyList<PublicSignatory>> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Signatories.AsNoTracking()
            .Where(s => s.Status == SignatoryStatus.Signed)
            .OrderBy(s => s.Name)
            .Select(s => new PublicSignatory(
                s.Name,
                s.CountryCode == null ? null : s.CountryCode.Value,
                s.Role,
                s.StatusHistory.Where(h => h.Status == SignatoryStatus.Signed).Max(h => (DateOnly?)h.On),
                s.CommitmentDocumentId,
                db.BuyerGroups
                    .Where(g => g.SignatoryId == s.Id && !g.IsArchived)
                    .OrderBy(g => g.Name)
                    .Select(g => new PublicBuyerGroup(
                        g.Name,
                        g.CoordinatingOrganisation,
                        db.MemberOrganisations.Count(m => m.BuyerGroupId == g.Id && m.Status == MembershipStatus.Active)))
                    .ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }
}
