using System.Net;
using CircularIctPact.Infrastructure.Seeding;

namespace CircularIctPact.Bench;

/// <summary>
/// Two portal instances sharing one database: a sign-in on A is valid on B, a form token issued by A is accepted
/// by B, and through nginx a signed-in page and a Blazor circuit (WebSocket upgrade) work.
/// </summary>
internal static class InstancesCheck
{
    public static async Task<int> RunAsync(Uri proxy, Uri instanceA, Uri instanceB)
    {
        var failures = 0;

        // Cookies are per host, not per port: one container carries A's cookies to B, as a shared domain would.
        using var session = await PortalSession.SignInAsync(instanceA, DemoAccounts.CoordinatorNetherlands);
        var carryingCookiesOfA = new HttpClientHandler { CookieContainer = session.Cookies, AllowAutoRedirect = false };
        using var onB = new HttpClient(carryingCookiesOfA) { BaseAddress = instanceB };
        failures += Check("signed in on A, /members on B answers 200", (await onB.GetAsync("members")).StatusCode == HttpStatusCode.OK);

        var tokenFromA = PortalSession.AntiforgeryTokenOn(await session.Client.GetStringAsync("criteria"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "nl",
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = tokenFromA,
        });
        var posted = await onB.PostAsync("preferences/culture", form);
        failures += Check("form token issued by A accepted by B (POST /preferences/culture)", posted.StatusCode == HttpStatusCode.Redirect);

        using var viaProxy = await PortalSession.SignInAsync(proxy, DemoAccounts.CoordinatorNetherlands);
        failures += Check(
            "signed in through nginx, /members answers 200", (await viaProxy.Client.GetAsync("members")).StatusCode == HttpStatusCode.OK);
        await using (var circuits = await CircuitLoad.OpenAsync(proxy, viaProxy.Cookies, "members", 1, Console.Out))
        {
            failures += Check("interactive circuit over nginx's WebSocket upgrade", circuits.Open == 1);
        }

        Console.WriteLine(
            failures == 0
                ? "PASS: both instances accept each other's cookies and form tokens; nginx carries Blazor's WebSocket."
                : $"FAIL: {failures} check(s) failed");
        return failures == 0 ? 0 : 1;
    }

    private static int Check(string what, bool passed)
    {
        Console.WriteLine($"{(passed ? "ok  " : "FAIL")} {what}");
        return passed ? 0 : 1;
    }
}
