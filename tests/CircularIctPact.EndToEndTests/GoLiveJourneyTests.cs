using System.Net;
using CircularIctPact.EndToEndTests.Pages;
using Microsoft.Playwright;
using Npgsql;

namespace CircularIctPact.EndToEndTests;

/// <summary>What a secretariat does to go live, on the published Release build in Production and a new database.</summary>
public sealed class GoLiveJourneyTests(ReleasedPortal portal) : IClassFixture<ReleasedPortal>
{
    [Fact]
    public async Task Operator_creates_the_first_administrator_who_sets_up_access_and_finds_the_pact_s_real_content()
    {
        var (exitCode, output, errors) = await portal.RunCommandAsync(
            "admin", "create", "--email", "secretariat@pact.example.org", "--name", "Margaret Hamilton");
        Assert.True(exitCode == 0, string.Join('\n', output) + errors);
        var address = output[^1];
        Assert.StartsWith(portal.RootUri.ToString(), address, StringComparison.Ordinal);

        await portal.StartAsync();
        var page = await portal.NewPageAsync();
        var setUp = new AdministratorSetUpPage(page);
        await page.GotoAsync(address);
        await setUp.ChoosePasswordAsync("Apollo-Guidance-1969!");
        await Assertions.Expect(setUp.QrCode).ToBeVisibleAsync();
        await setUp.EnrolAuthenticatorFromShownKeyAsync();

        await Assertions.Expect(setUp.Completed).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("code.recovery-code")).ToHaveCountAsync(10);
        await page.GotoAsync("admin/signatories");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manage signatories", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync(address);
        await Assertions.Expect(page.GetByTestId("setup-unavailable")).ToBeVisibleAsync();

        await page.GotoAsync("criteria");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "LAP-LIF-01", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("signatories");
        await Assertions.Expect(page.GetByText("Belgium").First).ToBeVisibleAsync();
        using var http = new HttpClient { BaseAddress = portal.RootUri };
        using var productGroups = await http.GetAsync("api/v1/product-groups");
        var productGroupList = await productGroups.Content.ReadAsStringAsync();
        Assert.Contains("\"laptops\"", productGroupList, StringComparison.Ordinal);
        Assert.Contains("\"smartphones\"", productGroupList, StringComparison.Ordinal);
        using var laptops = await http.GetAsync("api/v1/criteria?productGroup=laptops");
        Assert.Equal(HttpStatusCode.OK, laptops.StatusCode);
        Assert.Equal(["secretariat@pact.example.org"], await AccountEmailsAsync());
    }

    private async Task<List<string>> AccountEmailsAsync()
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT email FROM users ORDER BY email", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var emails = new List<string>();
        while (await reader.ReadAsync())
        {
            emails.Add(reader.GetString(0));
        }

        return emails;
    }
}
