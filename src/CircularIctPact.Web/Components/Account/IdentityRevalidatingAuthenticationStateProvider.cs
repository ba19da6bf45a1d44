using CircularIctPact.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// Compares the sign-in of an interactive circuit with the account every <see cref="SessionRevalidationOptions.Seconds"/>;
/// once the account's security or rights stamp differs, the circuit's user becomes anonymous, <see cref="HasLapsed"/>
/// turns true (<see cref="LapsedSignInGate"/> then lets nothing from the browser in) and the page reloads
/// (<see cref="Shared.ReloadWhenSignInLapses"/>), so the server authorises it again with the current cookie.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        SignInStamps stamps,
        IOptions<SessionRevalidationOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>True once a revalidation found the sign-in changed or could not tell.</summary>
    public bool HasLapsed { get; private set; }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(options.Value.Seconds);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var holds = false;
        try
        {
            holds = await stamps.CheckAsync(authenticationState.User, cancellationToken) == SignInStanding.Current;
            return holds;
        }
        finally
        {
            // A failed check ends the sign-in of the circuit too (the base class signs it out): an unanswered question
            // about someone's rights is no reason to keep acting on them.
            HasLapsed = !holds;
        }
    }
}
