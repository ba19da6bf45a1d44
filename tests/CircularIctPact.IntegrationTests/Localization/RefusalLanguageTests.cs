using System.Net;
using System.Text.Json;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Localization;

/// <summary>
/// A person who is refused, or who asks for something that does not exist, reads why in their own language, while the API
/// keeps answering machine clients in English.
/// </summary>
public sealed class RefusalLanguageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Dutch_member_opening_a_discussion_space_not_open_to_them_reads_why_in_Dutch()
    {
        var client = await SignedInAsync(DemoAccounts.Procurer);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/discussions/no-such-space?culture=nl"));

        Assert.Contains("Deze discussieruimte bestaat niet of staat niet voor u open.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("There is no such discussion space", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task German_member_opening_the_workspace_of_a_working_group_that_does_not_exist_reads_it_in_German()
    {
        var client = await SignedInAsync(DemoAccounts.Chair);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/working-groups/{Guid.NewGuid()}/workspace?culture=de"));

        Assert.Contains("Diese Arbeitsgruppe existiert nicht.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("This working group does not exist.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Criteria_API_keeps_answering_a_missing_product_group_in_English()
    {
        var response = await portal.CreateClient().GetAsync("/api/v1/criteria?productGroup=typewriters&culture=nl");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no product group 'typewriters'.", problem.RootElement.GetProperty("detail").GetString());
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(client, email);
        return client;
    }
}
