using System.Security.Claims;
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
}

/// <summary>
/// What a provider's sign-in leads to: the account to sign in (and whether the provider did a multi-factor sign-in),
/// or a refusal; with <see cref="SingleSignOnRefusal.PendingInvitation"/>, the invitation the person may accept.
/// </summary>
public sealed record SingleSignOnResolution(Guid? UserId, bool MultiFactorAsserted, SingleSignOnRefusal? Refusal, InvitationView? Invitation = null)
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
public sealed record ExternalLoginsView(IReadOnlyList<LinkedExternalLogin> Linked, IReadOnlyList<SingleSignOnProvider> Available, bool CanUnlink);

/// <summary>
/// Ties organisation sign-ins to existing portal accounts. Single sign-on alone never creates an account: a first
/// sign-in links the provider login to the active account with the address the provider verified; later
/// sign-ins find the account by that link; a person invited at that address accepts the invitation. Links and unlinks are audited as changes to the account ("User").
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

    /// <summary>Finds (and on a first sign-in links) the account for a provider's sign-in, or says why there is none.</summary>
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
            return await IsActiveAsync(linked)
                ? new SingleSignOnResolution(linked.Id, multiFactor, null)
                : Refuse(provider.Scheme, SingleSignOnRefusal.AccountUnavailable, linked.Id);
        }

        var email = provider.VerifiedEmail(login.Principal);
        if (email is null)
        {
            return Refuse(provider.Scheme, SingleSignOnRefusal.EmailNotVerified, null);
        }

        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            if (await invitations.DescribePendingForAsync(email, cancellationToken) is { } invitation)
            {
                logger.LogInformation("Single sign-on through {Provider}: no account yet for {Email}, offering its pending invitation", provider.Scheme, email);
                return new SingleSignOnResolution(null, false, SingleSignOnRefusal.PendingInvitation, invitation);
            }

            logger.LogWarning("Single sign-on through {Provider} refused: no account for {Email}", provider.Scheme, email);
            return SingleSignOnResolution.Refused(SingleSignOnRefusal.NoAccount);
        }

        if (!await IsActiveAsync(account))
        {
            return Refuse(provider.Scheme, SingleSignOnRefusal.AccountUnavailable, account.Id);
        }

        var self = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()), new Claim(PortalClaims.DisplayName, account.DisplayName)], "SingleSignOn"));
        await LinkAsync(self, account, provider, login.ProviderKey);
        return new SingleSignOnResolution(account.Id, multiFactor, null);
    }

    /// <summary>
    /// Accepts the invitation waiting for the address the provider verified, as its mailed link would, with the provider
    /// login linked instead of a password. The address comes from the provider, never from the form.
    /// </summary>
    /// <exception cref="FieldErrorsException">The display name is not acceptable; nothing was created.</exception>
    /// <exception cref="InvitationUnavailableException">No invitation is waiting for the address (any more); nothing was created.</exception>
    public async Task<ApplicationUser> AcceptInvitationAsync(ExternalLoginInfo login, string? displayName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        var provider = providers.ByScheme(login.LoginProvider);
        var email = provider?.VerifiedEmail(login.Principal);
        if (provider is null || email is null)
        {
            throw new InvitationUnavailableException(InvitationLinkState.Unknown);
        }

        return await invitations.AcceptForVerifiedEmailAsync(email, displayName, new UserLoginInfo(provider.Scheme, login.ProviderKey, provider.DisplayName), cancellationToken);
    }

    /// <summary>The signed-in person's linked logins and the providers they can still link.</summary>
    public async Task<ExternalLoginsView> DescribeAsync(ClaimsPrincipal person)
    {
        var account = await AccountOfAsync(person);
        var logins = await users.GetLoginsAsync(account);
        var linked = logins
            .Select(login => new LinkedExternalLogin(login.LoginProvider, login.ProviderKey, providers.ByScheme(login.LoginProvider)?.DisplayName ?? login.ProviderDisplayName ?? login.LoginProvider))
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

            logger.LogWarning("Linking {Provider} to account {UserId} refused: the provider login belongs to account {OtherUserId}", provider.Scheme, account.Id, holder.Id);
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
            $"{account.DisplayName} <{account.Email}> linked sign-in with {provider.DisplayName}", null, new { Provider = provider.Scheme, provider.DisplayName });
        AccountChanges.Check(await users.AddLoginAsync(account, new UserLoginInfo(provider.Scheme, providerKey, provider.DisplayName)));
        logger.LogInformation("External login {Provider} linked to account {UserId}", provider.Scheme, account.Id);
    }

    // Anonymised accounts are locked for good and their address replaced, so they never match here.
    private async Task<bool> IsActiveAsync(ApplicationUser account) =>
        account.EmailConfirmed && !await users.IsLockedOutAsync(account);

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
