using System.Net;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Security;

public sealed class SecretariatPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/admin/signatories", "Manage signatories" },
        { "/admin/buyer-groups", "Manage buyer groups" },
        { "/admin/users", "Invite a person" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Secretariat_admin_with_two_factors_opens_the_page(string path, string text)
    {
        var client = NewClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.Admin, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buyer_group_detail_page_opens_for_the_secretariat()
    {
        await using var db = portal.CreateDbContext();
        var id = await db.BuyerGroups.Where(g => g.Name == DemoDataSeeder.DutchBuyerGroup).Select(g => g.Id).SingleAsync();
        var client = NewClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.Admin, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);

        var html = await client.GetStringAsync($"/admin/buyer-groups/{id}");

        Assert.Contains(DemoDataSeeder.DutchBuyerGroup, html, StringComparison.Ordinal);
        Assert.Contains("Leading group", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/signatories")]
    [InlineData("/admin/buyer-groups")]
    [InlineData("/admin/users")]
    public async Task Coordinator_is_denied_and_anonymous_is_sent_to_sign_in(string path)
    {
        var coordinator = NewClient();
        await FormSignIn.SignInAsync(coordinator, DemoAccounts.CoordinatorNetherlands);

        var denied = await coordinator.GetAsync(path);
        var anonymous = await NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private HttpClient NewClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
