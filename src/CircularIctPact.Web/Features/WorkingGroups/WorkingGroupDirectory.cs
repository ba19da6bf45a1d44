using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.WorkingGroups;

/// <summary>Reads working groups, their meetings, outcomes and action items as far as the caller may see them.</summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class WorkingGroupDirectory(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>
    /// Whether the caller may download a working group's document, as <see cref="WorkingGroupAccess.MayDownloadAsync"/> decides.
    /// </summary>
    public async Task<bool> MayDownloadAsync(
        WorkingGroupDocumentReference document,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await WorkingGroupAccess.MayDownloadAsync(db, document, user, cancellationToken);
    }

    /// <summary>Every working group with its published public outcomes, in the reader's language where they have it; for anyone.</summary>
    public async Task<IReadOnlyList<WorkingGroupSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var reader = ReaderLanguage.Current;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.WorkingGroups.AsNoTracking()
            .Select(g => new { g.Id, Text = new WorkingGroupText(g.Name, g.Topic, g.Mandate), g.Language, g.Translations })
            .ToListAsync(cancellationToken);
        var outcomes = await db.WorkingGroupOutcomes.AsNoTracking()
            .Where(o => o.Status == OutcomeStatus.Published && o.Visibility == OutcomeVisibility.Public)
            .OrderByDescending(o => o.PublishedAt)
            .Select(o => new { o.WorkingGroupId, o.Id, o.Title, o.Language, o.Translations, o.Type, o.PublishedAt })
            .ToListAsync(cancellationToken);
        var byGroup = outcomes.ToLookup(o => o.WorkingGroupId, o =>
        {
            var title = ContentTranslations.For(reader, o.Language, new OutcomeText(o.Title, null), o.Translations);
            return new OutcomeSummary(o.Id, title.Text.Title!, title.Language, o.Type, o.PublishedAt);
        });
        return [.. groups
            .Select(g => (g.Id, Shown: ContentTranslations.For(reader, g.Language, g.Text, g.Translations)))
            .OrderBy(g => g.Shown.Text.Name, StringComparer.CurrentCulture)
            .Select(g => new WorkingGroupSummary(
                g.Id, g.Shown.Text.Name!, g.Shown.Text.Topic!, g.Shown.Text.Mandate, g.Shown.Language, [.. byGroup[g.Id]]))];
    }

    /// <summary>One group as the caller may see it.</summary>
    public virtual async Task<WorkingGroupView> GetAsync(
        Guid workingGroupId,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.WorkingGroups.AsNoTracking().Where(g => g.Id == workingGroupId)
            .Select(g => new { g.Id, Text = new WorkingGroupText(g.Name, g.Topic, g.Mandate), g.Language, g.Translations, g.Version })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This working group does not exist.");
        var description = new WorkingGroupDescription(group.Language, group.Text, group.Translations, group.Version);
        var (shownLanguage, shown) = ContentTranslations.For(ReaderLanguage.Current, group.Language, group.Text, group.Translations);
        var standing = await WorkingGroupAccess.StandingAsync(db, user, workingGroupId, cancellationToken);
        var outcomes = await OutcomesAsync(
            db,
            db.WorkingGroupOutcomes.Where(o => o.WorkingGroupId == workingGroupId).Where(WorkingGroupAccess.VisibleOutcomes(standing)),
            standing,
            cancellationToken);
        if (!standing.SeesGroupContent)
        {
            return new WorkingGroupView(
                group.Id, shown.Name!, shown.Topic!, shown.Mandate, shownLanguage, description, standing, [], [], outcomes, []);
        }

        var participants = await db.WorkingGroupParticipants.AsNoTracking()
            .Where(p => p.WorkingGroupId == workingGroupId)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { p, u.DisplayName, u.Email })
            .OrderBy(x => x.p.Role).ThenBy(x => x.DisplayName)
            .Select(x => new ParticipantView(
                x.p.UserId,
                x.DisplayName,
                standing.CanManage ? x.Email : null,
                x.p.Role,
                x.p.StakeholderType,
                x.p.Organisation))
            .ToListAsync(cancellationToken);
        var meetings = await db.WorkingGroupMeetings.AsNoTracking()
            .Where(m => m.WorkingGroupId == workingGroupId)
            .OrderByDescending(m => m.StartsAt)
            .Select(m => new
            {
                m.Id,
                m.Title,
                m.StartsAt,
                m.TimeZoneId,
                m.Place,
                m.OnlineLink,
                m.Agenda,
                m.Minutes,
                m.AttendeeUserIds,
                m.AttendanceRecorded,
                m.Version,
                Documents = db.WorkingGroupDocuments.Where(d => d.MeetingId == m.Id)
                    .Join(db.StoredDocuments, d => d.StoredDocumentId, s => s.Id, (d, s) => new DocumentLink(s.Id, s.FileName)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var today = Today();
        var userId = user.UserId();
        var actions = await db.ActionItems.AsNoTracking()
            .Where(a => a.WorkingGroupId == workingGroupId)
            .OrderBy(a => a.Status).ThenBy(a => a.DueOn)
            .Select(a => new
            {
                a.Id,
                a.MeetingId,
                a.Description,
                a.OwnerUserId,
                a.DueOn,
                a.Status,
                a.Version,
                MeetingTitle = db.WorkingGroupMeetings.Where(m => m.Id == a.MeetingId).Select(m => m.Title).First(),
                OwnerName = db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.DisplayName).First(),
            })
            .ToListAsync(cancellationToken);
        return new WorkingGroupView(
            group.Id,
            shown.Name!,
            shown.Topic!,
            shown.Mandate,
            shownLanguage,
            description,
            standing,
            participants,
            [.. meetings.Select(m => new MeetingView(m.Id, m.Title, m.StartsAt, LocalTime(
                m.StartsAt,
                m.TimeZoneId), m.TimeZoneId, m.Place, m.OnlineLink, m.Agenda, m.Minutes,
                m.AttendeeUserIds, m.AttendanceRecorded, m.Documents, m.Version))],
            outcomes,
            [.. actions.Select(
                a => new ActionItemView(a.Id, a.MeetingId, a.MeetingTitle, a.Description, a.OwnerUserId, a.OwnerName, a.DueOn, a.Status,
                    a.Status == ActionItemStatus.Open && a.DueOn < today, standing.CanManage || a.OwnerUserId == userId, a.Version))]);
    }

    /// <summary>One outcome, when the caller may read it; otherwise it does not exist for them.</summary>
    public async Task<OutcomeDetails> GetOutcomeAsync(Guid outcomeId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groupId = await db.WorkingGroupOutcomes
            .AsNoTracking()
            .Where(o => o.Id == outcomeId)
            .Select(o => (Guid?)o.WorkingGroupId)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This outcome does not exist.");
        var standing = await WorkingGroupAccess.StandingAsync(db, user, groupId, cancellationToken);
        var found = await OutcomesAsync(
            db,
            db.WorkingGroupOutcomes.Where(o => o.Id == outcomeId).Where(WorkingGroupAccess.VisibleOutcomes(standing)),
            standing,
            cancellationToken);
        return found.Count == 1 ? found[0] : throw new NotFoundException("This outcome does not exist or is not shared with you.");
    }

    /// <summary>The groups the caller chairs or takes part in, with their own open and overdue actions.</summary>
    public async Task<IReadOnlyList<MyWorkingGroup>> MineAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.RequiredUserId();
        var today = Today();
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var reader = ReaderLanguage.Current;
        var groups = await db.WorkingGroupParticipants.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Join(
                db.WorkingGroups,
                p => p.WorkingGroupId,
                g => g.Id,
                (p, g) => new { p.Role, g.Id, g.Name, g.Topic, g.Language, g.Translations })
            .OrderBy(x => x.Name)
            .Select(x => new
            {
                x.Id,
                Text = new WorkingGroupText(x.Name, x.Topic, null),
                x.Language,
                x.Translations,
                x.Role,
                Open = db.ActionItems.Count(a => a.WorkingGroupId == x.Id && a.OwnerUserId == userId && a.Status == ActionItemStatus.Open),
                Overdue = db.ActionItems.Count(
                    a => a.WorkingGroupId == x.Id && a.OwnerUserId == userId && a.Status == ActionItemStatus.Open && a.DueOn < today),
                NextMeeting = db.WorkingGroupMeetings
                    .Where(m => m.WorkingGroupId == x.Id && m.StartsAt >= now)
                    .OrderBy(m => m.StartsAt)
                    .Select(m => (DateTimeOffset?)m.StartsAt)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. groups.Select(g =>
        {
            var shown = ContentTranslations.For(reader, g.Language, g.Text, g.Translations);
            return new MyWorkingGroup(g.Id, shown.Text.Name!, shown.Text.Topic!, shown.Language, g.Role, g.Open, g.Overdue, g.NextMeeting);
        })];
    }

    /// <summary>Criteria proposals from working groups for one criteria set; for the secretariat.</summary>
    public virtual async Task<IReadOnlyList<CriteriaProposalLink>> ProposalsForAsync(
        Guid criteriaSetId,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat())
        {
            throw new ForbiddenException("Only the pact secretariat sees where proposals for a criteria set came from.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.WorkingGroupOutcomes.AsNoTracking()
            .Where(o => o.CriteriaSetId == criteriaSetId)
            .Join(db.WorkingGroups, o => o.WorkingGroupId, g => g.Id, (o, g) => new { o.Id, o.Title, g.Name, o.Status })
            .OrderBy(p => p.Name).ThenBy(p => p.Title)
            .Select(p => new CriteriaProposalLink(p.Id, p.Title, p.Name, p.Status))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The criteria sets a proposal can be linked to: drafts and sets in review.</summary>
    public virtual async Task<IReadOnlyList<CriteriaSetOption>> DraftCriteriaSetsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var labels = await CriteriaSetLabelsAsync(
            db,
            s => s.Status == CriteriaSetStatus.Draft || s.Status == CriteriaSetStatus.InReview,
            cancellationToken);
        return [.. labels.Select(l => new CriteriaSetOption(l.Key, l.Value)).OrderBy(o => o.Label, StringComparer.Ordinal)];
    }

    private async Task<List<OutcomeDetails>> OutcomesAsync(
        PortalDbContext db,
        IQueryable<WorkingGroupOutcome> query,
        GroupStanding standing,
        CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .OrderBy(o => o.Status).ThenByDescending(o => o.PublishedAt).ThenBy(o => o.Title)
            .Select(o => new
            {
                o.Id,
                o.WorkingGroupId,
                o.MeetingId,
                Text = new OutcomeText(o.Title, o.Body),
                o.Language,
                o.Translations,
                o.Type,
                o.Status,
                o.Visibility,
                o.PublishedAt,
                o.CriteriaSetId,
                o.Version,
                Group = db.WorkingGroups.Where(g => g.Id == o.WorkingGroupId)
                    .Select(g => new { Text = new WorkingGroupText(g.Name, g.Topic, null), g.Language, g.Translations })
                    .First(),
                Documents = db.WorkingGroupDocuments.Where(d => d.OutcomeId == o.Id)
                    .Join(db.StoredDocuments, d => d.StoredDocumentId, s => s.Id, (d, s) => new DocumentLink(s.Id, s.FileName)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var setIds = rows.Where(r => r.CriteriaSetId is not null).Select(r => r.CriteriaSetId!.Value).Distinct().ToList();
        var labels = setIds.Count == 0 || !(standing.IsBuyerSide || standing.CanManage)
            ? new Dictionary<Guid, string>()
            : await CriteriaSetLabelsAsync(db, s => setIds.Contains(s.Id), cancellationToken);
        var reader = ReaderLanguage.Current;
        return [.. rows.Select(r =>
        {
            var shown = ContentTranslations.For(reader, r.Language, r.Text, r.Translations);
            var group = ContentTranslations.For(reader, r.Group.Language, r.Group.Text, r.Group.Translations);
            return new OutcomeDetails(
                r.Id,
                r.WorkingGroupId,
                group.Text.Name!,
                group.Language,
                r.MeetingId,
                shown.Text.Title!,
                r.Type,
                shown.Text.Body!,
                shown.Language,
                new OutcomeWriting(r.Language, r.Text, r.Translations),
                r.Status,
                r.Visibility,
                r.PublishedAt,
                r.CriteriaSetId,
                r.CriteriaSetId is { } setId ? labels.GetValueOrDefault(setId) : null,
                r.Documents,
                standing.CanManage,
                r.Version);
        })];
    }

    private static async Task<Dictionary<Guid, string>> CriteriaSetLabelsAsync(
        PortalDbContext db,
        System.Linq.Expressions.Expression<Func<CriteriaSet, bool>> filter,
        CancellationToken cancellationToken)
    {
        var sets = await db.CriteriaSets.AsNoTracking().Where(filter)
            .Join(db.ProductGroups, s => s.ProductGroupId, p => p.Id, (s, p) => new { s.Id, p.Slug, s.Number })
            .ToListAsync(cancellationToken);
        return sets.ToDictionary(s => s.Id, s => $"{s.Slug} {s.Number}");
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static DateTime LocalTime(DateTimeOffset instant, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime;
}
