using CircularIctPact.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>
/// Creates the portal's roles that a database does not hold yet. Runs at every start in every environment: a new
/// installation needs them before its first administrator is created or its first coordinator invited.
/// </summary>
public sealed class PortalRoleSetup(RoleManager<IdentityRole<Guid>> roleManager)
{
    public async Task EnsureAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (await roleManager.RoleExistsAsync(role))
            {
                continue;
            }

            var created = await roleManager.CreateAsync(new IdentityRole<Guid>(role));
            // Another instance starting on the same new database may have created it in between.
            if (!created.Succeeded && !await roleManager.RoleExistsAsync(role))
            {
                throw new InvalidOperationException(
                    $"Creating the role {role} failed: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        }
    }
}
