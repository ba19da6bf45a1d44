using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;

namespace CircularIctPact.Web.Features.Common;

public static class ClaimsPrincipalExtensions
{
    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static Guid RequiredUserId(this ClaimsPrincipal principal) =>
        principal.UserId() ?? throw new UnauthorizedAccessException("Sign in first.");

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(PortalClaims.DisplayName) ?? principal.Identity?.Name ?? string.Empty;

    /// <summary>A secretariat admin counts as one only after signing in with a second factor.</summary>
    public static bool IsSecretariat(this ClaimsPrincipal principal) =>
        principal.IsInRole(PortalRoles.SecretariatAdmin) && principal.HasClaim(PortalClaims.TwoFactorEnabled, "true");

    /// <summary>Throws <see cref="ForbiddenException"/> with <paramref name="refusal"/> unless <see cref="IsSecretariat"/>.</summary>
    public static void EnsureSecretariat(this ClaimsPrincipal principal, RuleViolation refusal)
    {
        if (!principal.IsSecretariat())
        {
            throw new ForbiddenException(refusal);
        }
    }

    /// <summary>People on the buying side of the pact (never external stakeholders): they read members-only content.</summary>
    public static bool IsBuyerSide(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && (principal.IsInRole(PortalRoles.SecretariatAdmin) || principal.IsInRole(PortalRoles.BuyerGroupCoordinator)
            || principal.IsInRole(PortalRoles.Procurer) || principal.IsInRole(PortalRoles.WorkingGroupChair));
}
