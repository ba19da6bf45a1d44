using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>A person who signs in to the portal.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;

    public ApplicationUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>
    /// Renewed whenever what the person may do changes (roles, coordinated buyer groups, working groups, member
    /// organisation), where <see cref="IdentityUser{TKey}.SecurityStamp"/> is renewed when how they sign in changes. A new
    /// rights stamp refreshes their sessions with the new rights; a new security stamp ends them.
    /// </summary>
    public Guid RightsStamp { get; set; } = Guid.NewGuid();

    /// <summary>The member organisation a procurer works for, if any.</summary>
    public Guid? MemberOrganisationId { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>The interface language the person chose (en, nl, fr, de), or null to follow the browser.</summary>
    public string? PreferredCulture { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
