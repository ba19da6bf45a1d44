using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Privacy;

/// <summary>The buyer groups the person coordinates and the working groups they take part in; both end with the account.</summary>
internal sealed class GroupRolesPersonalData : IPersonalDataContributor
{
    public string Section => "groupRoles";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var coordinated = await db.BuyerGroupCoordinators.AsNoTracking()
            .Where(link => link.UserId == subject.UserId)
            .Join(db.BuyerGroups, link => link.BuyerGroupId, group => group.Id, (_, group) => new { group.Id, group.Name })
            .ToListAsync(cancellationToken);
        var workingGroups = await db.WorkingGroupParticipants.AsNoTracking()
            .Where(link => link.UserId == subject.UserId)
            .Join(db.WorkingGroups, link => link.WorkingGroupId, group => group.Id, (link, group) => new { group.Id, group.Name, link.Role })
            .ToListAsync(cancellationToken);
        return new
        {
            CoordinatedBuyerGroups = coordinated,
            WorkingGroups = workingGroups.Select(group => new { group.Id, group.Name, Role = group.Role.ToString() }),
        };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        await db.BuyerGroupCoordinators.Where(link => link.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.WorkingGroupParticipants.Where(link => link.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
    }
}
