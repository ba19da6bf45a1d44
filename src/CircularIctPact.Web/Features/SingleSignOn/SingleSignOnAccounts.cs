using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Onboarding;
using CircularIctPact.Web.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Features.SingleSignOn;

/// <summary>Why a sign-in through an organisation's provider was refused.</summary>
public enum SingleSignOnRefusal
{
    /// <summary>The provider sent the person back without a sign-in (cancelled, an error, or an expired attempt).</summary>
    ProviderFailed,

    /// <summary>The provider sent no e-mail address, or did not say that it verified it.</summary>
    EmailNotVerified,

    /// <summary>No portal account uses the address.</summary>
    NoAccount,

    /// <summary>No account yet, but an invitation for the address is waiting: the person may accept it here.</summary>
    PendingInvitation,

    /// <summary>The account is locked, deactivated or not yet confirmed.</summary>
    AccountUnavailable,

    /// <summary>
    /// A secretariat administrator who has not finished their set-up (no authenticator yet) must use their set-up address first.
    /// </summary>
    SetUpUnfinished,

    /// <summary>The provider vouched for an address outside the domains configured for it.</summary>
    DomainNotAllowed,

    /// <summary>The waiting invitation grants secretariat rights, which only its mailed link can accept.</summary>
    InvitationNeedsMailedLink,
}

/// <summary>
/// What a provider's sign-in leads to: the account to sign in (and whether the provider did a multi-factor sign-in),
/// or a refusal; with <see cref="SingleSignOnRefusal.PendingInvitation"/>, the invitation the person may accept.
/// <see cref="FoundByAddress"/>: the provider login is not linked yet; it is linked by
/// <see cref="SingleSignOnAccounts.LinkAfterSignInAsync"/> once the sign-in has fully succeeded.
/// </summary>
public sealed record SingleSignOnResolution(
    Guid? UserId,
    bool MultiFactorAsserted,
    SingleSignOnRefusal? Refusal,
    InvitationView? Invitation = null,
    bool FoundByAddress = false)
{
    public static SingleSignOnResolution Refused(SingleSignOnRefusal refusal) => new(null, false, refusal);
}

/// <summary>The outcome of linking a provider from the account pages.</summary>
public enum ExternalLoginLinkOutcome
{
    Linked,
    AlreadyLinked,
    LinkedToAnotherAccount,
    UnknownProvider,
}

/// <summary>A provider login linked to the account, with the name of its button.</summary>
public sealed record LinkedExternalLogin(string Scheme, string ProviderKey, string DisplayName);

/// <summary>The account page's view: linked logins, providers still to link, and whether a login may be removed.</summary>
public sealed record ExternalLoginsView(
    IReadOnlyList<LinkedExternalLogin> Linked,
    IReadOnlyList<SingleSignOnProvider> Available,
    bool CanUnlink);

/// <summary>
/// Ties organisation sign-ins to existing portal accounts. Single sign-on alone never creates an account: a first
/// sign-in finds the active account with the address the provider verified and links the provider login to it once
/// the sign-in has fully succeeded (after the portal's code step when that applies); later sign-ins find the account
/// by that link; a person invited at that address accepts the invitation. A secretariat administrator who has not
/// finished their set-up is never signed in through a provider, and secretariat invitations need their mailed link.
/// Links and unlinks are audited as changes to the account ("User").
/// Uses the request's scoped <see cref="PortalDbContext"/>, the one Identity's user store saves through, so the
/// audit entry commits with the link.
/// </summary>
public sealed class SingleSignOnAccounts(
    UserManager<ApplicationUser> users,
    PortalDbContext db,
    SingleSignOnProviders providers,
    InvitationAcceptance invitations,
    AuditTrail audit,
    ILogger<SingleSignOnAccounts> logger)
{
    public const string LinkedAction = "ExternalLoginLinked";
    public const string UnlinkedAction = "ExternalLoginRemoved";

    /// <summary>Finds the account for a provider's sign-in, or says why there is none. Changes nothing.</summary>
    public async Task<SingleSignOnResolution> ResolveAsync(ExternalLoginInfo login, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        var provider = providers.ByScheme(login.LoginProvider);
        if (provider is null)
        {
            return Refuse(login.LoginProvider, SingleSignOnRefusal.ProviderFailed, null);
        }

        var multiFactor = provider.AssertsMultiFactor(login.Principal);
        var linked = await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey);
        if (linked is not null)
        {
            return await RefusalForAsync(linked) is { } refused
                ? Refuse(provider.Scheme, refused, linked.Id)
                : new SingleSignOnResolution(linked.Id, multiFactor, null);
        }

        var email = provider.VerifiedEmail(login.Principal);
        if (email is null)
        {
            return Refuse(provider.Scheme, SingleSignOnRefusal.EmailNotVerified, null);
        }

        if (!provider.MayVouchFor(email))
        {
            return Refuse(provider.Scheme, SingleSignOnRefusal.DomainNotAllowed, null);
        }

        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            return await invitations.DescribePendingForAsync(email, cancellationToken) switch
            {
                null => Refuse(provider.Scheme, SingleSignOnRefusal.NoAccount, null),
                { GrantsSecretariatRights: true } => Refuse(provider.Scheme, SingleSignOnRefusal.InvitationNeedsMailedLink, null),
                var invitation => new SingleSignOnResolution(null, false, SingleSignOnRefusal.PendingInvitation, invitation),
            };
        }

        return await RefusalForAsync(account) is { } refusal
            ? Refuse(provider.Scheme, refusal, account.Id)
            : new SingleSignOnResolution(account.Id, multiFactor, null, FoundByAddress: true);
    }

    /// <summary>
    /// Links the provider login of a sign-in that found the account by its address (<see cref="ResolveAsync"/>), now that
    /// the person is fully signed in to that account. The account's state is checked again.
    /// </summary>
    /// <returns>The account when the login was linked just now; null when it was linked already or may not be linked.</returns>
    public async Task<ApplicationUser?> LinkAfterSignInAsync(ClaimsPrincipal person, string scheme, string providerKey)
    {
        var account = await AccountOfAsync(person);
        var provider = providers.ByScheme(scheme);
        if (provider is null || await RefusalForAsync(account) is not null || await users.FindByLoginAsync(scheme, providerKey) is not null)
        {
            return null;
        }

        await LinkAsync(person, account, provider, providerKey);
        return account;
    }

    /// <summary>
    /// The invitation waiting for the address the provider verified that the person may accept here, or null.
    /// One look-up per request: the page keeps it for <see cref="AcceptInvitationAsync"/>.
    /// </summary>
    public async Task<InvitationView?> PendingInvitationAsync(ExternalLoginInfo login, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        var provider = providers.ByScheme(login.LoginProvider);
        var email = provider?.VerifiedEmail(login.Principal);
        if (provider is null || email is null || !provider.MayVouchFor(email))
        {
            return null;
        }

        var invitation = await invitations.DescribePendingForAsync(email, cancellationToken);
        return invitation is { GrantsSecretariatRights: false } ? invitation : null;
    }

    /// <summary>
    /// Accepts <paramref name="invitation"/> (from <see cref="PendingInvitationAsync"/>) as its mailed link would, with the
    /// provider login linked instead of a password. The address comes from the provider, never from the form.
    /// </summary>
    /// <exception cref="FieldErrorsException">The display name is not acceptable; nothing was created.</exception>
    /// <exception cref="InvitationUnavailableException">The invitation is not for the address the provider vouches for, or no longer
    /// pending; nothing was created.</exception>
    public async Task<ApplicationUser> AcceptInvitationAsync(
        ExternalLoginInfo login,
        InvitationView invitation,
        string? displayName,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        ArgumentNullException.ThrowIfNull(invitation);
        var provider = providers.ByScheme(login.LoginProvider);
        var email = provider?.VerifiedEmail(login.Principal);
        if (provider is null || email is null || !provider.MayVouchFor(email)
            || !string.Equals(users.NormalizeEmail(email), users.NormalizeEmail(invitation.Email), StringComparison.Ordinal))
        {
            throw new InvitationUnavailableException(InvitationLinkState.Unknown);
        }

        return await invitations.AcceptForVerifiedEmailAsync(
            invitation,
            displayName,
            new UserLoginInfo(provider.Scheme, login.ProviderKey, provider.DisplayName),
            cancellationToken);
    }

    /// <summary>The signed-in person's linked logins and the providers they can still link.</summary>
    public async Task<ExternalLoginsView> DescribeAsync(ClaimsPrincipal person)
    {
        var account = await AccountOfAsync(person);
        var logins = await users.GetLoginsAsync(account);
        var linked = logins
            .Select(login => new LinkedExternalLogin(
                login.LoginProvider,
                login.ProviderKey,
                providers.ByScheme(login.LoginProvider)?.DisplayName ?? login.ProviderDisplayName ?? login.LoginProvider))
            .ToList();
        var available = providers.All.Where(provider => linked.TrueForAll(login => login.Scheme != provider.Scheme)).ToList();
        return new ExternalLoginsView(linked, available, await HasAnotherWayToSignInAsync(account, logins.Count));
    }

    /// <summary>Links the login the person just made at a provider to their own account.</summary>
    public async Task<ExternalLoginLinkOutcome> LinkAsync(ClaimsPrincipal person, ExternalLoginInfo login)
    {
        ArgumentNullException.ThrowIfNull(login);
        var account = await AccountOfAsync(person);
        var provider = providers.ByScheme(login.LoginProvider);
        if (provider is null)
        {
            return ExternalLoginLinkOutcome.UnknownProvider;
        }

        var holder = await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey);
        if (holder is not null)
        {
            if (holder.Id == account.Id)
            {
                return ExternalLoginLinkOutcome.AlreadyLinked;
            }

            logger.LogWarning(
                "Linking {Provider} to account {UserId} refused: the provider login belongs to account {OtherUserId}",
                provider.Scheme,
                account.Id,
                holder.Id);
            return ExternalLoginLinkOutcome.LinkedToAnotherAccount;
        }

        await LinkAsync(person, account, provider, login.ProviderKey);
        return ExternalLoginLinkOutcome.Linked;
    }

    /// <summary>Removes a linked login, unless it is the only way left to sign in to the account.</summary>
    /// <returns>False when the login was the last way to sign in (or was not linked); nothing changed.</returns>
    public async Task<bool> UnlinkAsync(ClaimsPrincipal person, string scheme, string providerKey)
    {
        var account = await AccountOfAsync(person);
        var logins = await users.GetLoginsAsync(account);
        var login = logins.FirstOrDefault(l => l.LoginProvider == scheme && l.ProviderKey == providerKey);
        if (login is null || !await HasAnotherWayToSignInAsync(account, logins.Count))
        {
            return false;
        }

        var name = providers.ByScheme(scheme)?.DisplayName ?? login.ProviderDisplayName ?? scheme;
        audit.Record(db, person, AccountChanges.EntityType, account.Id, null, UnlinkedAction,
            $"{account.DisplayName} <{account.Email}> removed sign-in with {name}", new { Provider = scheme, DisplayName = name }, null);
        AccountChanges.Check(await users.RemoveLoginAsync(account, scheme, providerKey));
        logger.LogInformation("External login {Provider} removed from account {UserId}", scheme, account.Id);
        return true;
    }

    private async Task LinkAsync(ClaimsPrincipal actor, ApplicationUser account, SingleSignOnProvider provider, string providerKey)
    {
        audit.Record(db, actor, AccountChanges.EntityType, account.Id, null, LinkedAction,
            $"{account.DisplayName} <{account.Email}> linked sign-in with {provider.DisplayName}", null, new
            {
                Provider = provider.Scheme,
                provider.DisplayName,
            });
        AccountChanges.Check(await users.AddLoginAsync(account, new UserLoginInfo(provider.Scheme, providerKey, provider.DisplayName)));
        logger.LogInformation("External login {Provider} linked to account {UserId}", provider.Scheme, account.Id);
    }

    // Anonymised accounts are locked for good and their address replaced, so they never match here. A secretariat
    // administrator without an authenticator has not finished the set-up: whoever a provider signed in could enrol their
    // own authenticator and hold secretariat rights.
    private async Task<SingleSignOnRefusal?> RefusalForAsync(ApplicationUser account) =>
        !account.EmailConfirmed || await users.IsLockedOutAsync(account) ? SingleSignOnRefusal.AccountUnavailable
        : !account.TwoFactorEnabled && await users.IsInRoleAsync(account, PortalRoles.SecretariatAdmin)
            ? SingleSignOnRefusal.SetUpUnfinished
        : null;

    private async Task<bool> HasAnotherWayToSignInAsync(ApplicationUser account, int loginCount) =>
        account.PasswordHash is not null || loginCount > 1 || (await users.GetPasskeysAsync(account)).Count > 0;

    private async Task<ApplicationUser> AccountOfAsync(ClaimsPrincipal person) =>
        await users.GetUserAsync(person) ?? throw new UnauthorizedAccessException("Sign in first.");

    private SingleSignOnResolution Refuse(string provider, SingleSignOnRefusal refusal, Guid? userId)
    {
        logger.LogWarning("Single sign-on through {Provider} refused: {Refusal} (account {UserId})", provider, refusal, userId);
        return SingleSignOnResolution.Refused(refusal);
    }
}
