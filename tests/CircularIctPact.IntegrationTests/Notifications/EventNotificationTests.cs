using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Events;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Events;

namespace CircularIctPact.IntegrationTests.Notifications;

[Collection(FeatureNotificationsCollection.Name)]
public sealed class EventNotificationTests(PortalFactory portal)
{
    [Fact]
    public async Task Moving_up_from_the_waiting_list_is_notified_and_mailed_once()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var holder =
            await portal.PersonAsync("Hanna Holder", PortalRoles.Procurer, "Gemeente Heideveld", null, NotificationMailMode.Immediate);
        var waiter =
            await portal.PersonAsync("Wim Waiter", PortalRoles.Procurer, "Gemeente Heideveld", null, NotificationMailMode.Immediate);
        var muted = await portal.PersonAsync(
            "Mona Muted",
            PortalRoles.Procurer,
            "Gemeente Heideveld",
            null,
            NotificationMailMode.Immediate,
            NotificationKind.EventSeatFromWaitingList);
        var start = new DateTimeOffset(2027, 3, 9, 13, 0, 0, TimeSpan.Zero);
        var id = await Events(e => e.CreateAsync(Details("Repair clinic", start, capacity: 1), PactEvents.PactScope, admin));
        await Events(e => e.RegisterAsync(id, holder));
        await Events(e => e.RegisterAsync(id, waiter));
        await Events(e => e.RegisterAsync(id, muted));
        var link = $"/events/{id}";

        await Events(e => e.CancelAsync(id, holder));

        var told = await portal.ToldAsync(waiter, NotificationKind.EventSeatFromWaitingList, link);
        Assert.Equal(
            "You moved up from the waiting list and have a seat at “Repair clinic” on Tuesday, 9 March 2027 14:00 (Europe/Amsterdam)",
            told.Title);
        Assert.Equal([told.Title], portal.To(FeatureNotifications.Email(waiter)).Select(m => m.Subject));
        Assert.Contains(link, Assert.Single(portal.To(FeatureNotifications.Email(waiter))).TextBody, StringComparison.Ordinal);
        await portal.NotToldAsync(holder, link);

        var view = await Events(e => e.GetAsync(id, admin));
        await Events(e => e.UpdateAsync(id, view.RowVersion, view.Details with { Capacity = 2 }, admin));

        Assert.Equal(RegistrationStatus.Registered, (await Events(e => e.GetAsync(id, muted))).MyStatus);
        await portal.NotToldAsync(muted, link);
        await portal.NotToldAsync(admin, link);
        Assert.Equal(["You have a seat: Repair clinic"], portal.To(FeatureNotifications.Email(muted)).Select(m => m.Subject));
    }

    [Fact]
    public async Task Material_added_once_the_event_has_started_tells_the_registrants_with_a_seat()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var attendee =
            await portal.PersonAsync("Ada Attendee", PortalRoles.Procurer, "Gemeente Heideveld", null, NotificationMailMode.Immediate);
        var muted = await portal.PersonAsync(
            "Max Muted",
            PortalRoles.Procurer,
            "Gemeente Heideveld",
            null,
            NotificationMailMode.Immediate,
            NotificationKind.EventMaterialsPublished);
        var waiting =
            await portal.PersonAsync("Wendy Waiting", PortalRoles.Procurer, "Gemeente Heideveld", null, NotificationMailMode.Immediate);
        var started = await Events(e => e.CreateAsync(
            Details("Battery webinar", DateTimeOffset.UtcNow.AddMinutes(-30), capacity: 2),
            PactEvents.PactScope,
            admin));
        var upcoming = await Events(
            e => e.CreateAsync(Details("Battery follow-up", DateTimeOffset.UtcNow.AddDays(7), capacity: 2), PactEvents.PactScope, admin));
        foreach (var person in new[] { attendee, muted, waiting })
        {
            await Events(e => e.RegisterAsync(started, person));
        }

        await Events(e => e.RegisterAsync(upcoming, attendee));

        await Events(e => e.AddMaterialAsync(started, "Slides", "https://cfit.example/slides", null, admin));
        await Events(e => e.AddMaterialAsync(upcoming, "Reading list", "https://cfit.example/reading", null, admin));

        var link = $"/events/{started}";
        var told = await portal.ToldAsync(attendee, NotificationKind.EventMaterialsPublished, link);
        Assert.Equal("New material from “Battery webinar”: “Slides”", told.Title);
        portal.AssertMailed(attendee, told);
        await portal.NotToldAsync(muted, link);
        await portal.NotToldAsync(waiting, link);
        await portal.NotToldAsync(admin, link);
        await portal.NotToldAsync(attendee, $"/events/{upcoming}");
        Assert.Empty(portal.To(FeatureNotifications.Email(muted)));
    }

    private static EventDetails Details(string title, DateTimeOffset start, int capacity) =>
        new(
            title,
            "What we will learn together.",
            EventKind.LearningSession,
            start,
            start.AddMinutes(90),
            "Europe/Amsterdam",
            "https://meet.cfit.example/session",
            null,
            capacity,
            EventAudience.Public);

    private Task<T> Events<T>(Func<PactEvents, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Events(Func<PactEvents, Task> action) => portal.WithServiceAsync(action);
}
