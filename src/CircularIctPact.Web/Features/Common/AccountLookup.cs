using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Common;

/// <summary>Helpers for finding accounts by e-mail without tracking them.</summary>
internal static class AccountLookup
{
    public static async Task<Guid> UserIdByEmailAsync(
        PortalDbContext db,
        string? email,
        FormField field,
        CancellationToken cancellationToken)
    {
        var parsed = Domain.Common.EmailAddress.Parse(email, field).Value;
        var normalised = parsed.ToUpperInvariant();
        var id =
            await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        return id ?? throw new Domain.Common.DomainException(field, "No portal account uses {0}. Invite the person first.", parsed);
    }
}
