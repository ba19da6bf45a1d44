using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Home;

/// <summary>The figures each person sees on the home page, read from the database for their roles and scopes.</summary>
public sealed class HomeDashboard(IDbContextFactory<PortalDbContext> contextFactory)
{
    public async Task<HomeFigures> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pact = new PactFigures(
            await db.Signatories.CountAsync(s => s.Status == SignatoryStatus.Signed, cancellationToken),
            await db.BuyerGroups.CountAsync(g => !g.IsArchived, cancellationToken),
            await db.MemberOrganisations.CountAsync(m => m.Status == MembershipStatus.Active, cancellationToken),
            await db.WorkingGroups.CountAsync(cancellationToken));

        var userId = user.UserId();
        if (userId is null)
        {
            return new HomeFigures(pact, null, [], null, []);
        }

        SecretariatFigures? secretariat = null;
        if (user.IsSecretariat())
        {
            secretariat = new SecretariatFigures(
                await db.Users.CountAsync(cancellationToken),
                await db.Signatories.CountAsync(
                    s => s.Status == SignatoryStatus.InTalks || s.Status == SignatoryStatus.Prospect,
                    cancellationToken),
                await db.MembershipApplications.CountAsync(a => a.Status == ApplicationStatus.Pending, cancellationToken));
        }

        List<CoordinatedGroup> coordinated = [];
        if (user.IsInRole(PortalRoles.BuyerGroupCoordinator))
        {
            coordinated = await db.BuyerGroups.AsNoTracking()
                .Where(g => g.Coordinators.Any(c => c.UserId == userId))
                .OrderBy(g => g.Name)
                .Select(g => new CoordinatedGroup(
                    g.Id,
                    g.Name,
                    db.MemberOrganisations.Count(m => m.BuyerGroupId == g.Id && m.Status == MembershipStatus.Active),
                    db.MembershipApplications.Count(a => a.BuyerGroupId == g.Id && a.Status == ApplicationStatus.Pending),
                    db.MemberOrganisations.Count(m => m.BuyerGroupId == g.Id && m.Status == MembershipStatus.Suspended)))
                .ToListAsync(cancellationToken);
        }

        var organisation = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.MemberOrganisationId != null)
            .Join(db.MemberOrganisations, u => u.MemberOrganisationId, m => m.Id, (u, m) => m)
            .Join(db.BuyerGroups, m => m.BuyerGroupId, g => g.Id, (m, g) => new OwnOrganisation(
                m.LegalName,
                g.Name,
                db.MemberOrganisations.Count(other => other.BuyerGroupId == g.Id && other.Status == MembershipStatus.Active),
                db.BuyerGroupCoordinators.Where(c => c.BuyerGroupId == g.Id)
                    .Join(
                        db.Users,
                        c => c.UserId,
                        coordinator => coordinator.Id,
                        (c, coordinator) => new ContactPerson(coordinator.DisplayName, coordinator.Email!))
                    .ToList()))
            .SingleOrDefaultAsync(cancellationToken);

        var chaired = await db.WorkingGroups.AsNoTracking()
            .Where(g => g.Participants.Any(p => p.UserId == userId))
            .OrderBy(g => g.Name)
            .Select(g => new OwnWorkingGroup(
                g.Name,
                g.Topic,
                g.Participants.Any(p => p.UserId == userId && p.Role == ParticipantRole.Chair),
                g.Participants.Count))
            .ToListAsync(cancellationToken);

        return new HomeFigures(pact, secretariat, coordinated, organisation, chaired);
    }
}

public sealed record HomeFigures(
    PactFigures Pact,
    SecretariatFigures? Secretariat,
    IReadOnlyList<CoordinatedGroup> CoordinatedGroups,
    OwnOrganisation? Organisation,
    IReadOnlyList<OwnWorkingGroup> WorkingGroups);

public sealed record PactFigures(int SignedSignatories, int BuyerGroups, int ActiveMembers, int WorkingGroups);

public sealed record SecretariatFigures(int Users, int SignatoriesInPipeline, int PendingApplications);

public sealed record CoordinatedGroup(Guid Id, string Name, int ActiveMembers, int Applications, int Suspended);

public sealed record OwnOrganisation(string Name, string BuyerGroup, int GroupMembers, IReadOnlyList<ContactPerson> Coordinators);

public sealed record ContactPerson(string Name, string Email);

public sealed record OwnWorkingGroup(string Name, string Topic, bool IsChair, int Participants);
