using System.Collections.Concurrent;
using System.Security.Claims;
using CircularIctPact.Domain.Events;
using CircularIctPact.Infrastructure.Mail;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.Events;
using CircularIctPact.Web.Features.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>
/// An interactive page is rendered twice per visit, once while prerendering and once when its circuit starts; the state it
/// persists (decision record 0013) lets the second render reuse what the first one read instead of reading it again.
/// </summary>
public sealed class PrerenderedStateTests(CountingEventsPortal portal) : IClassFixture<CountingEventsPortal>
{
    private static readonly EventDetails Clinic = new(
        "Battery clinic for school laptops", "We swap the batteries of three laptops together.", EventKind.Meeting,
        new DateTimeOffset(2027, 6, 3, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 6, 3, 14, 0, 0, TimeSpan.Zero),
        "Europe/Amsterdam", null, "Rivierstad town hall", 20, EventAudience.Public);

    [Fact]
    public async Task The_event_editor_reads_the_event_once_per_visit_though_it_renders_before_and_after_its_circuit_starts()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var scopes = await portal.WithServiceAsync<PactEvents, IReadOnlyList<OrganiserScope>>(e => e.OrganiserScopesAsync(coordinator));
        var scope = scopes.Single().Value;
        var id = await portal.WithServiceAsync<PactEvents, Guid>(e => e.CreateAsync(Clinic, scope, coordinator));
        var page = await portal.NewPageSignedInAsAsync(DemoAccounts.CoordinatorNetherlands);

        await page.GotoAsync($"events/{id}/edit");

        await Assertions.Expect(page.GetByTestId("event-form")).ToHaveAttributeAsync("data-interactive", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Title" })).ToHaveValueAsync(Clinic.Title);
        Assert.Equal(1, portal.Reads.EventReads(id));
    }

    [Fact]
    public async Task The_new_event_form_reads_the_organisers_scopes_once_per_visit()
    {
        var page = await portal.NewPageSignedInAsAsync(DemoAccounts.Chair);
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        var before = portal.Reads.ScopeReads(chair);

        await page.GotoAsync("events/new");

        await Assertions.Expect(page.GetByTestId("event-form")).ToHaveAttributeAsync("data-interactive", "true");
        await Assertions.Expect(page.GetByTestId("event-scope")).ToBeVisibleAsync();
        Assert.Equal(before + 1, portal.Reads.ScopeReads(chair));
    }

    /// <summary>
    /// Persisted state rides in the message that starts the circuit; past SignalR's 32 KB the circuit closes at once and
    /// the page never becomes interactive, with nothing in the server log. The pages that persist state keep it smaller.
    /// </summary>
    [Theory]
    [InlineData("demand", DemoAccounts.Admin, "[data-testid=demand-filters]")]
    [InlineData("demand", DemoAccounts.CoordinatorNetherlands, "[data-testid=demand-filters]")]
    [InlineData("impact", DemoAccounts.Admin, "[data-testid=impact-filters]")]
    [InlineData("impact", DemoAccounts.CoordinatorNetherlands, "[data-testid=impact-filters]")]
    [InlineData("notifications/settings", DemoAccounts.Chair, "[data-testid=settings-page]")]
    [InlineData("admin/market-signal", DemoAccounts.Admin, "[data-interactive]")]
    public async Task A_page_that_keeps_its_prerendered_state_still_starts_its_circuit(string path, string account, string marker)
    {
        var page = await portal.NewPageSignedInAsAsync(account);

        await page.GotoAsync(path);

        await Assertions.Expect(page.Locator(marker)).ToHaveAttributeAsync("data-interactive", "true");
    }
}

/// <summary>The browser portal with an event service that counts the event editor's reads per event and per organiser.</summary>
public sealed class CountingEventsPortal : BrowserPortal
{
    public EventServiceReads Reads { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Reads);
            services.AddScoped<PactEvents, CountingPactEvents>();
        });
    }
}

/// <summary>How often the event service read one event, or one person's organiser scopes.</summary>
public sealed class EventServiceReads
{
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);

    public int EventReads(Guid id) => _reads.GetValueOrDefault($"event {id}");

    public int ScopeReads(ClaimsPrincipal user) => _reads.GetValueOrDefault($"scopes {user.FindFirstValue(ClaimTypes.NameIdentifier)}");

    internal void Count(string what) => _reads.AddOrUpdate(what, 1, (_, count) => count + 1);
}

/// <summary>The real event service, counting the two reads the event editor makes when it opens.</summary>
internal sealed class CountingPactEvents(
    IDbContextFactory<PortalDbContext> contextFactory,
    DocumentUploads uploads,
    IMailSender mail,
    INotificationPublisher notifications,
    AuditTrail audit,
    TimeProvider clock,
    EventServiceReads reads) : PactEvents(contextFactory, uploads, mail, notifications, audit, clock)
{
    public override Task<EventView> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        reads.Count($"event {id}");
        return base.GetAsync(id, user, cancellationToken);
    }

    public override Task<IReadOnlyList<OrganiserScope>> OrganiserScopesAsync(
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        reads.Count($"scopes {user.FindFirstValue(ClaimTypes.NameIdentifier)}");
        return base.OrganiserScopesAsync(user, cancellationToken);
    }
}
