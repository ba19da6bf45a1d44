using AngleSharp.Html.Parser;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Discussions;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Discussions;
using CircularIctPact.Web.Features.Notifications;

namespace CircularIctPact.IntegrationTests.Discussions;

public sealed class DiscussionPostingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("<script>alert('x')</script> hello")]
    [InlineData("[click me](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\" onclick=\"alert(2)\">link</a>")]
    [InlineData("<svg onload=alert(1)><p style=\"x\" onmouseover=\"alert(1)\">hi</p></svg>")]
    public async Task Posts_never_carry_scripts_event_handlers_or_javascript_links(string body)
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var id = await portal.Board(b => b.StartThreadAsync(procurer, "pact", "Sanitising check", body, null));
        await portal.Board(b => b.ReplyAsync(procurer, id, body));

        var thread = await portal.Board(b => b.ThreadAsync(procurer, id));
        foreach (var html in new[] { thread.Opening.Html, thread.Replies.Single().Html })
        {
            using var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
            Assert.Empty(document.QuerySelectorAll("script, img, svg, iframe, style"));
            Assert.DoesNotContain(
                document.All,
                e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style"));
            Assert.DoesNotContain(
                document.QuerySelectorAll("a"),
                a => (a.GetAttribute("href") ?? string.Empty).Contains("javascript", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Light_markdown_is_rendered_and_typed_html_is_shown_as_text()
    {
        var html = PostText.ToHtml("**Bold** and *soft*\n\n- one\n- two\n\n[TCO](https://tcocertified.com) <b>raw</b>");

        Assert.Contains("<strong>Bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>soft</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>two</li>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://tcocertified.com\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;raw&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentions_notify_people_of_the_space_and_ignore_people_who_cannot_see_it()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var dutchCoordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var belgianCoordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var stakeholder = await portal.StakeholderAsync("Kwame Mensah");
        var dutch = await portal.DutchSpaceAsync();
        var thread = await portal.ThreadIdAsync(DiscussionsDemoData.RefurbishedThread);

        var candidates = await portal.Board(b => b.MentionCandidatesAsync(procurer, dutch, "jo"));
        Assert.Contains(candidates, c => c.Name == "Joost Bakker");
        Assert.Empty(await portal.Board(b => b.MentionCandidatesAsync(procurer, dutch, "Elise")));
        Assert.Empty(await portal.Board(b => b.MentionCandidatesAsync(procurer, dutch, "Kwame")));

        await portal.Board(b => b.ReplyAsync(procurer, thread, "@Joost Bakker, @Elise Peeters and @Kwame Mensah: what do you think?"));

        Assert.Contains(await Inbox(dutchCoordinator), n => n.Kind == NotificationKind.DiscussionMention
            && n.Title.Contains("Fatima El Amrani mentioned you", StringComparison.Ordinal));
        Assert.DoesNotContain(await Inbox(belgianCoordinator), n => n.Kind == NotificationKind.DiscussionMention);
        Assert.Empty(await Inbox(stakeholder));
    }

    [Fact]
    public async Task Only_the_thread_author_or_a_moderator_marks_the_solution_and_the_replier_is_told()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var dutchCoordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var belgianCoordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var colleague = await portal.ProcurerOfAsync("Anouk Visser", "Hogeschool Lage Landen");
        var admin = await SecretariatAsync();
        var id = await portal.Board(b => b.StartThreadAsync(procurer, "pact", "Warranty length for laptops", "Five years or four?", null));
        var answer = await portal.Board(b => b.ReplyAsync(dutchCoordinator, id, "We ask five years, with on-site repair."));
        var second = await portal.Board(b => b.ReplyAsync(colleague, id, "Four, because of the battery."));

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.Board(b => b.MarkSolutionAsync(colleague, id, second)));
        // A coordinator moderates only their own group's space, not the pact-wide one.
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.Board(b => b.MarkSolutionAsync(belgianCoordinator, id, answer)));
        Assert.False((await portal.Board(b => b.ThreadAsync(colleague, id))).CanMarkSolution);

        await portal.Board(b => b.MarkSolutionAsync(procurer, id, answer));
        Assert.Equal(answer, (await portal.Board(b => b.ThreadAsync(colleague, id))).SolutionReplyId);
        Assert.Contains(
            await Inbox(dutchCoordinator),
            n => n.Kind == NotificationKind.DiscussionSolution && n.Link == $"/discussions/threads/{id}#reply-{answer}");
        Assert.Contains(
            await Inbox(procurer),
            n => n.Kind == NotificationKind.DiscussionReply && n.Title == "Anouk Visser replied to “Warranty length for laptops”");

        await portal.Board(b => b.MarkSolutionAsync(admin, id, second));
        Assert.Equal(second, (await portal.Board(b => b.ThreadAsync(procurer, id))).SolutionReplyId);

        var otherThread = await portal.Board(b => b.StartThreadAsync(procurer, "pact", "Another question", "Anything?", null));
        await Assert.ThrowsAsync<DomainException>(() => portal.Board(b => b.MarkSolutionAsync(procurer, otherThread, answer)));
    }

    [Fact]
    public async Task Editing_a_post_someone_else_saved_first_fails_with_their_text_and_keeps_it()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var id = await portal.Board(b => b.StartThreadAsync(procurer, "pact", "Draft question", "First text", null));
        var loaded = await portal.Board(b => b.ThreadAsync(procurer, id));

        await portal.Board(
            b => b.EditThreadAsync(procurer, id, loaded.Opening.Version, "Draft question", "Second text from another tab", null));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            portal.Board(b => b.EditThreadAsync(procurer, id, loaded.Opening.Version, "Draft question", "Third text", null)));

        Assert.Equal("Second text from another tab", conflict.Current);
        var now = await portal.Board(b => b.ThreadAsync(procurer, id));
        Assert.Contains("Second text from another tab", now.Opening.Html, StringComparison.Ordinal);
        Assert.NotNull(now.Opening.EditedAt);
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.Board(b => b.EditThreadAsync(coordinator, id, now.Opening.Version, "Hijacked", "Not mine", null)));

        var reply = await portal.Board(b => b.ReplyAsync(coordinator, id, "An answer"));
        var replyVersion = (await portal.Board(b => b.ThreadAsync(coordinator, id))).Replies.Single().Version;
        await portal.Board(b => b.EditReplyAsync(coordinator, reply, replyVersion, "A better answer"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => portal.Board(b => b.EditReplyAsync(coordinator, reply, replyVersion, "Lost answer")));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.Board(b => b.EditReplyAsync(procurer, reply, replyVersion, "Not mine")));
    }

    [Fact]
    public async Task Removed_posts_show_as_removed_and_disappear_from_search_and_locked_threads_take_no_replies()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var colleague = await portal.ProcurerOfAsync("Daan Mulder", "Universiteit Polderstad");
        var dutchCoordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var dutch = await portal.DutchSpaceAsync();
        var id = await portal.Board(
            b => b.StartThreadAsync(colleague, dutch, "Docking stations", "Anyone bought refurbished docking stations?", ["accessories"]));
        var reply = await portal.Board(b => b.ReplyAsync(procurer, id, "Yes, zebrafinch model, worked fine."));

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.Board(b => b.RemoveReplyAsync(colleague, reply)));
        await portal.Board(b => b.RemoveReplyAsync(dutchCoordinator, reply));
        var thread = await portal.Board(b => b.ThreadAsync(colleague, id));
        Assert.True(thread.Replies.Single().IsRemoved);
        Assert.Equal(string.Empty, thread.Replies.Single().Html);
        Assert.Empty(await portal.Board(b => b.SearchAsync(procurer, "zebrafinch")));

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.Board(b => b.SetLockedAsync(colleague, id, true)));
        await portal.Board(b => b.SetLockedAsync(dutchCoordinator, id, true));
        var locked = await Assert.ThrowsAsync<DomainException>(() => portal.Board(b => b.ReplyAsync(procurer, id, "Late answer")));
        Assert.Equal(DiscussionThreadFields.Text, locked.Field);

        await portal.Board(b => b.RemoveThreadAsync(colleague, id));
        var page = await portal.Board(b => b.SpaceAsync(procurer, dutch));
        Assert.Contains(page.Threads, t => t.Id == id && t.IsRemoved && t.Title.Length == 0);
    }

    [Fact]
    public async Task Thread_needs_a_title_and_text_and_at_most_five_tags()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        Assert.Equal(
            DiscussionThreadFields.Title,
            (await Assert.ThrowsAsync<DomainException>(() =>
                portal.Board(b => b.StartThreadAsync(procurer, "pact", " ", "Body", null)))).Field);
        Assert.Equal(
            DiscussionThreadFields.Text,
            (await Assert.ThrowsAsync<DomainException>(() =>
                portal.Board(b => b.StartThreadAsync(procurer, "pact", "Title", "", null)))).Field);
        Assert.Equal(
            DiscussionThreadFields.Tags,
            (await Assert.ThrowsAsync<DomainException>(() => portal.Board(b => b.StartThreadAsync(
                procurer,
                "pact",
                "Title",
                "Body",
                ["a", "b", "c", "d", "e", "f"])))).Field);
        await Assert.ThrowsAsync<NotFoundException>(
            () => portal.Board(b => b.StartThreadAsync(procurer, "bg-not-a-guid", "Title", "Body", null)));
    }

    private Task<IReadOnlyList<NotificationView>> Inbox(System.Security.Claims.ClaimsPrincipal user) =>
        portal.WithServiceAsync<NotificationInbox, IReadOnlyList<NotificationView>>(inbox => inbox.ListAsync(user));

    private Task<System.Security.Claims.ClaimsPrincipal> SecretariatAsync() => portal.PrincipalForAsync(DemoAccounts.Admin);
}
