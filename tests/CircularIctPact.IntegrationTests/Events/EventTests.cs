using System.Globalization;
using System.Net;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Events;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Events;

/// <summary>Events, registration up to capacity with a waiting list, and who sees members-only events.</summary>
public sealed class EventTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_full_event_puts_people_on_the_waiting_list_and_a_cancellation_promotes_the_first_with_a_mail()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        var fourth = await PersonAsync("late.comer@events.example", PortalRoles.Procurer);
        var id = await Events(e => e.CreateAsync(Details("Small session", capacity: 2), PactEvents.PactScope, admin));

        Assert.Equal(RegistrationStatus.Registered, await Events(e => e.RegisterAsync(id, procurer)));
        Assert.Equal(RegistrationStatus.Registered, await Events(e => e.RegisterAsync(id, coordinator)));
        Assert.Equal(RegistrationStatus.Waiting, await Events(e => e.RegisterAsync(id, chair)));
        Assert.Equal(RegistrationStatus.Waiting, await Events(e => e.RegisterAsync(id, fourth)));
        await Assert.ThrowsAsync<DomainException>(() => Events(e => e.RegisterAsync(id, chair)));

        var full = await Events(e => e.GetAsync(id, fourth));
        Assert.Equal(2, full.SeatsTaken);
        Assert.Equal(2, full.MyWaitingPosition);
        Assert.False(full.CanManage);
        Assert.Empty(full.Registrations);

        await Events(e => e.CancelAsync(id, procurer));

        var chairView = await Events(e => e.GetAsync(id, chair));
        Assert.Equal(RegistrationStatus.Registered, chairView.MyStatus);
        Assert.Equal(1, (await Events(e => e.GetAsync(id, fourth))).MyWaitingPosition);
        var mail = Assert.Single(portal.To(DemoAccounts.Chair));
        Assert.Contains("Small session", mail.Subject, StringComparison.Ordinal);
        var organiserView = await Events(e => e.GetAsync(id, admin));
        Assert.Equal(["Joost Bakker", "Lars Nilsen", "Kim Laat"], organiserView.Registrations.Select(r => r.Name));
        Assert.Equal(2, organiserView.SeatsTaken);
    }

    [Fact]
    public async Task Two_people_taking_the_last_seat_at_once_never_overbook_it()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var people = new List<ClaimsPrincipal>();
        for (var i = 0; i < 6; i++)
        {
            people.Add(await PersonAsync($"racer{i}@events.example", PortalRoles.Procurer));
        }

        var id = await Events(e => e.CreateAsync(Details("Last seat", capacity: 1), PactEvents.PactScope, admin));

        var outcomes = await Task.WhenAll(people.Select(person => Task.Run(() => Events(e => e.RegisterAsync(id, person)))));

        Assert.Single(outcomes, o => o == RegistrationStatus.Registered);
        Assert.Equal(5, outcomes.Count(o => o == RegistrationStatus.Waiting));
        var view = await Events(e => e.GetAsync(id, admin));
        Assert.Equal(1, view.SeatsTaken);
        Assert.Equal(
            [1, 2, 3, 4, 5],
            view.Registrations.Where(r => r.Status == RegistrationStatus.Waiting).Select(r => r.WaitingPosition ?? 0));
    }

    [Fact]
    public async Task Members_only_events_are_hidden_from_anonymous_visitors_and_stakeholders_in_list_page_and_calendar_file()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var stakeholder = await PersonAsync("market.party@events.example", PortalRoles.Stakeholder);
        var members = (await Events(e => e.ListAsync(procurer))).Upcoming.Single(e => e.Title == EventDemoData.MembersWebinar);

        foreach (var outsider in new[] { PortalFactoryExtensions.Anonymous, stakeholder })
        {
            var list = await Events(e => e.ListAsync(outsider));
            Assert.DoesNotContain(list.Upcoming.Concat(list.Past), e => e.Audience == EventAudience.MembersOnly);
            Assert.Contains(list.Upcoming, e => e.Title == EventDemoData.PublicSession);
            await Assert.ThrowsAsync<NotFoundException>(() => Events(e => e.GetAsync(members.Id, outsider)));
        }

        await Assert.ThrowsAsync<NotFoundException>(() => Events(e => e.RegisterAsync(members.Id, stakeholder)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Events(e => e.RegisterAsync(members.Id, PortalFactoryExtensions.Anonymous)));

        using var client = portal.CreateClient();
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.GetAsync(new Uri($"/events/{members.Id}/calendar.ics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/events/{members.Id}", UriKind.Relative))).StatusCode);
        var listPage = await client.GetStringAsync(new Uri("/events", UriKind.Relative));
        Assert.DoesNotContain("replaceable batteries from February 2027", listPage, StringComparison.Ordinal);
        Assert.Contains(EventDemoData.PublicSession, listPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_file_gives_the_start_in_the_events_own_time_zone()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var start = EventTimeZones.InZone(new DateTime(2027, 3, 30, 14, 0, 0), "Europe/Amsterdam");
        var id = await Events(e => e.CreateAsync(Details("Spring session; with, commas", start: start), PactEvents.PactScope, admin));

        using var client = portal.CreateClient();
        var response = await client.GetAsync(new Uri($"/events/{id}/calendar.ics", UriKind.Relative));
        var ics = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20270330T140000\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Amsterdam:20270330T153000\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Amsterdam", ics, StringComparison.Ordinal);
        Assert.Contains("TZOFFSETTO:+0200", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Spring session\\; with\\, commas", ics, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_event_page_shows_its_date_day_first_and_the_dutch_page_is_unchanged()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var start = EventTimeZones.InZone(new DateTime(2027, 3, 30, 14, 0, 0), "Europe/Amsterdam");
        var id = await Events(e => e.CreateAsync(Details("Spring repair café", start: start), PactEvents.PactScope, admin));

        var english = await PageTextAsync($"/events/{id}?culture=en");
        var dutch = await PageTextAsync($"/events/{id}?culture=nl");

        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("30 March 2027 14:00", english, StringComparison.Ordinal);
        Assert.DoesNotContain("March 30", english, StringComparison.Ordinal);
        Assert.Contains("30 maart 2027 14:00", dutch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_short_dates_are_day_first_and_dutch_short_dates_keep_their_own_form()
    {
        await using var db = portal.CreateDbContext();
        var published = await db.WorkingGroupOutcomes.Where(o => o.PublishedAt != null && o.Visibility == OutcomeVisibility.Public)
            .Select(o => o.PublishedAt!.Value).FirstAsync();

        var english = await PageTextAsync("/working-groups?culture=en");
        var dutch = await PageTextAsync("/working-groups?culture=nl");

        var day = published.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);
        Assert.Contains(day, english, StringComparison.Ordinal);
        Assert.DoesNotContain(published.ToString("M'/'d'/'yyyy", CultureInfo.InvariantCulture), english, StringComparison.Ordinal);
        Assert.Contains(published.ToString("d-M-yyyy", CultureInfo.InvariantCulture), dutch, StringComparison.Ordinal);
    }

    private async Task<string> PageTextAsync(string path)
    {
        using var client = portal.CreateClient();
        return WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
    }

    [Fact]
    public async Task Dates_must_be_in_order_capacity_at_least_one_and_only_organisers_create_events_for_their_own_scope()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var start = DateTimeOffset.UtcNow.AddDays(10);

        var backwards = await Assert.ThrowsAsync<DomainException>(() => Events(
            e => e.CreateAsync(Details("Backwards", start: start) with { EndsAt = start.AddHours(-1) }, PactEvents.PactScope, admin)));
        Assert.Equal(PactEventFields.EndsAt, backwards.Field);
        var empty = await Assert.ThrowsAsync<DomainException>(
            () => Events(e => e.CreateAsync(Details("No seats", capacity: 0), PactEvents.PactScope, admin)));
        Assert.Equal(PactEventFields.Capacity, empty.Field);
        await Assert.ThrowsAsync<ForbiddenException>(
            () => Events(e => e.CreateAsync(Details("Procurer event"), PactEvents.PactScope, procurer)));
        var scopes = await Events(e => e.OrganiserScopesAsync(coordinator));
        var own = Assert.Single(scopes);
        Assert.Equal(DemoDataSeeder.DutchBuyerGroup, own.Name);
        await Assert.ThrowsAsync<DomainException>(
            () => Events(e => e.CreateAsync(Details("Pact-wide"), PactEvents.PactScope, coordinator)));

        var id = await Events(e => e.CreateAsync(Details("Dutch group meeting", capacity: 1), own.Value, coordinator));
        var created = await Events(e => e.GetAsync(id, coordinator));
        Assert.True(created.CanManage);
        await Assert.ThrowsAsync<ForbiddenException>(
            () => Events(e => e.AddMaterialAsync(id, "Slides", "https://cfit.example/slides", null, procurer)));
        await Events(e => e.AddMaterialAsync(id, "Slides", "https://cfit.example/slides", null, coordinator));
        await Events(e => e.RegisterAsync(id, procurer));
        var early = await Assert.ThrowsAsync<DomainException>(
            () => Events(e => e.RecordAttendanceAsync(id, procurer.UserId()!.Value, true, coordinator)));
        Assert.Equal(PactEventFields.Attendance, early.Field);
        var lower = await Assert.ThrowsAsync<DomainException>(
            () => Events(e => e.UpdateAsync(id, created.RowVersion, created.Details with { Capacity = 0 }, coordinator)));
        Assert.Equal(PactEventFields.Capacity, lower.Field);
        Assert.Single((await Events(e => e.GetAsync(id, procurer))).Materials);
    }

    private static EventDetails Details(string title, int capacity = 10, DateTimeOffset? start = null)
    {
        var from = start ?? DateTimeOffset.UtcNow.AddDays(14);
        return new EventDetails(
            title,
            "What we will learn together.",
            EventKind.LearningSession,
            from,
            from.AddMinutes(90),
            "Europe/Amsterdam",
            "https://meet.cfit.example/session",
            null,
            capacity,
            EventAudience.Public);
    }

    private async Task<ClaimsPrincipal> PersonAsync(string email, string role)
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = email.StartsWith("late", StringComparison.Ordinal) ? "Kim Laat" : email,
            };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return await portal.PrincipalForAsync(email);
    }

    private Task<T> Events<T>(Func<PactEvents, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Events(Func<PactEvents, Task> action) => portal.WithServiceAsync(action);
}
