using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Onboarding;

/// <summary>The public application form at /join.</summary>
public sealed class JoinPage(IPage page)
{
    public ILocator Confirmation => page.GetByTestId("join-confirmation");

    public async Task OpenAsync() => await page.GotoAsync("join");

    public async Task ApplyAsync(
        string buyerGroup,
        string legalName,
        string country,
        string website,
        string contactName,
        string contactEmail)
    {
        await page.GetByLabel("Buyer group").SelectOptionAsync(new SelectOptionValue { Label = buyerGroup });
        await page.GetByLabel("Legal name").FillAsync(legalName);
        await page.GetByLabel("Sector").SelectOptionAsync(new SelectOptionValue { Label = "Education" });
        await page.GetByLabel("Country").FillAsync(country);
        await page.GetByLabel("Website").FillAsync(website);
        await page.GetByLabel("Contact name").FillAsync(contactName);
        await page.GetByLabel("Contact e-mail").FillAsync(contactEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();
    }
}

/// <summary>The coordinators' /applications page.</summary>
public sealed class ApplicationsPage(IPage page)
{
    public ILocator Status => page.GetByTestId("application-status");

    public async Task OpenAsync()
    {
        await page.GotoAsync("applications");
        await Assertions.Expect(page.Locator("[data-testid=applications-page][data-interactive=true]")).ToBeAttachedAsync();
    }

    /// <summary>Opens the application and approves it into the tier the page proposes (the peloton).</summary>
    public async Task ApproveAsync(string legalName)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Review {legalName}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("application-detail")).ToContainTextAsync(legalName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
    }
}

/// <summary>The /invitations page as a coordinator uses it.</summary>
public sealed class InvitationsPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("invitations");
        await Assertions.Expect(page.Locator("[data-testid=invitations-page][data-interactive=true]")).ToBeAttachedAsync();
    }

    public async Task InviteProcurerAsync(string name, string email, string organisationOption)
    {
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.Locator(".mud-select").Filter(new() { HasText = "Organisation" }).First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(organisationOption, new() { Exact = true }).ClickAsync();
        // The choice travels to the server over the circuit; send only once the select shows it and has closed.
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Organisation" })).ToContainTextAsync(organisationOption);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("invitations-table")).ToContainTextAsync(email);
    }
}

/// <summary>The invitee's /invitation/accept page.</summary>
public sealed class AcceptInvitationPage(IPage page)
{
    public async Task AcceptAsync(string link, string displayName, string password)
    {
        await page.GotoAsync(link);
        await page.GetByLabel("Display name").FillAsync(displayName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
    }
}
