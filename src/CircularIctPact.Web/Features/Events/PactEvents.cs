using System.Data;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Events;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Mail;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Events;

/// <summary>
/// Learning sessions and events: the list and page for everyone allowed to see them (members-only events for the
/// buying side), registration up to capacity with a waiting list, and the organiser's work. People who move up from
/// the waiting list are notified (and mailed), registrants hear about materials added once the event has started.
/// </summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class PactEvents(
    IDbContextFactory<PortalDbContext> contextFactory,
    DocumentUploads uploads,
    IMailSender mail,
    INotificationPublisher notifications,
    AuditTrail audit,
    TimeProvider clock)
{
    /// <summary>Whom an event is organised for (the whole pact, a buyer group or a working group); no rule of the event names it.</summary>
    public static readonly FormField ScopeField = new("Scope");

    private const string Entity = "Event";
    public const string PactScope = "pact";

    public async Task<EventListView> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var membersToo = user.IsBuyerSide();
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.Audience == EventAudience.Public || membersToo)
            .Select(e => new
            {
                e.Id,
                e.Title,
                e.Language,
                e.Translations,
                e.Kind,
                e.StartsAt,
                e.EndsAt,
                e.TimeZoneId,
                e.Audience,
                e.Place,
                e.OnlineLink,
                e.Capacity,
                Taken = e.Registrations.Count(r => r.Status == RegistrationStatus.Registered),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var reader = ReaderLanguage.Current;
        var events = rows.Select(r =>
            {
                var shown = ContentTranslations.For(reader, r.Language, new EventText(r.Title, null), r.Translations);
                return new EventSummary(
                    r.Id,
                    shown.Text.Title!,
                    shown.Language,
                    r.Kind,
                    r.StartsAt,
                    r.EndsAt,
                    r.TimeZoneId,
                    r.Audience,
                    r.Place,
                    r.OnlineLink is not null,
                    Math.Max(0, r.Capacity - r.Taken));
            })
            .ToList();
        return new EventListView(
            events.Where(e => e.EndsAt > now).OrderBy(e => e.StartsAt).ToList(),
            events.Where(e => e.EndsAt <= now).OrderByDescending(e => e.StartsAt).ToList(),
            (await ScopesAsync(db, user, cancellationToken)).Count > 0);
    }

    public virtual async Task<EventView> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pactEvent = await db.Events.AsNoTracking().Include(e => e.Registrations).Include(e => e.Materials).AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        EnsureVisible(pactEvent, user);
        var canManage = await CanManageAsync(db, pactEvent!, user, cancellationToken);
        var me = user.UserId();
        var mine = me is { } myId ? pactEvent!.RegistrationOf(myId) : null;
        var registrations = canManage ? await RegistrationsAsync(db, pactEvent!, cancellationToken) : [];
        var isOver = clock.GetUtcNow() >= pactEvent!.EndsAt;
        return new EventView(
            pactEvent.Id, pactEvent.Details, pactEvent.TextFor(ReaderLanguage.Current), pactEvent.SeatsTaken,
            pactEvent.WaitingList().Count(), mine?.Status,
            me is { } userId ? pactEvent.WaitingPositionOf(userId) : null,
            me is not null && mine is null && !isOver, canManage, isOver, pactEvent.Version,
            pactEvent.Materials.OrderBy(m => m.AddedAt).Select(m => new MaterialView(m.Id, m.Title, m.Url, m.DocumentId)).ToList(),
            registrations);
    }

    /// <summary>The event as an iCalendar file, for the same audience as the event page.</summary>
    public async Task<(string FileName, string Content)> CalendarFileAsync(
        Guid id,
        Uri eventAddress,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pactEvent = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        EnsureVisible(pactEvent, user);
        return ($"event-{id:N}.ics", EventCalendarFile.Write(pactEvent!, eventAddress, clock.GetUtcNow()));
    }

    /// <summary>The scopes the caller may organise events for; empty for people who organise nothing.</summary>
    public virtual async Task<IReadOnlyList<OrganiserScope>> OrganiserScopesAsync(
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ScopesAsync(db, user, cancellationToken);
    }

    public virtual async Task<Guid> CreateAsync(
        EventDetails details,
        string scope,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scopes = await ScopesAsync(db, user, cancellationToken);
        if (scopes.Count == 0)
        {
            throw new ForbiddenException("Only the secretariat, coordinators and working-group chairs organise events.");
        }

        if (scopes.All(s => s.Value != scope))
        {
            throw new DomainException(ScopeField, "Choose whom the event is organised for.");
        }

        Guid? buyerGroupId =
            scope.StartsWith("bg:", StringComparison.Ordinal) ? Guid.Parse(scope[3..], CultureInfo.InvariantCulture) : null;
        Guid? workingGroupId =
            scope.StartsWith("wg:", StringComparison.Ordinal) ? Guid.Parse(scope[3..], CultureInfo.InvariantCulture) : null;
        var pactEvent = new PactEvent(details, user.RequiredUserId(), buyerGroupId, workingGroupId);
        db.Events.Add(pactEvent);
        audit.Record(
            db,
            user,
            Entity,
            pactEvent.Id,
            buyerGroupId,
            "Created",
            $"Event '{pactEvent.Title}' created",
            null,
            pactEvent.Details);
        await db.SaveChangesAsync(cancellationToken);
        return pactEvent.Id;
    }

    /// <summary>
    /// Changes the event's details when the caller organises it; a <see cref="ConcurrencyConflictException"/> carries the
    /// <see cref="StoredEvent"/> someone else saved after <paramref name="expectedVersion"/>.
    /// </summary>
    public virtual async Task UpdateAsync(
        Guid id,
        uint expectedVersion,
        EventDetails details,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pactEvent = await LoadForOrganiserAsync(db, id, user, cancellationToken);
        db.Entry(pactEvent).ExpectVersion(expectedVersion);
        var before = pactEvent.Details;
        var waiting = pactEvent.WaitingList().ToList();
        pactEvent.Describe(details);
        audit.Record(
            db,
            user,
            Entity,
            pactEvent.Id,
            pactEvent.BuyerGroupId,
            "Changed",
            $"Event '{pactEvent.Title}' changed",
            before,
            pactEvent.Details);
        await db.SaveOrConflictAsync(
            async () => await db.Events.AsNoTracking().Where(e => e.Id == id)
                .Select(e => new StoredEvent(
                    new EventDetails(
                        e.Title,
                        e.Description,
                        e.Kind,
                        e.StartsAt,
                        e.EndsAt,
                        e.TimeZoneId,
                        e.OnlineLink,
                        e.Place,
                        e.Capacity,
                        e.Audience,
                        e.Language,
                        e.Translations),
                    e.Version))
                .SingleOrDefaultAsync(cancellationToken),
            cancellationToken);
        var promoted = waiting.Where(r => r.Status == RegistrationStatus.Registered).Select(r => r.UserId).ToList();
        await TellPromotedAsync(db, user, pactEvent, promoted, cancellationToken);
    }

    /// <summary>
    /// Registers the caller: a seat while there are seats, otherwise the waiting list. The event row is locked for the
    /// count and the insert, so two people taking the last seat at once never overbook it.
    /// </summary>
    public async Task<RegistrationStatus> RegisterAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId() ?? throw new ForbiddenException("Sign in to register.");
        var (status, _) = await WithLockedEventAsync(id, user, pactEvent =>
        {
            var registration = pactEvent.Register(userId, clock.GetUtcNow());
            var joined = registration.Status == RegistrationStatus.Waiting ? "joined the waiting list of" : "registered for";
            return (registration.Status, $"{user.DisplayName()} {joined} '{pactEvent.Title}'");
        }, cancellationToken);
        return status;
    }

    /// <summary>Cancels the caller's registration; the first person waiting gets the seat, a notification and a mail.</summary>
    public async Task CancelAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId() ?? throw new ForbiddenException("Sign in first.");
        var (promoted, pactEvent) = await WithLockedEventAsync(
            id,
            user,
            pactEvent =>
                (pactEvent.Cancel(userId, clock.GetUtcNow())?.UserId, $"{user.DisplayName()} cancelled for '{pactEvent.Title}'"),
            cancellationToken);
        if (promoted is { } promotedUserId)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await TellPromotedAsync(db, user, pactEvent, [promotedUserId], cancellationToken);
        }
    }

    /// <summary>
    /// Runs a change to the seats with the event row locked (<c>FOR UPDATE</c>) from the count to the commit, so two
    /// people taking the last seat at once never overbook it; retried as a whole on a transient failure.
    /// </summary>
    private async Task<(T Result, PactEvent Event)> WithLockedEventAsync<T>(
        Guid id,
        ClaimsPrincipal user,
        Func<PactEvent, (T Result, string Summary)> change,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM events WHERE id = {id} FOR UPDATE", cancellationToken);
            var pactEvent = await db.Events.Include(e => e.Registrations).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            EnsureVisible(pactEvent, user);
            var (result, summary) = change(pactEvent!);
            audit.Record(db, user, Entity, pactEvent!.Id, pactEvent.BuyerGroupId, "Registration", summary, null, null);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (result, pactEvent);
        });
    }

    public async Task RecordAttendanceAsync(
        Guid id,
        Guid attendeeId,
        bool attended,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pactEvent = await LoadForOrganiserAsync(db, id, user, cancellationToken);
        pactEvent.RecordAttendance(attendeeId, attended, clock.GetUtcNow());
        audit.Record(
            db,
            user,
            Entity,
            pactEvent.Id,
            pactEvent.BuyerGroupId,
            "Attendance",
            $"Attendance recorded for '{pactEvent.Title}'",
            null,
            new { attendeeId, attended });
        await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Adds slides, a recording or notes: an uploaded file (checked by content), a link, or both.</summary>
    public async Task AddMaterialAsync(
        Guid id,
        string title,
        string? url,
        DocumentUpload? file,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pactEvent = await LoadForOrganiserAsync(db, id, user, cancellationToken);
        Guid? documentId = null;
        if (file is not null)
        {
            var document = await uploads.ReadAsync(file, user.UserId(), cancellationToken);
            db.StoredDocuments.Add(document);
            documentId = document.Id;
        }

        var now = clock.GetUtcNow();
        var material = pactEvent.AddMaterial(title, url, documentId, now);
        audit.Record(db, user, Entity, pactEvent.Id, pactEvent.BuyerGroupId, "Material added", $"Material '{material.Title}' added to "
            + $"'{pactEvent.Title}'", null, new { material.Title, material.Url });
        await db.SaveOrConflictAsync(cancellationToken);

        // Material added before the event is preparation, found on the event page; afterwards it is what registrants missed or want to
        // keep.
        if (now >= pactEvent.StartsAt)
        {
            var registrants = pactEvent.Registrations.Where(r => r.Status == RegistrationStatus.Registered).Select(r => r.UserId);
            await notifications.PublishAsync(user, registrants, NotificationKind.EventMaterialsPublished,
                new OutgoingText("New material from “{0}”: “{1}”", pactEvent.Title, material.Title), EventLink(pactEvent),
                cancellationToken);
        }
    }

    private static void EnsureVisible(PactEvent? pactEvent, ClaimsPrincipal user)
    {
        // A members-only event does not exist for people outside the buying side.
        if (pactEvent is null || (pactEvent.Audience == EventAudience.MembersOnly && !user.IsBuyerSide()))
        {
            throw new NotFoundException("This event does not exist.");
        }
    }

    private async Task<PactEvent> LoadForOrganiserAsync(
        PortalDbContext db,
        Guid id,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var pactEvent = await db.Events
            .Include(e => e.Registrations)
            .Include(e => e.Materials)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        EnsureVisible(pactEvent, user);
        if (!await CanManageAsync(db, pactEvent!, user, cancellationToken))
        {
            throw new ForbiddenException("Only the organisers of this event can do this.");
        }

        return pactEvent!;
    }

    private static async Task<bool> CanManageAsync(
        PortalDbContext db,
        PactEvent pactEvent,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (user.IsSecretariat())
        {
            return true;
        }

        var userId = user.UserId();
        if (userId is null)
        {
            return false;
        }

        return pactEvent.OrganiserUserId == userId
            || (pactEvent.BuyerGroupId is { } groupId && user.IsInRole(PortalRoles.BuyerGroupCoordinator)
                && await db.BuyerGroupCoordinators.AnyAsync(c => c.BuyerGroupId == groupId && c.UserId == userId, cancellationToken))
            || (pactEvent.WorkingGroupId is { } workingGroupId && user.IsInRole(PortalRoles.WorkingGroupChair)
                && await db.WorkingGroupParticipants.AnyAsync(
                    p => p.WorkingGroupId == workingGroupId && p.UserId == userId && p.Role == ParticipantRole.Chair,
                    cancellationToken));
    }

    private static async Task<IReadOnlyList<OrganiserScope>> ScopesAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var scopes = new List<OrganiserScope>();
        if (user.IsSecretariat())
        {
            scopes.Add(new OrganiserScope(PactScope, "The whole pact"));
        }

        if (user.UserId() is not { } userId)
        {
            return scopes;
        }

        if (user.IsInRole(PortalRoles.BuyerGroupCoordinator))
        {
            scopes.AddRange(await db.BuyerGroupCoordinators
                .AsNoTracking()
                .Where(c => c.UserId == userId)
                .Join(db.BuyerGroups, c => c.BuyerGroupId, g => g.Id, (c, g) => new OrganiserScope("bg:" + g.Id, g.Name))
                .ToListAsync(cancellationToken));
        }

        if (user.IsInRole(PortalRoles.WorkingGroupChair))
        {
            scopes.AddRange(await db.WorkingGroupParticipants
                .AsNoTracking()
                .Where(p => p.UserId == userId && p.Role == ParticipantRole.Chair)
                .Join(db.WorkingGroups, p => p.WorkingGroupId, g => g.Id, (p, g) => new OrganiserScope("wg:" + g.Id, g.Name))
                .ToListAsync(cancellationToken));
        }

        return scopes;
    }

    private static async Task<IReadOnlyList<RegistrationView>> RegistrationsAsync(
        PortalDbContext db,
        PactEvent pactEvent,
        CancellationToken cancellationToken)
    {
        var ids = pactEvent.Registrations.Select(r => r.UserId).ToList();
        var people = await db.Users
            .AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        return pactEvent.Registrations
            .Where(r => r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Status).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => new RegistrationView(
                r.UserId,
                people.GetValueOrDefault(r.UserId)?.DisplayName ?? string.Empty,
                people.GetValueOrDefault(r.UserId)?.Email,
                r.Status,
                r.RegisteredAt,
                r.Attended,
                pactEvent.WaitingPositionOf(r.UserId)))
            .ToList();
    }

    /// <summary>
    /// Notifies the people who moved up from the waiting list, and mails those the notification did not already mail at
    /// once: a seat they now hold (and should cancel if they cannot come) is news they get by mail whatever they chose.
    /// </summary>
    private async Task TellPromotedAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        PactEvent pactEvent,
        IReadOnlyCollection<Guid> promoted,
        CancellationToken cancellationToken)
    {
        if (promoted.Count == 0)
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(pactEvent.TimeZoneId);
        var startsAt = TimeZoneInfo.ConvertTime(pactEvent.StartsAt, zone).DateTime;
        var mailed = await notifications.PublishAsync(
            user,
            promoted,
            NotificationKind.EventSeatFromWaitingList,
            new OutgoingText(
                "You moved up from the waiting list and have a seat at “{0}” on {1:f} ({2})",
                pactEvent.Title,
                startsAt,
                pactEvent.TimeZoneId),
            EventLink(pactEvent),
            cancellationToken);
        var unmailed = promoted.Where(id => !mailed.Contains(id)).ToList();
        var people = await db.Users
            .AsNoTracking()
            .Where(u => unmailed.Contains(u.Id) && u.Email != null)
            .Select(u => new { Email = u.Email!, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            await mail.SendAsync(
                PortalMails.Compose(
                    person.Email,
                    PortalCultures.TextCulture(person.PreferredCulture),
                    new OutgoingText("You have a seat: {0}", pactEvent.Title),
                    MailPart.Text("Dear {0},", person.DisplayName),
                    MailPart.Text(
                        "A seat came free and you have moved up from the waiting list: you are now registered for “{0}” on {1:f} ({2}).",
                        pactEvent.Title,
                        startsAt,
                        pactEvent.TimeZoneId),
                    MailPart.Text("If you can no longer come, please cancel on the event page so the next person gets the seat.")),
                cancellationToken);
        }
    }

    private static string EventLink(PactEvent pactEvent) => $"/events/{pactEvent.Id}";
}
