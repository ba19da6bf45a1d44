using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Privacy;

/// <summary>
/// GDPR self-service for the signed-in person: everything the portal holds about them as JSON, and
/// deleting their account. The account row stays, anonymised, so that records others rely on (criteria
/// suggestions, decisions, uploads) keep a pseudonymous reference; every feature's own data is handled
/// by its <see cref="IPersonalDataContributor"/>.
/// </summary>
public sealed partial class PersonalDataSelfService(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    IEnumerable<IPersonalDataContributor> contributors,
    Pseudonyms pseudonyms,
    TimeProvider clock,
    ILogger<PersonalDataSelfService> logger)
{
    public static readonly FormField PasswordField = new("Password");

    private static readonly JsonSerializerOptions ExportOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The person's data as an indented JSON document.</summary>
    public async Task<byte[]> ExportAsync(ClaimsPrincipal person, CancellationToken cancellationToken = default)
    {
        var user = await AccountOfAsync(person);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = SubjectOf(user);

        var document = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["exportedAt"] = clock.GetUtcNow(),
            ["account"] = await AccountSectionAsync(db, user, cancellationToken),
        };
        foreach (var contributor in contributors)
        {
            document[contributor.Section] = await contributor.ExportAsync(db, subject, cancellationToken);
        }

        logger.LogInformation("Personal data of account {UserId} exported", user.Id);
        // The contributors leave out other people; texts the person wrote (posts, cases, comments) may still quote
        // someone's address, which is masked like every address that is not the person's own.
        var json = JsonSerializer.Serialize(document, ExportOptions);
        return Encoding.UTF8.GetBytes(EmailAddress().Replace(json, address => subject.OwnOrMasked(address.Value)!));
    }

    /// <summary>
    /// Deletes the person's account after checking their password: every feature forgets them, then the
    /// account is anonymised so nobody can sign in with it again.
    /// </summary>
    /// <exception cref="DomainException">Wrong password, or the person is the last secretariat admin.</exception>
    public async Task DeleteAccountAsync(ClaimsPrincipal person, string password, CancellationToken cancellationToken = default)
    {
        var user = await AccountOfAsync(person);
        if (await users.HasPasswordAsync(user) && !await users.CheckPasswordAsync(user, password))
        {
            throw new DomainException(PasswordField, "Incorrect password.");
        }

        if (await users.IsInRoleAsync(user, PortalRoles.SecretariatAdmin)
            && (await users.GetUsersInRoleAsync(PortalRoles.SecretariatAdmin)).Count <= 1)
        {
            throw new DomainException(
                "You are the only secretariat admin. Give the SecretariatAdmin role to someone else before you delete your account.");
        }

        var subject = SubjectOf(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var contributor in contributors)
            {
                await contributor.ForgetAsync(db, subject, cancellationToken);
            }

            await AnonymiseAccountAsync(db, subject, cancellationToken);
            db.AuditEntries.Add(new AuditEntry(
                clock.GetUtcNow(), subject.UserId, subject.Pseudonym, "Account", subject.UserId, null, "Deleted",
                "Account deleted at the person's own request; personal data removed", null, null));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        logger.LogInformation("Account {UserId} deleted at the person's own request", subject.UserId);
    }

    private async Task<ApplicationUser> AccountOfAsync(ClaimsPrincipal person) =>
        await users.GetUserAsync(person) ?? throw new NotFoundException("This account does not exist.");

    private PersonalDataSubject SubjectOf(ApplicationUser user) =>
        new(user.Id, user.Email ?? string.Empty, user.DisplayName, pseudonyms.For(user.Id));

    private static async Task<object> AccountSectionAsync(PortalDbContext db, ApplicationUser user, CancellationToken cancellationToken)
    {
        var roles = await db.UserRoles.Where(link => link.UserId == user.Id)
            .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name)
            .OrderBy(name => name)
            .ToListAsync(cancellationToken);
        var organisation = user.MemberOrganisationId is { } organisationId
            ? await db.MemberOrganisations
                .AsNoTracking()
                .Where(m => m.Id == organisationId)
                .Select(m => new { m.Id, m.LegalName })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        var passkeys = await db.Set<IdentityUserPasskey<Guid>>().CountAsync(passkey => passkey.UserId == user.Id, cancellationToken);
        var externalLogins = await db.UserLogins.Where(login => login.UserId == user.Id)
            .OrderBy(login => login.LoginProvider)
            .Select(login => new { Provider = login.ProviderDisplayName ?? login.LoginProvider, Subject = login.ProviderKey })
            .ToListAsync(cancellationToken);

        return new
        {
            user.Id,
            user.Email,
            user.EmailConfirmed,
            user.UserName,
            user.DisplayName,
            user.PhoneNumber,
            user.PreferredCulture,
            user.CreatedAt,
            user.LastSignInAt,
            user.TwoFactorEnabled,
            RegisteredPasskeys = passkeys,
            ExternalLogins = externalLogins,
            Roles = roles,
            Organisation = organisation,
        };
    }

    private static async Task AnonymiseAccountAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        await db.UserRoles.Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IdentityUserPasskey<Guid>>().Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);

        var account = await db.Users.SingleAsync(user => user.Id == id, cancellationToken);
        var address = subject.PseudonymousEmail;
        account.Email = address;
        account.NormalizedEmail = address.ToUpperInvariant();
        account.UserName = address;
        account.NormalizedUserName = address.ToUpperInvariant();
        account.EmailConfirmed = false;
        account.DisplayName = subject.Pseudonym;
        account.PasswordHash = null;
        account.PhoneNumber = null;
        account.PhoneNumberConfirmed = false;
        account.TwoFactorEnabled = false;
        account.MemberOrganisationId = null;
        account.LastSignInAt = null;
        account.PreferredCulture = null;
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        account.SecurityStamp = Guid.NewGuid().ToString();
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+")]
    private static partial Regex EmailAddress();
}
