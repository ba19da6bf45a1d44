using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.IntegrationTests.Discussions;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Notifications;

public sealed class NotificationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly OutgoingText AnaReplied = new("{0} replied to “{1}”", "Ana", "Batteries");

    [Fact]
    public async Task Immediate_mail_goes_out_at_once_digest_and_off_send_nothing_and_a_muted_kind_is_not_stored()
    {
        var immediate = await PersonWithAsync("Iris Immediate", NotificationMailMode.Immediate);
        var digest = await PersonWithAsync("Dirk Digest", NotificationMailMode.WeeklyDigest);
        var off = await PersonWithAsync("Olga Off", NotificationMailMode.Off);
        var muted = await PersonWithAsync("Mats Muted", NotificationMailMode.Immediate, NotificationKind.DiscussionMention);

        await Publish(
            [immediate, digest, off, muted],
            NotificationKind.DiscussionMention,
            "Joost Bakker mentioned you in “Battery clauses”",
            "/discussions/threads/abc");

        var mail = Assert.Single(portal.To(Email(immediate)));
        Assert.Equal("Joost Bakker mentioned you in “Battery clauses”", mail.Subject);
        Assert.Contains("/discussions/threads/abc", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(portal.To(Email(digest)));
        Assert.Empty(portal.To(Email(off)));
        Assert.Empty(portal.To(Email(muted)));
        foreach (var person in new[] { immediate, digest, off })
        {
            Assert.Equal(1, await Inbox(i => i.UnreadCountAsync(person)));
        }

        Assert.Empty(await Inbox(i => i.ListAsync(muted)));
        await Publish([muted], NotificationKind.DiscussionReply, "Someone replied", "/discussions");
        Assert.Single(portal.To(Email(muted)));
    }

    [Fact]
    public async Task People_mark_their_own_notifications_read_and_never_anyone_elses()
    {
        var reader = await PersonWithAsync("Rita Reader", NotificationMailMode.Off);
        var other = await PersonWithAsync("Otto Other", NotificationMailMode.Off);
        await Publish([reader], NotificationKind.DiscussionReply, "First", "/discussions/threads/1");
        await Publish([reader], NotificationKind.DiscussionReply, "Second", "/discussions/threads/2");
        var first = (await Inbox(i => i.ListAsync(reader))).Single(n => n.Title == "First");

        await Assert.ThrowsAsync<NotFoundException>(() => Inbox(i => i.MarkReadAsync(other, first.Id)));
        Assert.Equal("/discussions/threads/1", await Inbox(i => i.MarkReadAsync(reader, first.Id)));
        Assert.Equal(1, await Inbox(i => i.UnreadCountAsync(reader)));

        await portal.WithServiceAsync<NotificationInbox>(i => i.MarkAllReadAsync(reader));
        Assert.Equal(0, await Inbox(i => i.UnreadCountAsync(reader)));
        Assert.All(await Inbox(i => i.ListAsync(reader)), n => Assert.True(n.IsRead));
        Assert.Equal(0, await Inbox(i => i.UnreadCountAsync(PortalFactoryExtensions.Anonymous)));
    }

    [Fact]
    public async Task Weekly_digest_goes_out_once_a_week_with_what_came_in_since_the_last_one()
    {
        var person = await PersonWithAsync("Wim Weekly", NotificationMailMode.WeeklyDigest);
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        await Publish([person], NotificationKind.DiscussionReply, "Reply one", "/discussions/threads/1");
        await Publish([person], NotificationKind.DiscussionSolution, "Solution two", "/discussions/threads/2");

        await Digests(start);
        var digest = Assert.Single(portal.To(Email(person)));
        Assert.Equal("Your weekly summary: 2 notifications", digest.Subject);
        Assert.Contains("Reply one", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Solution two", digest.TextBody, StringComparison.Ordinal);

        await Digests(start);
        await Publish([person], NotificationKind.DiscussionReply, "Reply three", "/discussions/threads/3");
        await Digests(start.AddDays(1));
        await Digests(start.AddDays(6.9));
        Assert.Single(portal.To(Email(person)));

        await Digests(start.AddDays(7));
        var second = portal.To(Email(person));
        Assert.Equal(2, second.Count);
        Assert.Contains("Reply three", second[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Reply one", second[1].TextBody, StringComparison.Ordinal);
        Assert.Equal(start.AddDays(7), (await Inbox(i => i.SettingsAsync(person))).LastDigestSentAt);
    }

    [Fact]
    public async Task Saving_settings_from_a_stale_window_conflicts_instead_of_overwriting()
    {
        var person = await PersonWithAsync("Sara Settings", NotificationMailMode.Immediate);
        var loaded = await Inbox(i => i.SettingsAsync(person));

        await Inbox(i => i.SaveSettingsAsync(person, loaded.Version, NotificationMailMode.Off, []));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Inbox(i => i.SaveSettingsAsync(person, loaded.Version, NotificationMailMode.WeeklyDigest, [])));

        Assert.Equal(NotificationMailMode.Off, Assert.IsType<NotificationSettings>(conflict.Current).MailMode);
        Assert.Equal(NotificationMailMode.Off, (await Inbox(i => i.SettingsAsync(person))).MailMode);
    }

    [Fact]
    public async Task Notifications_only_link_inside_the_portal()
    {
        var person = await PersonWithAsync("Lea Links", NotificationMailMode.Off);
        var refused = await Assert.ThrowsAsync<DomainException>(
            () => Publish([person], NotificationKind.DiscussionReply, "Phish", "https://evil.example/"));
        Assert.Equal(NotificationFields.Link, refused.Field);
        await Assert.ThrowsAsync<DomainException>(() => Publish([person], NotificationKind.DiscussionReply, "Phish", "//evil.example/"));
    }

    [Theory]
    [InlineData(PortalAddress.Setting, "Petra Public")]
    [InlineData(PortalAddress.DeprecatedSetting, "Otto Older")]
    public async Task Mail_links_start_with_the_portal_s_public_address(string setting, string name)
    {
        using var configured = portal.WithWebHostBuilder(builder => builder.UseSetting(setting, "https://pact.example.eu/portal"));
        var person = await PersonWithAsync(name, NotificationMailMode.Immediate);

        await using (var scope = configured.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<INotificationPublisher>()
                .PublishAsync(
                    [person.RequiredUserId()],
                    NotificationKind.DiscussionReply,
                    OutgoingText.AsWritten("A reply"),
                    "/discussions/threads/abc");
        }

        var mail = Assert.Single(portal.To(Email(person)));
        Assert.Contains("https://pact.example.eu/portal/discussions/threads/abc", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://pact.example.eu/portal/notifications/settings", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dutch_recipient_gets_the_notification_and_its_mail_in_dutch_and_an_english_one_in_english()
    {
        var dutch = await PersonWithAsync("Nina Nederlands", NotificationMailMode.Immediate);
        var english = await PersonWithAsync("Emma English", NotificationMailMode.Immediate);
        await PreferAsync(dutch, "nl");

        await Publish(
            [dutch, english],
            NotificationKind.DiscussionMention,
            new OutgoingText("{0} mentioned you in “{1}”", "Joost Bakker", "Battery clauses"),
            "/discussions/threads/abc");

        var mail = Assert.Single(portal.To(Email(dutch)));
        Assert.Equal("Joost Bakker heeft u genoemd in ‘Battery clauses’", mail.Subject);
        Assert.Contains("Kies hoe u deze e-mails ontvangt", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"nl\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Joost Bakker heeft u genoemd in ‘Battery clauses’", Assert.Single(await Inbox(i => i.ListAsync(dutch))).Title);
        Assert.Equal("Joost Bakker mentioned you in “Battery clauses”", Assert.Single(portal.To(Email(english))).Subject);
    }

    [Fact]
    public async Task A_french_recipient_gets_the_weekly_digest_in_french()
    {
        var person = await PersonWithAsync("Felix Francais", NotificationMailMode.WeeklyDigest);
        await PreferAsync(person, "fr");
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        await Publish([person], NotificationKind.DiscussionReply, AnaReplied, "/discussions");
        await Publish(
            [person],
            NotificationKind.DiscussionSolution,
            new OutgoingText("Your reply to “{0}” was marked as the solution", "Cables"),
            "/discussions");

        await Digests(start);

        var digest = Assert.Single(portal.To(Email(person)));
        Assert.Equal("Votre récapitulatif hebdomadaire : 2 notifications", digest.Subject);
        Assert.Contains("Ana a répondu à « Batteries »", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Votre réponse à « Cables » a été marquée comme solution", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Choisir comment recevoir ces e-mails", digest.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("xx-YY")]
    [InlineData("en")]
    public async Task A_recipient_without_a_language_the_portal_speaks_gets_english(string? stored)
    {
        var person = await PersonWithAsync($"Lou Language {stored ?? "none"}", NotificationMailMode.Immediate);
        await PreferAsync(person, stored);

        await Publish([person], NotificationKind.DiscussionReply, AnaReplied, "/discussions");

        var mail = Assert.Single(portal.To(Email(person)));
        Assert.Equal("Ana replied to “Batteries”", mail.Subject);
        Assert.Contains("Choose how you receive these mails", mail.TextBody, StringComparison.Ordinal);
    }

    private async Task<ClaimsPrincipal> PersonWithAsync(string name, NotificationMailMode mode, params NotificationKind[] muted)
    {
        var person = await portal.PersonAsync(name, PortalRoles.Procurer, "Gemeente Heideveld", workingGroup: null);
        await Inbox(i => i.SaveSettingsAsync(person, 0, mode, muted));
        return person;
    }

    private async Task PreferAsync(ClaimsPrincipal person, string? culture)
    {
        await using var db = portal.CreateDbContext();
        var userId = person.RequiredUserId();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, culture));
    }

    private static string Email(ClaimsPrincipal person) => person.FindFirstValue(ClaimTypes.Email) ?? person.Identity!.Name!;

    private Task Publish(ClaimsPrincipal[] people, NotificationKind kind, string title, string link) =>
        Publish(people, kind, OutgoingText.AsWritten(title), link);

    private Task Publish(ClaimsPrincipal[] people, NotificationKind kind, OutgoingText title, string link) =>
        portal.WithServiceAsync<INotificationPublisher>(p => p.PublishAsync(people.Select(x => x.RequiredUserId()), kind, title, link));

    private Task Digests(DateTimeOffset now) => portal.WithServiceAsync<NotificationDigests>(d => d.SendDueDigestsAsync(now));

    private Task<T> Inbox<T>(Func<NotificationInbox, Task<T>> action) => portal.WithServiceAsync(action);
}
