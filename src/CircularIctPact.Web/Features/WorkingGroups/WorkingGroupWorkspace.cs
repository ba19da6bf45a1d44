using System.Globalization;
using System.Security.Claims;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Mail;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Features.Onboarding;
using CircularIctPact.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.WorkingGroups;

/// <summary>
/// What chairs do in their own working group (and the secretariat in any): participants, meetings with
/// agenda, minutes, attendance and documents, outcomes from draft to published, and action items.
/// Participants may only change the status of the action items they own. Participants hear about planned
/// meetings, minutes and published outcomes (whatever the outcome's visibility, only the group is told), and
/// owners about the action items given to them.
/// </summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class WorkingGroupWorkspace(
    IDbContextFactory<PortalDbContext> contextFactory,
    IServiceScopeFactory scopes,
    DocumentUploads uploads,
    IMailSender mail,
    INotificationPublisher notifications,
    AuditTrail audit,
    PortalAddress address,
    TimeProvider clock)
{
    // The invitation of an external stakeholder, and the meeting an outcome or document is filed under: no rule of the
    // working group names these inputs.
    public static readonly FormField EmailField = new("Email");
    public static readonly FormField NameField = new("Name");
    public static readonly FormField MeetingField = new("Meeting");

    /// <summary>Portal accounts matching a name or e-mail that are not yet in the group; for its chairs.</summary>
    public async Task<IReadOnlyList<AccountOption>> SearchAccountsAsync(
        ClaimsPrincipal user,
        Guid workingGroupId,
        string? text,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await WorkingGroupAccess.EnsureManageAsync(db, user, workingGroupId, cancellationToken);
        var term = text?.Trim();
        if (term is null || term.Length < 2)
        {
            return [];
        }

        var pattern = "%"
            + term.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal)
            + "%";
        return await db.Users.AsNoTracking()
            .Where(u => EF.Functions.ILike(u.DisplayName, pattern) || EF.Functions.ILike(u.Email!, pattern))
            .Where(u => !db.WorkingGroupParticipants.Any(p => p.WorkingGroupId == workingGroupId && p.UserId == u.Id))
            .OrderBy(u => u.DisplayName)
            .Take(10)
            .Select(u => new AccountOption(
                u.Id,
                u.DisplayName,
                u.Email!,
                db.MemberOrganisations.Where(m => m.Id == u.MemberOrganisationId).Select(m => m.LegalName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public async Task AddParticipantAsync(
        ClaimsPrincipal user,
        Guid workingGroupId,
        Guid userId,
        StakeholderType stakeholderType,
        string? organisation,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await WorkingGroupAccess.EnsureManageAsync(db, user, workingGroupId, cancellationToken);
        var group = await LoadGroupAsync(db, workingGroupId, cancellationToken);
        var person = await AccountRights.RenewAsync(db, userId, cancellationToken);
        group.AddParticipant(userId, ParticipantRole.Participant, stakeholderType, organisation);
        audit.Record(db, user, WorkingGroupAccess.EntityType, group.Id, null, "ParticipantAdded",
            $"{person.DisplayName} ({person.Email}) takes part in {group.Name}", null, new
            {
                ParticipantUserId = userId,
                StakeholderType = stakeholderType,
                Organisation = organisation,
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Creates a Stakeholder account for someone outside the pact's members, adds them to the group and
    /// mails a link to choose a password. <paramref name="baseUri"/> is the portal's address as the chair reached it.
    /// </summary>
    public async Task InviteStakeholderAsync(
        ClaimsPrincipal user,
        Guid workingGroupId,
        StakeholderInvite invite,
        string baseUri,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await WorkingGroupAccess.EnsureManageAsync(db, user, workingGroupId, cancellationToken);
        var group = await LoadGroupAsync(db, workingGroupId, cancellationToken);
        var email = EmailAddress.Parse(invite.Email, EmailField).Value;
        var name = invite.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            throw new DomainException(NameField, "Give the person's name (at most 200 characters).");
        }

        if (invite.StakeholderType == StakeholderType.MemberOrganisation)
        {
            throw new DomainException(
                WorkingGroupFields.StakeholderType,
                "External stakeholders are market parties, NGOs, non-profits, policymakers or researchers; " +
                "people from member organisations are invited by their coordinator.");
        }

        if (invite.Organisation?.Trim().Length > WorkingGroupParticipant.OrganisationMaxLength)
        {
            throw new DomainException(
                WorkingGroupFields.Organisation,
                "Organisation can be at most {0} characters.",
                WorkingGroupParticipant.OrganisationMaxLength);
        }

        var normalised = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalised, cancellationToken))
        {
            throw new DomainException(EmailField, "{0} already has a portal account; find it with the search above and add it.", email);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = clock.GetUtcNow(),
        };
        Users.AccountChanges.Check(await users.CreateAsync(account));
        Users.AccountChanges.Check(await users.AddToRoleAsync(account, PortalRoles.Stakeholder));
        group.AddParticipant(account.Id, ParticipantRole.Participant, invite.StakeholderType, invite.Organisation);
        audit.Record(db, user, WorkingGroupAccess.EntityType, group.Id, null, "StakeholderInvited",
            $"{name} <{email}> of {invite.Organisation} invited to {group.Name} as an external stakeholder", null,
            new { ParticipantUserId = account.Id, Email = email, invite.StakeholderType, invite.Organisation });
        await db.SaveChangesAsync(cancellationToken);

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(account)));
        var link = address.LinkFor(baseUri, $"Account/ResetPassword?code={Uri.EscapeDataString(token)}");
        // The new account has no language of its own yet: the mail speaks the chair's.
        await mail.SendAsync(PortalMails.Compose(email, PortalCultures.CurrentTextCulture,
            new OutgoingText("You are invited to the working group {0}", group.Name),
            MailPart.Text("Hello {0},", name),
            MailPart.Text("{0} added you to the working group “{1}” of the Circular & Fair ICT Pact. In the portal you find the group's "
                + "meetings, outcomes and your action items.", user.DisplayName(), group.Name),
            MailPart.Linked("Choose your password", link),
            MailPart.Text("Sign in afterwards with {0}. The link works once and expires after a day; if it has expired, use “Forgot "
                + "your password?” on the sign-in page.", email)), cancellationToken);
    }

    public async Task RemoveParticipantAsync(
        ClaimsPrincipal user,
        Guid workingGroupId,
        Guid userId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await WorkingGroupAccess.EnsureManageAsync(db, user, workingGroupId, cancellationToken);
        var group = await LoadGroupAsync(db, workingGroupId, cancellationToken);
        if (group.IsChair(userId))
        {
            throw new DomainException(WorkingGroupFields.Participant, "Chairs are assigned and removed by the pact secretariat.");
        }

        group.RemoveParticipant(userId);
        var email = (await AccountRights.RenewAsync(db, userId, cancellationToken)).Email;
        audit.Record(
            db,
            user,
            WorkingGroupAccess.EntityType,
            group.Id,
            null,
            "ParticipantRemoved",
            $"{email} no longer takes part in {group.Name}",
            new { ParticipantUserId = userId, Email = email },
            null);
        await db.SaveChangesAsync(cancellationToken);
    }

    public virtual async Task<Guid> PlanMeetingAsync(
        ClaimsPrincipal user,
        Guid workingGroupId,
        MeetingDraft draft,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await WorkingGroupAccess.EnsureManageAsync(db, user, workingGroupId, cancellationToken);
        var meeting =
            new WorkingGroupMeeting(workingGroupId, draft.Title ?? string.Empty, RequiredStart(draft), draft.TimeZoneId ?? string.Empty,
                draft.Place, draft.OnlineLink, draft.Agenda ?? string.Empty);
        db.WorkingGroupMeetings.Add(meeting);
        audit.Record(db, user, WorkingGroupAccess.EntityType, workingGroupId, null, "MeetingPlanned",
            $"Meeting \"{meeting.Title}\" planned for {meeting.LocalStart:yyyy-MM-dd HH:mm} {meeting.TimeZoneId}", null, MeetingSnapshot(
                meeting));
        await db.SaveChangesAsync(cancellationToken);
        await TellParticipantsAsync(user, workingGroupId, NotificationKind.WorkingGroupMeetingPlanned,
            group => new OutgoingText("{0} planned a meeting: “{1}” on {2:f} ({3})", group, meeting.Title, meeting.LocalStart,
                meeting.TimeZoneId),
            WorkspaceLink(workingGroupId), cancellationToken);
        return meeting.Id;
    }

    public Task ReplanMeetingAsync(
        ClaimsPrincipal user,
        Guid meetingId,
        uint rowVersion,
        MeetingDraft draft,
        CancellationToken cancellationToken = default) =>
        ChangeMeetingAsync(user, meetingId, rowVersion, "MeetingChanged", (meeting, _) =>
            meeting.Plan(draft.Title ?? string.Empty, RequiredStart(draft), draft.TimeZoneId
                ?? string.Empty, draft.Place, draft.OnlineLink, draft.Agenda ?? string.Empty), cancellationToken);
    /// <summary>Saves the minutes; the group's participants are told when a meeting's minutes first become available.</summary>
    public async Task WriteMinutesAsync(
        ClaimsPrincipal user,
        Guid meetingId,
        uint rowVersion,
        string? minutes,
        CancellationToken cancellationToken = default)
    {
        var hadMinutes = false;
        var meeting = await ChangeMeetingAsync(user, meetingId, rowVersion, "MinutesWritten", (meeting, _) =>
        {
            hadMinutes = meeting.Minutes is not null;
            meeting.WriteMinutes(minutes);
        }, cancellationToken);
        if (!hadMinutes && meeting.Minutes is not null)
        {
            await TellParticipantsAsync(user, meeting.WorkingGroupId, NotificationKind.WorkingGroupMinutesPublished,
                group => new OutgoingText("Minutes of “{0}” ({1}) are available", meeting.Title, group),
                WorkspaceLink(meeting.WorkingGroupId), cancellationToken);
        }
    }

    public Task RecordAttendanceAsync(
        ClaimsPrincipal user,
        Guid meetingId,
        uint rowVersion,
        IReadOnlyCollection<Guid> attendees,
        CancellationToken cancellationToken = default) =>
        ChangeMeetingAsync(
            user,
            meetingId,
            rowVersion,
            "AttendanceRecorded",
            (meeting, participants) => meeting.RecordAttendance(attendees, participants),
            cancellationToken);
    public async Task AttachToMeetingAsync(
        ClaimsPrincipal user,
        Guid meetingId,
        DocumentUpload upload,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groupId = await db.WorkingGroupMeetings
            .Where(m => m.Id == meetingId)
            .Select(m => (Guid?)m.WorkingGroupId)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This meeting does not exist.");
        await AttachAsync(db, user, groupId, meetingId, null, upload, cancellationToken);
    }

    public async Task AttachToOutcomeAsync(
        ClaimsPrincipal user,
        Guid outcomeId,
        DocumentUpload upload,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groupId = await db.WorkingGroupOutcomes
            .Where(o => o.Id == outcomeId)
            .Select(o => (Guid?)o.WorkingGroupId)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This outcome does not exist.");
        await AttachAsync(db, user, groupId, null, outcomeId, upload, cancellationToken);
    }

    public async Task<Guid> CreateOutcomeAsync(
        ClaimsPrincipal user,
        Guid workingGroupId,
        OutcomeDraft draft,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await WorkingGroupAccess.EnsureManageAsync(db, user, workingGroupId, cancellationToken);
        await CheckLinksAsync(db, workingGroupId, draft, cancellationToken);
        var outcome = new WorkingGroupOutcome(
            workingGroupId,
            draft.MeetingId,
            draft.Title ?? string.Empty,
            draft.Type,
            draft.Body ?? string.Empty,
            ChosenVisibility(draft),
            draft.CriteriaSetId,
            draft.Language,
            draft.Translations);
        db.WorkingGroupOutcomes.Add(outcome);
        audit.Record(
            db,
            user,
            WorkingGroupAccess.EntityType,
            workingGroupId,
            null,
            "OutcomeDrafted",
            $"Outcome \"{outcome.Title}\" drafted",
            null,
            OutcomeSnapshot(outcome));
        await db.SaveChangesAsync(cancellationToken);
        return outcome.Id;
    }

    public Task EditOutcomeAsync(
        ClaimsPrincipal user,
        Guid outcomeId,
        uint rowVersion,
        OutcomeDraft draft,
        CancellationToken cancellationToken = default) =>
        ChangeOutcomeAsync(user, outcomeId, rowVersion, "OutcomeEdited", async (db, outcome) =>
        {
            await CheckLinksAsync(db, outcome.WorkingGroupId, draft with { MeetingId = outcome.MeetingId }, cancellationToken);
            outcome.Edit(
                draft.Title ?? string.Empty,
                draft.Type,
                draft.Body ?? string.Empty,
                ChosenVisibility(draft),
                draft.CriteriaSetId,
                draft.Language,
                draft.Translations);
        }, cancellationToken);

    /// <summary>Who may read a published outcome is always a deliberate choice, never a default nobody noticed.</summary>
    private static OutcomeVisibility ChosenVisibility(OutcomeDraft draft) =>
        draft.Visibility
            ?? throw new DomainException(
                WorkingGroupOutcomeFields.Visibility,
                "Choose who may read the outcome once it is published.");

    /// <summary>
    /// Publishes an outcome and tells the group's participants; members or the public who may also read it are not notified.
    /// </summary>
    public async Task PublishOutcomeAsync(
        ClaimsPrincipal user,
        Guid outcomeId,
        uint rowVersion,
        CancellationToken cancellationToken = default)
    {
        var outcome = await ChangeOutcomeAsync(user, outcomeId, rowVersion, "OutcomePublished", (_, outcome) =>
        {
            outcome.Publish(clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);
        await TellParticipantsAsync(user, outcome.WorkingGroupId, NotificationKind.WorkingGroupOutcomePublished,
            group => new OutgoingText("{0} published “{1}”", group, outcome.Title), $"/working-groups/outcomes/{outcome.Id}",
            cancellationToken);
    }

    public async Task<Guid> AddActionItemAsync(
        ClaimsPrincipal user,
        Guid meetingId,
        ActionItemDraft draft,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groupId = await db.WorkingGroupMeetings
            .Where(m => m.Id == meetingId)
            .Select(m => (Guid?)m.WorkingGroupId)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This meeting does not exist.");
        await WorkingGroupAccess.EnsureManageAsync(db, user, groupId, cancellationToken);
        if (draft.OwnerUserId is not { } owner
            || !await db.WorkingGroupParticipants.AnyAsync(p => p.WorkingGroupId == groupId && p.UserId == owner, cancellationToken))
        {
            throw new DomainException(ActionItemFields.Owner, "Choose a participant of the working group as owner.");
        }

        var item = new ActionItem(groupId, meetingId, draft.Description ?? string.Empty, owner, draft.DueOn ?? default);
        db.ActionItems.Add(item);
        audit.Record(
            db,
            user,
            WorkingGroupAccess.EntityType,
            groupId,
            null,
            "ActionItemAdded",
            $"Action \"{item.Description}\" due {item.DueOn:yyyy-MM-dd}",
            null,
            new { item.Id, item.Description, item.OwnerUserId, item.DueOn });
        await db.SaveChangesAsync(cancellationToken);
        await notifications.PublishAsync(user, [owner], NotificationKind.ActionItemAssigned,
            new OutgoingText("{0} gave you an action, due {1:D}: “{2}”", user.DisplayName(), item.DueOn, item.Description),
            WorkspaceLink(groupId), cancellationToken);
        return item.Id;
    }

    /// <summary>The chairs, the secretariat and the action's owner may mark it done, cancelled or open again.</summary>
    public async Task ChangeActionItemStatusAsync(
        ClaimsPrincipal user,
        Guid actionItemId,
        uint rowVersion,
        ActionItemStatus status,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == actionItemId, cancellationToken)
            ?? throw new NotFoundException("This action item does not exist.");
        var standing = await WorkingGroupAccess.StandingAsync(db, user, item.WorkingGroupId, cancellationToken);
        if (!standing.CanManage && !(standing.IsParticipant && item.OwnerUserId == user.UserId()))
        {
            throw new ForbiddenException("Only the owner of this action and the chairs of its working group can change it.");
        }

        db.Entry(item).ExpectVersion(rowVersion);
        var before = item.Status;
        item.ChangeStatus(status);
        audit.Record(db, user, WorkingGroupAccess.EntityType, item.WorkingGroupId, null, "ActionItemStatusChanged",
            $"Action \"{item.Description}\": {before} → {status}", new { item.Id, Status = before }, new { item.Id, Status = status });
        await db.SaveOrConflictAsync(
            async () => await CurrentAsync(
                db => db.ActionItems.Where(a => a.Id == actionItemId).Select(a => new { a.Description, a.Status, a.DueOn })),
            cancellationToken);
    }

    /// <summary>Applies <paramref name="change"/> to the meeting and saves it; returns the saved meeting.</summary>
    private async Task<WorkingGroupMeeting> ChangeMeetingAsync(
        ClaimsPrincipal user,
        Guid meetingId,
        uint rowVersion,
        string action,
        Action<WorkingGroupMeeting, IReadOnlyCollection<Guid>> change,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.WorkingGroupMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            ?? throw new NotFoundException("This meeting does not exist.");
        await WorkingGroupAccess.EnsureManageAsync(db, user, meeting.WorkingGroupId, cancellationToken);
        var participants = await db.WorkingGroupParticipants
            .Where(p => p.WorkingGroupId == meeting.WorkingGroupId)
            .Select(p => p.UserId)
            .ToListAsync(cancellationToken);
        db.Entry(meeting).ExpectVersion(rowVersion);
        var before = MeetingSnapshot(meeting);
        change(meeting, participants);
        audit.Record(
            db,
            user,
            WorkingGroupAccess.EntityType,
            meeting.WorkingGroupId,
            null,
            action,
            $"Meeting \"{meeting.Title}\": {action}",
            before,
            MeetingSnapshot(meeting));
        await db.SaveOrConflictAsync(
            async () => await CurrentAsync(
                db => db.WorkingGroupMeetings.Where(m => m.Id == meetingId).Select(m => new { m.Title, m.Agenda, m.Minutes })),
            cancellationToken);
        return meeting;
    }

    /// <summary>Applies <paramref name="change"/> to the outcome and saves it; returns the saved outcome.</summary>
    private async Task<WorkingGroupOutcome> ChangeOutcomeAsync(
        ClaimsPrincipal user,
        Guid outcomeId,
        uint rowVersion,
        string action,
        Func<PortalDbContext, WorkingGroupOutcome, Task> change,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var outcome = await db.WorkingGroupOutcomes.SingleOrDefaultAsync(o => o.Id == outcomeId, cancellationToken)
            ?? throw new NotFoundException("This outcome does not exist.");
        await WorkingGroupAccess.EnsureManageAsync(db, user, outcome.WorkingGroupId, cancellationToken);
        db.Entry(outcome).ExpectVersion(rowVersion);
        var before = OutcomeSnapshot(outcome);
        await change(db, outcome);
        audit.Record(
            db,
            user,
            WorkingGroupAccess.EntityType,
            outcome.WorkingGroupId,
            null,
            action,
            $"Outcome \"{outcome.Title}\": {action}",
            before,
            OutcomeSnapshot(outcome));
        await db.SaveOrConflictAsync(
            async () => await CurrentAsync(
                db => db.WorkingGroupOutcomes.Where(o => o.Id == outcomeId).Select(o => new { o.Title, o.Body, o.Status, o.Visibility })),
            cancellationToken);
        return outcome;
    }

    private async Task AttachAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        Guid groupId,
        Guid? meetingId,
        Guid? outcomeId,
        DocumentUpload upload,
        CancellationToken cancellationToken)
    {
        await WorkingGroupAccess.EnsureManageAsync(db, user, groupId, cancellationToken);
        var stored = await uploads.ReadAsync(upload, user.UserId(), cancellationToken);
        db.StoredDocuments.Add(stored);
        db.WorkingGroupDocuments.Add(new WorkingGroupDocument(groupId, meetingId, outcomeId, stored.Id));
        audit.Record(db, user, WorkingGroupAccess.EntityType, groupId, null, "DocumentAttached", $"{stored.FileName} attached", null,
            new { stored.Id, stored.FileName, MeetingId = meetingId, OutcomeId = outcomeId });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task CheckLinksAsync(
        PortalDbContext db,
        Guid workingGroupId,
        OutcomeDraft draft,
        CancellationToken cancellationToken)
    {
        if (draft.MeetingId is { } meetingId
            && !await db.WorkingGroupMeetings.AnyAsync(m => m.Id == meetingId && m.WorkingGroupId == workingGroupId, cancellationToken))
        {
            throw new DomainException(MeetingField, "Choose a meeting of this working group.");
        }

        if (draft.CriteriaSetId is { } setId
            && !await db.CriteriaSets.AnyAsync(
                s => s.Id == setId && (s.Status == CriteriaSetStatus.Draft || s.Status == CriteriaSetStatus.InReview),
                cancellationToken))
        {
            throw new DomainException(
                WorkingGroupOutcomeFields.CriteriaSet,
                "A criteria proposal can only be linked to a criteria set that is a draft or in review.");
        }
    }

    private async Task<object?> CurrentAsync<T>(Func<PortalDbContext, IQueryable<T>> query)
        where T : class
    {
        await using var fresh = await contextFactory.CreateDbContextAsync();
        return await query(fresh).AsNoTracking().FirstOrDefaultAsync();
    }

    /// <summary>
    /// Notifies everyone taking part in the group (chairs too) except the actor, once the change is saved. One query
    /// finds the group's name, which <paramref name="title"/> puts in the notification, and its participants.
    /// </summary>
    private async Task TellParticipantsAsync(
        ClaimsPrincipal user,
        Guid workingGroupId,
        NotificationKind kind,
        Func<string, OutgoingText> title,
        string link,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.WorkingGroups.AsNoTracking().Where(g => g.Id == workingGroupId)
            .Select(g => new { g.Name, Participants = g.Participants.Select(p => p.UserId).ToList() })
            .SingleAsync(cancellationToken);
        await notifications.PublishAsync(user, group.Participants, kind, title(group.Name), link, cancellationToken);
    }

    private static string WorkspaceLink(Guid workingGroupId) => $"/working-groups/{workingGroupId}/workspace";

    private static async Task<WorkingGroup> LoadGroupAsync(PortalDbContext db, Guid workingGroupId, CancellationToken cancellationToken) =>
        await db.WorkingGroups.Include(g => g.Participants).SingleOrDefaultAsync(g => g.Id == workingGroupId, cancellationToken)
            ?? throw new NotFoundException("This working group does not exist.");

    private static DateTime RequiredStart(MeetingDraft draft) =>
        draft.LocalStart ?? throw new DomainException(WorkingGroupMeetingFields.Start, "Choose the date and time of the meeting.");

    private static object MeetingSnapshot(WorkingGroupMeeting m) =>
        new { m.Title, m.StartsAt, m.TimeZoneId, m.Place, m.OnlineLink, m.Agenda, m.Minutes, Attendees = m.AttendeeUserIds.ToList() };

    private static object OutcomeSnapshot(WorkingGroupOutcome o) =>
        new { o.Title, o.Type, o.Body, o.Status, o.Visibility, o.PublishedAt, o.CriteriaSetId };
}
