using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;

namespace CircularIctPact.Web.Features.Common;

/// <summary>Role membership as part of a query, so that a list or a set of recipients filtered by role stays one SQL statement.</summary>
public static class RoleQueries
{
    public static IQueryable<ApplicationUser> InRole(this IQueryable<ApplicationUser> users, PortalDbContext db, string role) =>
        users.Where(u => db.UserRoles.Any(link => link.UserId == u.Id && db.Roles.Any(r => r.Id == link.RoleId && r.Name == role)));
}
