using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// Lets no event, interop answer or navigation from the browser into a circuit whose sign-in has lapsed: a page that
/// kept the person's principal or data from its first render cannot act on it any more, even if the browser ignores
/// the reload it is sent.
/// </summary>
internal sealed class LapsedSignInGate(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) =>
        context => authentication is IdentityRevalidatingAuthenticationStateProvider { HasLapsed: true }
            ? Task.CompletedTask
            : next(context);
}
