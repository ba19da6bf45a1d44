using System.Net;
using System.Text.RegularExpressions;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Privacy;

/// <summary>
/// The personal-data download is the person's own data: every other person's address in it is masked, and only a form post
/// of the portal's own page (antiforgery token) gets it.
/// </summary>
public sealed partial class PersonalDataDownloadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(DemoAccounts.CoordinatorNetherlands)]
    [InlineData(DemoAccounts.Admin)]
    [InlineData(DemoAccounts.Chair)]
    [InlineData(DemoAccounts.Procurer)]
    public async Task Download_holds_the_persons_own_address_and_no_other_persons_address(string email)
    {
        using var client = NewClient();
        await FormSignIn.SignInAsync(client, email, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);

        var response = await FormSignIn.PostFormAsync(
            client, "/Account/Manage/PersonalData", string.Empty, new Dictionary<string, string>(), "/Account/Manage/DownloadPersonalData");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(email, json, StringComparison.Ordinal);
        var others = Addresses().Matches(json).Select(match => match.Value)
            .Where(address => !string.Equals(address, email, StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();
        Assert.True(others.Count == 0, $"The download of {email} holds other people's addresses: {string.Join(", ", others)}");
    }

    [Fact]
    public async Task Coordinators_download_leaves_out_the_people_their_audit_entries_name()
    {
        await using (var db = portal.CreateDbContext())
        {
            var coordinator = await db.Users.SingleAsync(user => user.Email == DemoAccounts.CoordinatorNetherlands);
            db.AuditEntries.Add(new AuditEntry(
                DateTimeOffset.UtcNow, coordinator.Id, coordinator.DisplayName, "Invitation", Guid.NewGuid(), null, "Invited",
                "Pieter Bakker <pieter.bakker@gemeente.example> invited as procurer", null,
                """{"Contacts":[{"Name":"Pieter Bakker","Email":"pieter.bakker@gemeente.example"}]}"""));
            await db.SaveChangesAsync();
        }

        using var client = NewClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.CoordinatorNetherlands);
        var response = await FormSignIn.PostFormAsync(
            client, "/Account/Manage/PersonalData", string.Empty, new Dictionary<string, string>(), "/Account/Manage/DownloadPersonalData");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"Invited\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("pieter.bakker", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Pieter Bakker", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_is_not_served_to_a_get_or_to_a_post_without_the_pages_antiforgery_token()
    {
        using var client = NewClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.CoordinatorNetherlands);

        using var get = await client.GetAsync("/Account/Manage/DownloadPersonalData");
        using var post = await client.PostAsync("/Account/Manage/DownloadPersonalData", new FormUrlEncodedContent([]));

        foreach (var response in new[] { get, post })
        {
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(DemoAccounts.CoordinatorNetherlands, body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    private HttpClient NewClient() => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    // An address with a whole name before the @; a masked one ("j…@gemeente.example") keeps only its first letter.
    [GeneratedRegex(@"[\p{L}\p{N}._%+-]{2,}@[\p{L}\p{N}.-]+\.[\p{L}]{2,}")]
    private static partial Regex Addresses();
}
