using System.Security.Claims;

namespace CircularIctPact.Web.Features.Common;

/// <summary>The check every secretariat use case starts with.</summary>
internal static class SecretariatOnly
{
    public static void Ensure(ClaimsPrincipal user)
    {
        if (!user.IsSecretariat())
        {
            throw new ForbiddenException("Only the pact secretariat, signed in with two factors, can do this.");
        }
    }
}
