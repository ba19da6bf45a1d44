using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>Adds the display name, the member organisation, the two-factor state and the rights stamp to the sign-in cookie.</summary>
public sealed class PortalUserClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(
            new Claim(PortalClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? string.Empty : user.DisplayName));
        if (user.MemberOrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(PortalClaims.MemberOrganisationId, organisationId.ToString()));
        }

        identity.AddClaim(new Claim(PortalClaims.RightsStamp, user.RightsStamp.ToString()));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(PortalClaims.TwoFactorEnabled, "true"));
        }

        return identity;
    }
}
