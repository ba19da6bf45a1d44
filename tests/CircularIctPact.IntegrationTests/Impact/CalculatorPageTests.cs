using System.Net;
using AngleSharp.Html.Parser;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Calculator;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Impact;

public sealed class CalculatorPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // Two scenarios: €1,000 for 4 years (TCO 1,000 + 4 × 25 + 10 − 100 = 1,010) and €1,000 for 6 years with a €120 battery (1,280).
    private const string TwoScenarios =
        "type=laptop&n=2&EnergyPricePerKwh=0.25&GridKgCo2ePerKwh=0.25&DiscountRatePercent=0" +
        "&s0.Name=Four%20years&s0.PurchasePrice=1000&s0.YearsOfUse=4&s0.EnergyKwhPerYear=20&s0.MaintenancePerYear=20" +
        "&s0.PartReplacementCost=0&s0.PartReplacementYear=&s0.RefurbishmentCost=0&s0.ResidualValue=100&s0.EndOfLifeCost=10" +
        "&s0.EmbodiedKgCo2e=250" +
        "&s1.Name=Six%20years&s1.PurchasePrice=1000&s1.YearsOfUse=6&s1.EnergyKwhPerYear=20&s1.MaintenancePerYear=20" +
        "&s1.PartReplacementCost=120&s1.PartReplacementYear=3&s1.RefurbishmentCost=0&s1.ResidualValue=0&s1.EndOfLifeCost=10" +
        "&s1.EmbodiedKgCo2e=250";

    [Fact]
    public async Task A_shared_link_renders_the_results_on_the_server_read_only_for_anyone()
    {
        var html = await portal.CreateClient().GetStringAsync(new Uri($"/calculator?{TwoScenarios}&view=1&culture=en", UriKind.Relative));

        Assert.Contains("data-testid=\"calculator-results\"", html, StringComparison.Ordinal);
        Assert.Contains("1,010.00", html, StringComparison.Ordinal);
        Assert.Contains("1,280.00", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"calculator-form\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "4 jaar", "25 kWh per jaar", "0,25 kg CO2e per kWh", "€ 0,25 per kWh", "€ 1.000", "€ 20 per jaar")]
    [InlineData("de", "4 Jahre", "25 kWh pro Jahr", "0,25 kg CO2e pro kWh", "0,25 € pro kWh", "1.000 €", "20 € pro Jahr")]
    [InlineData("en", "4 years", "25 kWh per year", "0.25 kg CO2e per kWh", "€0.25 per kWh", "€1,000", "€20 per year")]
    public async Task The_defaults_write_their_units_and_amounts_the_way_the_interface_language_does(
        string culture, params string[] figures)
    {
        var html = await portal.CreateClient().GetStringAsync(new Uri($"/calculator?culture={culture}", UriKind.Relative));
        using var page = new HtmlParser().ParseDocument(html);
        var defaults = page.QuerySelectorAll("[data-testid=default-sources] td").Select(cell => cell.TextContent.Trim()).ToList();

        Assert.All(figures, figure => Assert.Contains(figure, defaults));
        Assert.DoesNotContain(defaults, cell => cell.EndsWith("kWh/year", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Zero_years_of_use_shows_a_message_next_to_the_field_and_no_results()
    {
        var zeroYears = TwoScenarios.Replace("s1.YearsOfUse=6", "s1.YearsOfUse=0", StringComparison.Ordinal)
            .Replace("s1.PartReplacementYear=3", "s1.PartReplacementYear=", StringComparison.Ordinal)
            .Replace("s1.PartReplacementCost=120", "s1.PartReplacementCost=0", StringComparison.Ordinal);
        var html = await portal.CreateClient().GetStringAsync(new Uri($"/calculator?{zeroYears}&culture=en", UriKind.Relative));

        Assert.Contains("id=\"e-s1-YearsOfUse\"", html, StringComparison.Ordinal);
        Assert.Contains("Years of use must be at least 1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"calculator-results\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_holds_one_row_per_scenario()
    {
        var response = await portal.CreateClient().GetAsync(new Uri($"/calculator/export.csv?{TwoScenarios}&culture=en", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Four years,4,1010.00,252.50,250.00,5.00,270.00,67.50,0.00", csv, StringComparison.Ordinal);
        Assert.Contains("Six years,6,1280.00,213.33", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_save_comes_back_with_the_typed_name_and_the_message_beside_it()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);
        var tooLong = "Laptops for the schools of Rivierstad " + new string('x', 100);

        var refused = await FormSignIn.PostFormAsync(
            client,
            $"/calculator?{TwoScenarios}&culture=en",
            "save",
            new Dictionary<string, string> { ["query"] = TwoScenarios, ["name"] = tooLong },
            action: "/calculator/saved");
        var page = await client.GetStringAsync(refused.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Matches(
            $"value=\"{tooLong}\" aria-invalid=\"true\" aria-describedby=\"e-save-name\"[^>]*/><div id=\"e-save-name\" "
                + "class=\"validation-message\" role=\"alert\" data-testid=\"field-error\"[^>]*>Name can be at most 120 characters.</div>",
            page);
    }

    [Fact]
    public async Task Saved_calculations_belong_to_their_owner_only()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);

        var id = await portal.WithServiceAsync<SavedCalculations, Guid>(s => s.SaveAsync("Laptop tender 2026", TwoScenarios, procurer));
        var again = await portal.WithServiceAsync<SavedCalculations, Guid>(
            s => s.SaveAsync("Laptop tender 2026", TwoScenarios + "&x=1", procurer));
        var mine = await portal.WithServiceAsync<SavedCalculations, IReadOnlyList<SavedCalculationSummary>>(s => s.ListAsync(procurer));
        var theirs =
            await portal.WithServiceAsync<SavedCalculations, IReadOnlyList<SavedCalculationSummary>>(s => s.ListAsync(coordinator));

        Assert.Equal(id, again);
        Assert.EndsWith("&x=1", Assert.Single(mine, c => c.Id == id).Query, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, c => c.Id == id);
        await Assert.ThrowsAsync<NotFoundException>(() => portal.WithServiceAsync<SavedCalculations>(s => s.DeleteAsync(id, coordinator)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<SavedCalculations, Guid>(s => s.SaveAsync("x", TwoScenarios, PortalFactoryExtensions.Anonymous)));
    }
}
