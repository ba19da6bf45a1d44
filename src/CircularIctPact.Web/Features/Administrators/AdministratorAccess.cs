using System.Net.Mail;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Administrators;

/// <summary>A single-use address at which an administrator chooses a password and enrols an authenticator app.</summary>
public sealed record SetUpAddress(Guid UserId, string Email, Uri Address, DateTimeOffset ValidUntil);

/// <summary>
/// The operator's use cases for secretariat administrators, run from the command line on the server: create the first
/// (or another) administrator, and give a locked-out administrator a fresh start. Both hand back a set-up address and
/// are audited as <see cref="AccountChanges.EntityType"/>. Refusals are <see cref="DomainException"/>s whose message says what to do.
/// Uses the scope's <see cref="PortalDbContext"/>, the one Identity's stores write through, so the account, its role
/// and the audit entry commit together.
/// </summary>
public sealed class AdministratorAccess(
    PortalDbContext db,
    UserManager<ApplicationUser> users,
    AuditTrail audit,
    TimeProvider clock,
    PortalAddress portalAddress)
{
    public const string SetUpPath = "Account/SetUp";

    // The command-line options a refusal is about.
    private static readonly FormField NameOption = new("name");
    private static readonly FormField EmailOption = new("email");
    private static readonly FormField BaseUrlOption = new("base-url");

    /// <summary>Creates a secretariat administrator with a confirmed e-mail address and no password yet.</summary>
    public async Task<SetUpAddress> CreateAsync(
        ClaimsPrincipal actor,
        string? email,
        string? displayName,
        string? baseUrl,
        CancellationToken cancellationToken = default)
    {
        var address = CheckedEmail(email);
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new DomainException(NameOption, "Give the administrator's full name with --name \"<full name>\".");
        }

        if (name.Length > ApplicationUser.DisplayNameMaxLength)
        {
            throw new DomainException(NameOption, "The name can be at most {0} characters.", ApplicationUser.DisplayNameMaxLength);
        }

        var portal = PublicBaseUri(baseUrl);
        if (await users.FindByEmailAsync(address) is not null)
        {
            throw new DomainException(
                EmailOption,
                "An account with the e-mail address {0} already exists. " +
                "For an administrator who cannot sign in, use: admin reset-access --email {0}",
                address);
        }

        var user = new ApplicationUser
        {
            UserName = address,
            Email = address,
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = clock.GetUtcNow(),
        };
        await InTransactionAsync(async () =>
        {
            AccountChanges.Check(await users.CreateAsync(user));
            audit.Record(db, actor, AccountChanges.EntityType, user.Id, null, "AdministratorCreated",
                $"{user.DisplayName} <{user.Email}> was created as secretariat administrator from the command line",
                null, new { user.Email, user.DisplayName, Roles = new[] { PortalRoles.SecretariatAdmin } });
            AccountChanges.Check(await users.AddToRoleAsync(user, PortalRoles.SecretariatAdmin));
        }, cancellationToken);

        return await SetUpAddressForAsync(user, portal);
    }

    /// <summary>
    /// Takes away an administrator's password, authenticator, recovery codes, passkeys and linked organisation sign-ins
    /// (a linked provider would otherwise still sign in, without a second factor), lifts a lockout, and hands back a
    /// new set-up address. Every earlier set-up address and every signed-in session of the account stop working.
    /// </summary>
    public async Task<SetUpAddress> ResetAccessAsync(
        ClaimsPrincipal actor,
        string? email,
        string? baseUrl,
        CancellationToken cancellationToken = default)
    {
        var address = CheckedEmail(email);
        var portal = PublicBaseUri(baseUrl);
        var user = await users.FindByEmailAsync(address)
            ?? throw new DomainException(
                EmailOption,
                "No account has the e-mail address {0}. Create an administrator with: admin create --email {0} --name \"<full name>\"",
                address);
        if (!await users.IsInRoleAsync(user, PortalRoles.SecretariatAdmin))
        {
            throw new DomainException(
                EmailOption,
                "{0} is not a secretariat administrator; a secretariat administrator can help this person from the Users page.",
                address);
        }

        var logins = await users.GetLoginsAsync(user);
        var before = new
        {
            HasPassword = user.PasswordHash is not null,
            user.TwoFactorEnabled,
            user.LockoutEnd,
            ExternalLogins = logins.Select(login => $"{login.ProviderDisplayName ?? login.LoginProvider} ({login.LoginProvider})")
                .ToArray(),
        };
        await InTransactionAsync(async () =>
        {
            if (await users.HasPasswordAsync(user))
            {
                AccountChanges.Check(await users.RemovePasswordAsync(user));
            }

            foreach (var passkey in await users.GetPasskeysAsync(user))
            {
                AccountChanges.Check(await users.RemovePasskeyAsync(user, passkey.CredentialId));
            }

            foreach (var login in logins)
            {
                AccountChanges.Check(await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey));
            }

            AccountChanges.Check(await users.SetTwoFactorEnabledAsync(user, false));
            AccountChanges.Check(await users.ResetAuthenticatorKeyAsync(user));
            AccountChanges.Check(await users.SetLockoutEndDateAsync(user, null));
            audit.Record(db, actor, AccountChanges.EntityType, user.Id, null, "AdministratorAccessReset",
                $"{user.DisplayName} <{user.Email}> lost password, authenticator and linked sign-ins and received a new set-up address "
                    + "from the command line",
                before, new
                {
                    HasPassword = false,
                    TwoFactorEnabled = false,
                    LockoutEnd = (DateTimeOffset?)null,
                    ExternalLogins = Array.Empty<string>(),
                });
            AccountChanges.Check(await users.ResetAccessFailedCountAsync(user));
        }, cancellationToken);

        return await SetUpAddressForAsync(user, portal);
    }

    private async Task<SetUpAddress> SetUpAddressForAsync(ApplicationUser user, Uri portal)
    {
        var validUntil = clock.GetUtcNow() + AdministratorSetupTokenProvider.Lifespan;
        var token = await users.GenerateUserTokenAsync(
            user,
            AdministratorSetupTokenProvider.ProviderName,
            AdministratorSetupTokenProvider.ChoosePasswordPurpose);
        var address = new Uri(portal, $"{SetUpPath}?user={user.Id}&code={Uri.EscapeDataString(token)}");
        return new SetUpAddress(user.Id, user.Email!, address, validUntil);
    }

    private Uri PublicBaseUri(string? baseUrl)
    {
        var given = string.IsNullOrWhiteSpace(baseUrl) ? portalAddress.Configured : baseUrl;
        if (string.IsNullOrWhiteSpace(given))
        {
            throw new DomainException(
                BaseUrlOption,
                "The portal's public address is not known. Pass it with --base-url https://portal.example.org (or set {0}).",
                PortalAddress.Setting);
        }

        if (!Uri.TryCreate(given.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new DomainException(
                BaseUrlOption,
                "'{0}' is not the address of a web site; give it as https://portal.example.org.",
                given);
        }

        // A base ending without '/' would lose its last path segment when the set-up path is added.
        return PortalAddress.WithTrailingSlash(uri);
    }

    private static string CheckedEmail(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(EmailOption, "Give the administrator's e-mail address with --email <e-mail>.");
        }

        if (trimmed.Length > 256
            || !MailAddress.TryCreate(trimmed, out var parsed)
            || parsed.Address != trimmed
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new DomainException(EmailOption, "'{0}' is not an e-mail address; give it as name@organisation.org.", trimmed);
        }

        return trimmed;
    }

    private async Task InTransactionAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await change();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
