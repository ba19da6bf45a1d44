using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.BuyerGroups;

/// <summary>
/// The buyer groups the person coordinates; the role ends with the account. Working-group participation is
/// the working groups' own section.
/// </summary>
internal sealed class GroupRolesPersonalData : IPersonalDataContributor
{
    public string Section => "groupRoles";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var coordinated = await db.BuyerGroupCoordinators.AsNoTracking()
            .Where(link => link.UserId == subject.UserId)
            .Join(db.BuyerGroups, link => link.BuyerGroupId, group => group.Id, (_, group) => new { group.Id, group.Name })
            .ToListAsync(cancellationToken);
        return new { CoordinatedBuyerGroups = coordinated };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken) =>
        await db.BuyerGroupCoordinators.Where(link => link.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
}
