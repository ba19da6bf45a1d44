using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.WorkingGroups;

/// <summary>
/// Taking part in a working group ends with the account: the participation (with the organisation and
/// stakeholder type the person gave) is deleted. What the group relies on stays: action items they owned keep
/// their history and show the pseudonym as owner until a chair reassigns them, and meetings they attended keep
/// the anonymised account in their attendance so the record of who was present stays the right size. Agendas,
/// minutes and outcomes carry no author column (who wrote them is in the audit trail); where they name the
/// person, in the groups they took part in, the name and address become the pseudonym.
/// </summary>
public sealed class WorkingGroupsPersonalData : IPersonalDataContributor
{
    public string Section => "workingGroups";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var participations = await db.WorkingGroupParticipants.AsNoTracking()
            .Where(participant => participant.UserId == id)
            .Join(db.WorkingGroups, participant => participant.WorkingGroupId, group => group.Id, (participant, group) => new
            {
                WorkingGroupId = group.Id,
                WorkingGroup = group.Name,
                participant.Role,
                participant.StakeholderType,
                participant.Organisation,
            })
            .ToListAsync(cancellationToken);
        var attended = await db.WorkingGroupMeetings.AsNoTracking()
            .Where(meeting => meeting.AttendeeUserIds.Contains(id))
            .Join(
                db.WorkingGroups,
                meeting => meeting.WorkingGroupId,
                group => group.Id,
                (meeting, group) => new { WorkingGroup = group.Name, MeetingId = meeting.Id, Meeting = meeting.Title, meeting.StartsAt })
            .OrderBy(meeting => meeting.StartsAt)
            .ToListAsync(cancellationToken);
        var actionItems = await db.ActionItems.AsNoTracking()
            .Where(item => item.OwnerUserId == id)
            .Join(db.WorkingGroupMeetings, item => item.MeetingId, meeting => meeting.Id, (item, meeting) => new
            {
                item.Id,
                WorkingGroup = db.WorkingGroups.Where(g => g.Id == item.WorkingGroupId).Select(g => g.Name).First(),
                Meeting = meeting.Title,
                item.Description,
                item.DueOn,
                item.Status,
            })
            .OrderBy(item => item.DueOn)
            .ToListAsync(cancellationToken);

        var groups = await GroupsOfAsync(db, id, cancellationToken);
        var (name, email) = (Pattern(subject.DisplayName), Pattern(subject.Email) ?? string.Empty);
        var meetingsNamingYou = await db.WorkingGroupMeetings.AsNoTracking()
            .Where(meeting => groups.Contains(meeting.WorkingGroupId)
                && (EF.Functions.ILike(meeting.Agenda + "\n" + (meeting.Minutes ?? string.Empty), email)
                    || (name != null && EF.Functions.ILike(meeting.Agenda + "\n" + (meeting.Minutes ?? string.Empty), name))))
            .OrderBy(meeting => meeting.StartsAt)
            .Select(meeting => new { meeting.Id, meeting.Title, meeting.StartsAt, meeting.Agenda, meeting.Minutes })
            .ToListAsync(cancellationToken);
        var outcomesNamingYou = await db.WorkingGroupOutcomes.AsNoTracking()
            .Where(outcome => groups.Contains(outcome.WorkingGroupId)
                && (EF.Functions.ILike(outcome.Title + "\n" + outcome.Body, email)
                    || (name != null && EF.Functions.ILike(outcome.Title + "\n" + outcome.Body, name))))
            .Select(outcome => new { outcome.Id, outcome.Title, outcome.Body, outcome.Status, outcome.PublishedAt })
            .ToListAsync(cancellationToken);

        return new
        {
            Participations = participations,
            MeetingsYouAttended = attended,
            ActionItemsYouOwn = actionItems,
            MeetingsNamingYou = meetingsNamingYou,
            OutcomesNamingYou = outcomesNamingYou,
        };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var groups = await GroupsOfAsync(db, id, cancellationToken);
        var (namePattern, emailPattern) = (Pattern(subject.DisplayName), Pattern(subject.Email) ?? string.Empty);

        await db.WorkingGroupMeetings
            .Where(meeting => groups.Contains(meeting.WorkingGroupId)
                && (EF.Functions.ILike(meeting.Title + "\n" + meeting.Agenda + "\n" + (meeting.Minutes ?? string.Empty), emailPattern)
                    || (namePattern != null && EF.Functions.Like(
                        meeting.Title + "\n" + meeting.Agenda + "\n" + (meeting.Minutes ?? string.Empty),
                        namePattern))))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.Title, subject.WithoutIdentity<WorkingGroupMeeting>(m => m.Title))
                    .SetProperty(m => m.Agenda, subject.WithoutIdentity<WorkingGroupMeeting>(m => m.Agenda))
                    .SetProperty(m => m.Minutes, subject.WithoutIdentity<WorkingGroupMeeting>(m => m.Minutes!)!),
                cancellationToken);
        await db.WorkingGroupOutcomes
            .Where(outcome => groups.Contains(outcome.WorkingGroupId)
                && (EF.Functions.ILike(outcome.Title + "\n" + outcome.Body, emailPattern)
                    || (namePattern != null && EF.Functions.Like(outcome.Title + "\n" + outcome.Body, namePattern))))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(o => o.Title, subject.WithoutIdentity<WorkingGroupOutcome>(o => o.Title))
                    .SetProperty(o => o.Body, subject.WithoutIdentity<WorkingGroupOutcome>(o => o.Body)),
                cancellationToken);
        await db.WorkingGroupParticipants.Where(participant => participant.UserId == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The groups whose records may name the person: they take part, attended a meeting or own an action item.</summary>
    private static async Task<List<Guid>> GroupsOfAsync(PortalDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.WorkingGroupParticipants
            .Where(participant => participant.UserId == userId)
            .Select(participant => participant.WorkingGroupId)
            .Union(db.WorkingGroupMeetings
                .Where(meeting => meeting.AttendeeUserIds.Contains(userId))
                .Select(meeting => meeting.WorkingGroupId))
            .Union(db.ActionItems.Where(item => item.OwnerUserId == userId).Select(item => item.WorkingGroupId))
            .ToListAsync(cancellationToken);

    private static string? Pattern(string text) => text.Length > 0 ? $"%{text}%" : null;
}
