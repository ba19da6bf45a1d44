using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Domain.Discussions;
using CircularIctPact.Domain.Events;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Calculator;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Consultations;
using CircularIctPact.Web.Features.Discussions;
using CircularIctPact.Web.Features.Events;
using CircularIctPact.Web.Features.Impact;
using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Features.Privacy;
using CircularIctPact.Web.Features.Tenders;
using CircularIctPact.Web.Features.WorkingGroups;
using CircularIctPact.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Privacy;

/// <summary>
/// The demo procurer Fatima El Amrani, who writes in discussions, takes part in the laptops working group and
/// wrote a published good-practice case, gets data in every other feature too; her export must show all of it,
/// and after she deletes her account only the pseudonym may remain of her where others' records stay.
/// </summary>
public sealed class FeaturePersonalDataTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Name = "Fatima El Amrani";
    private const string InterestNote = "We plan 300 laptops in the same quarter; Fatima El Amrani";
    private const string CommentText = "Please ask for a seven-year spare-part commitment. Fatima El Amrani, procurer@cfit.example";
    private const string CalculationName = "Fatima's six-year laptop cycle";
    private const string AssessmentComment = "Battery swaps are standard in year four.";
    private const string ReplyText = "Our service desk swaps batteries in year four. Fatima El Amrani";
    private const string MinutesText = "Fatima El Amrani presented the spare-part terms of the Rivierstad contract.";

    [Fact]
    public async Task Export_shows_her_records_of_every_feature_and_deletion_leaves_only_the_pseudonym()
    {
        var history = await GiveTheDemoProcurerDataInEveryFeatureAsync();

        var json = Encoding.UTF8.GetString(
            await portal.WithServiceAsync<PersonalDataSelfService, byte[]>(s => s.ExportAsync(history.Procurer)));
        using (var export = JsonDocument.Parse(json))
        {
            var root = export.RootElement;
            Assert.Contains(InterestNote, Section(root, "tenders", "interestsYouMarked"), StringComparison.Ordinal);
            Assert.NotEqual("[]", Section(root, "tenders", "tendersYouReported"));
            Assert.Contains(CommentText, Section(root, "consultations", "commentsYouWrote"), StringComparison.Ordinal);
            Assert.Contains(history.UpcomingEvent.ToString(), Section(root, "events", "registrations"), StringComparison.Ordinal);
            Assert.Contains(CalculationName, root.GetProperty("savedCalculations").GetRawText(), StringComparison.Ordinal);
            Assert.Contains(AssessmentComment, root.GetProperty("selfAssessments").GetRawText(), StringComparison.Ordinal);
            Assert.Contains(DiscussionsDemoData.BatteryThread, Section(root, "discussions", "threadsYouStarted"), StringComparison.Ordinal);
            Assert.Contains(ReplyText, Section(root, "discussions", "repliesYouWrote"), StringComparison.Ordinal);
            Assert.Contains("@Fatima El Amrani", Section(root, "discussions", "postsMentioningYou"), StringComparison.Ordinal);
            Assert.Contains("DiscussionMention", Section(root, "notifications", "received"), StringComparison.Ordinal);
            Assert.Contains("Off", Section(root, "notifications", "settings"), StringComparison.Ordinal);
            Assert.Contains(
                KnowledgeDemoData.RivierstadLaptopCase,
                Section(root, "knowledge", "goodPracticeCases"),
                StringComparison.Ordinal);
            Assert.Contains("Submitted", Section(root, "knowledge", "reviewStepsYouTook"), StringComparison.Ordinal);
            Assert.Contains(DemoDataSeeder.ChairedWorkingGroup, Section(root, "workingGroups", "participations"), StringComparison.Ordinal);
            Assert.Contains("Kick-off", Section(root, "workingGroups", "meetingsYouAttended"), StringComparison.Ordinal);
            Assert.Contains("spare-part terms", Section(root, "workingGroups", "actionItemsYouOwn"), StringComparison.Ordinal);
            Assert.Contains(MinutesText, Section(root, "workingGroups", "meetingsNamingYou"), StringComparison.Ordinal);
        }

        await portal.WithServiceAsync<PersonalDataSelfService>(s => s.DeleteAccountAsync(history.Procurer, DemoAccounts.Password));

        await using var db = portal.CreateDbContext();
        var id = history.ProcurerId;
        var pseudonym = (await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).DisplayName;
        Assert.StartsWith("former user ", pseudonym, StringComparison.Ordinal);

        // Her own things are gone.
        Assert.False(await db.TenderInterests.AnyAsync(i => i.UserId == id));
        Assert.False(await db.SavedCalculations.AnyAsync(c => c.OwnerUserId == id));
        Assert.False(await db.Notifications.AnyAsync(n => n.RecipientUserId == id));
        Assert.False(await db.NotificationPreferences.AnyAsync(p => p.UserId == id));
        Assert.False(await db.EventRegistrations.AnyAsync(r => r.UserId == id && r.EventId == history.UpcomingEvent));
        Assert.False(await db.WorkingGroupParticipants.AnyAsync(p => p.UserId == id));
        var upcoming = await db.Events.AsNoTracking().Include(e => e.Registrations).SingleAsync(e => e.Id == history.UpcomingEvent);
        Assert.Equal(RegistrationStatus.Registered, upcoming.RegistrationOf(history.WaitingColleagueId)?.Status);

        // What others rely on stays, under the pseudonym.
        Assert.True(await db.Tenders.AnyAsync(t => t.CreatedByUserId == id));
        var comment = await db.ConsultationComments.AsNoTracking().SingleAsync(c => c.AuthorUserId == id);
        Assert.Contains("seven-year spare-part commitment", comment.Text, StringComparison.Ordinal);
        Assert.True(await db.SelfAssessments.AnyAsync(a => a.UpdatedByUserId == id));
        Assert.True(await db.DiscussionThreads.AnyAsync(t => t.AuthorUserId == id && t.Title == DiscussionsDemoData.BatteryThread));
        var reply = await db.DiscussionReplies.AsNoTracking().SingleAsync(r => r.Id == history.ReplyId);
        Assert.Equal(id, reply.AuthorUserId);
        Assert.StartsWith("Our service desk swaps batteries", reply.Body, StringComparison.Ordinal);
        var goodPractice = await db.GoodPracticeCases
            .AsNoTracking()
            .Include(c => c.Reviews)
            .SingleAsync(c => c.Title == KnowledgeDemoData.RivierstadLaptopCase);
        Assert.Equal(GoodPracticeStatus.Published, goodPractice.Status);
        Assert.Equal(id, goodPractice.AuthorUserId);
        Assert.Equal(pseudonym, goodPractice.ContactName);
        Assert.EndsWith("@removed.invalid", goodPractice.ContactEmail, StringComparison.Ordinal);
        Assert.Contains(goodPractice.Reviews, r => r.ByUserId == id && r.ByName == pseudonym);
        Assert.True(await db.ActionItems.AnyAsync(a => a.OwnerUserId == id));
        Assert.True(await db.WorkingGroupMeetings.AnyAsync(m => m.AttendeeUserIds.Contains(id)));

        // Nothing in these tables names her any more.
        var texts = new List<string>();
        texts.AddRange(await db.TenderInterests.Select(i => i.Note ?? string.Empty).ToListAsync());
        texts.AddRange(await db.ConsultationComments.Select(c => c.Text + " " + c.Answer).ToListAsync());
        texts.AddRange(await db.DiscussionThreads.Select(t => t.Title + " " + t.Body).ToListAsync());
        texts.AddRange(await db.DiscussionReplies.Select(r => r.Body).ToListAsync());
        texts.AddRange(await db.Notifications.Select(n => n.Title).ToListAsync());
        texts.AddRange(await db.GoodPracticeCases.Select(c => c.ContactName + " " + c.ContactEmail).ToListAsync());
        texts.AddRange(await db.Set<GoodPracticeReview>().Select(r => r.ByName).ToListAsync());
        texts.AddRange(await db.Set<LibraryItemVersion>().Select(v => v.UploadedByName).ToListAsync());
        texts.AddRange(await db.WorkingGroupMeetings.Select(m => m.Title + " " + m.Agenda + " " + m.Minutes).ToListAsync());
        texts.AddRange(await db.WorkingGroupOutcomes.Select(o => o.Title + " " + o.Body).ToListAsync());
        var everything = string.Join('\n', texts);
        Assert.DoesNotContain(Name, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Procurer, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fatima@rivierstad.example.nl", everything, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"@{pseudonym}", everything, StringComparison.Ordinal);
        Assert.Contains($"{pseudonym} replied to", everything, StringComparison.Ordinal);
        Assert.Contains($"{pseudonym} presented the spare-part terms", everything, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every column that refers to an account or holds a person's name or address is declared by exactly one feature,
    /// with the contributor that exports and forgets it (<see cref="IPortalFeature.PersonalData"/>), and that
    /// contributor is registered. A new such column fails this test until its feature declares it.
    /// </summary>
    [Fact]
    public async Task Every_column_that_names_a_person_is_handled_by_a_registered_contributor()
    {
        await using var db = portal.CreateDbContext();
        var found = db.Model.GetEntityTypes()
            .Where(entity => entity.ClrType.Namespace?.StartsWith("CircularIctPact.Domain", StringComparison.Ordinal) == true)
            .SelectMany(entity => entity.GetProperties().Where(NamesAPerson).Select(property => $"{entity.ClrType.Name}.{property.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var declared = PortalFeatures.PersonalData.SelectMany(registration => registration.Columns).ToList();
        using var scope = portal.Services.CreateScope();
        var registered =
            scope.ServiceProvider.GetServices<IPersonalDataContributor>().Select(contributor => contributor.GetType()).ToList();

        Assert.Equal(found, declared.Order(StringComparer.Ordinal));
        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(PortalFeatures.PersonalData.Select(registration => registration.Contributor), registered);
    }

    /// <summary>An account reference (a foreign key to the users, or an id named after a user) or a copied name or address.</summary>
    private static bool NamesAPerson(IProperty property) =>
        property.GetContainingForeignKeys().Any(key => key.PrincipalEntityType.ClrType == typeof(ApplicationUser))
        || (property.ClrType == typeof(Guid)
            || property.ClrType == typeof(Guid?)
            || typeof(IEnumerable<Guid>).IsAssignableFrom(property.ClrType))
            && (property.Name.EndsWith("UserId", StringComparison.Ordinal) || property.Name.EndsWith("UserIds", StringComparison.Ordinal))
        || property.ClrType == typeof(string)
            && (property.Name.EndsWith("Email", StringComparison.Ordinal) || property.Name.EndsWith("ContactName", StringComparison.Ordinal)
                || property.Name.EndsWith("ByName", StringComparison.Ordinal) || property.Name is "ActorName" or "DisplayName"
                || property.DeclaringType.ClrType.Name.EndsWith("Contact", StringComparison.Ordinal) && property.Name == "Name");

    private static string Section(JsonElement root, string section, string part) =>
        root.GetProperty(section).GetProperty(part).GetRawText();

    private sealed record History(ClaimsPrincipal Procurer, Guid ProcurerId, Guid UpcomingEvent, Guid WaitingColleagueId, Guid ReplyId);

    private async Task<History> GiveTheDemoProcurerDataInEveryFeatureAsync()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        var colleague = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        Guid procurerId, colleagueId, sharedTender, consultation, upcomingEvent, kickOff;
        uint kickOffVersion;
        await using (var db = portal.CreateDbContext())
        {
            var me = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoAccounts.Procurer);
            procurerId = me.Id;
            colleagueId = await db.Users.Where(u => u.Email == DemoAccounts.CoordinatorNetherlands).Select(u => u.Id).SingleAsync();
            sharedTender = await db.Tenders.Where(
                t => t.SharedInCalendar && t.MemberOrganisationId != me.MemberOrganisationId && t.Status == TenderStatus.Planned)
                .Select(t => t.Id).FirstAsync();
            consultation = await db.Consultations.Select(c => c.Id).SingleAsync();
            upcomingEvent = await db.Events
                .Where(e => e.StartsAt > DateTimeOffset.UtcNow && e.Audience == EventAudience.MembersOnly)
                .Select(e => e.Id)
                .FirstAsync();
            var meeting =
                await db.WorkingGroupMeetings.Where(m => m.Title.StartsWith("Kick-off")).Select(m => new { m.Id, m.Version }).SingleAsync();
            (kickOff, kickOffVersion) = (meeting.Id, meeting.Version);
            // Fill the event so that her seat goes to the colleague waiting behind her when she leaves.
            await db.Events.Where(e => e.Id == upcomingEvent).ExecuteUpdateAsync(set => set.SetProperty(e => e.Capacity, 1));
        }

        await portal.WithServiceAsync<TenderCalendar>(
            s => s.ExpressInterestAsync(procurer, sharedTender, TenderInterestKind.Join, InterestNote));
        await portal.WithServiceAsync<CriteriaConsultations, Guid>(s => s.CommentAsync(consultation, "LAP-LIF-01", CommentText, procurer));
        Assert.Equal(
            RegistrationStatus.Registered,
            await portal.WithServiceAsync<PactEvents, RegistrationStatus>(s => s.RegisterAsync(upcomingEvent, procurer)));
        Assert.Equal(
            RegistrationStatus.Waiting,
            await portal.WithServiceAsync<PactEvents, RegistrationStatus>(s => s.RegisterAsync(upcomingEvent, colleague)));
        await portal.WithServiceAsync<SavedCalculations, Guid>(s => s.SaveAsync(CalculationName, "devices=100&years=6", procurer));
        var year = DateTime.UtcNow.Year;
        var assessment = await portal.WithServiceAsync<SelfAssessments, SelfAssessmentView>(s => s.GetMineAsync(procurer, year));
        await portal.WithServiceAsync<SelfAssessments, uint>(s => s.SaveAsync(
            procurer,
            year,
            [new ThemeAnswer(AssessmentTheme.DeviceLifetime, 3, AssessmentComment)],
            assessment.Version,
            submit: false));
        await portal.WithServiceAsync<NotificationInbox, uint>(
            s => s.SaveSettingsAsync(procurer, 0, NotificationMailMode.Off, [NotificationKind.DiscussionSolution]));

        var thread = await portal.WithServiceAsync<DiscussionBoard, Guid>(
            s => s.StartThreadAsync(chair, DiscussionSpaceKey.PactWide.ToString(),
                "Battery swaps after four years", "@Fatima El Amrani, how does Rivierstad organise the battery swap?", ["battery"]));
        var reply = await portal.WithServiceAsync<DiscussionBoard, Guid>(s => s.ReplyAsync(procurer, thread, ReplyText));
        await portal.WithServiceAsync<WorkingGroupWorkspace>(s => s.WriteMinutesAsync(chair, kickOff, kickOffVersion, MinutesText));

        return new History(procurer, procurerId, upcomingEvent, colleagueId, reply);
    }
}
