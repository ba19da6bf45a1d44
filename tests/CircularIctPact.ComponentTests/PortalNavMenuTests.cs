using Bunit;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Components.Layout;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.ComponentTests;

public sealed class PortalNavMenuTests : PortalComponentTest
{
    [Fact]
    public void Anonymous_visitor_sees_only_public_entries()
    {
        AddAuthorization().SetNotAuthorized();

        var links = NavLinks();

        Assert.Contains("Home", links);
        Assert.Contains("Signatories", links);
        Assert.DoesNotContain("My organisation", links);
        Assert.DoesNotContain("Account", links);
    }

    [Fact]
    public void Procurer_sees_their_organisation_but_no_secretariat_entries()
    {
        AddAuthorization().SetAuthorized("procurer@cfit.example").SetRoles(PortalRoles.Procurer);

        var links = NavLinks();

        Assert.Contains("My organisation", links);
        Assert.Contains("Account", links);
        Assert.DoesNotContain(links, link => SecretariatEntries.Contains(link));
    }

    [Fact]
    public void Coordinator_does_not_see_procurer_or_secretariat_entries()
    {
        AddAuthorization().SetAuthorized("coordinator@cfit.example").SetRoles(PortalRoles.BuyerGroupCoordinator);

        var links = NavLinks();

        Assert.DoesNotContain("My organisation", links);
        Assert.DoesNotContain(links, link => SecretariatEntries.Contains(link));
        Assert.All(CoordinatorEntries, entry => Assert.Contains(entry, links));
    }

    [Fact]
    public void Secretariat_admin_sees_secretariat_entries_only_with_two_factor_sign_in()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("admin@cfit.example").SetRoles(PortalRoles.SecretariatAdmin);
        Assert.DoesNotContain(NavLinks(), link => SecretariatEntries.Contains(link));

        authorization.SetClaims(new System.Security.Claims.Claim(PortalClaims.TwoFactorEnabled, "true"));
        Assert.All(SecretariatEntries, entry => Assert.Contains(entry, NavLinks()));
    }

    [Fact]
    public void Entries_are_shown_in_the_chosen_language()
    {
        AddAuthorization().SetAuthorized("procurer@cfit.example").SetRoles(PortalRoles.Procurer);
        var original = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("nl");

            var links = NavLinks();

            Assert.Contains("Mijn organisatie", links);
            Assert.Contains("Ondertekenaars", links);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = original;
        }
    }

    [Theory]
    [InlineData("criteria", "Criteria", "page")]
    [InlineData("criteria/shortlist?lang=nl", "Criteria", "true")]
    [InlineData("", "Home", "page")]
    [InlineData("?culture=de", "Home", "page")]
    public void The_entry_of_the_page_shown_or_of_its_section_is_marked_as_current(
        string address,
        string expectedCurrent,
        string ariaCurrent)
    {
        AddAuthorization().SetNotAuthorized();
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);

        var current = Render<PortalNavMenu>().FindAll("a.active");

        var entry = Assert.Single(current);
        Assert.Equal(expectedCurrent, entry.TextContent.Trim());
        Assert.Equal(ariaCurrent, entry.GetAttribute("aria-current"));
    }

    [Fact]
    public void A_coordinator_on_a_page_of_their_own_sees_only_that_entry_as_the_current_page()
    {
        AddAuthorization().SetAuthorized("coordinator@cfit.example").SetRoles(PortalRoles.BuyerGroupCoordinator);
        Services.GetRequiredService<NavigationManager>().NavigateTo("good-practices/review");

        var menu = Render<PortalNavMenu>();

        var page = Assert.Single(menu.FindAll("a[aria-current=page]"));
        Assert.Equal("Review good practices", page.TextContent.Trim());
        Assert.Equal("Good practices", Assert.Single(menu.FindAll("a[aria-current=true]")).TextContent.Trim());
    }

    [Fact]
    public void An_entry_is_not_current_on_a_page_whose_address_merely_starts_with_the_same_letters()
    {
        AddAuthorization().SetNotAuthorized();
        Services.GetRequiredService<NavigationManager>().NavigateTo("events-archive");

        Assert.Empty(Render<PortalNavMenu>().FindAll("a.active, a[aria-current]"));
    }

    private static IEnumerable<string> SecretariatEntries =>
        NavigationCatalog.Entries.Where(e => e.Audience == PortalAudience.Secretariat).Select(e => e.Title);

    private static IEnumerable<string> CoordinatorEntries =>
        NavigationCatalog.Entries.Where(e => e.Audience == PortalAudience.Coordinator).Select(e => e.Title);

    private List<string> NavLinks() =>
        [.. Render<PortalNavMenu>().FindAll("a").Select(anchor => anchor.TextContent.Trim())];
}
