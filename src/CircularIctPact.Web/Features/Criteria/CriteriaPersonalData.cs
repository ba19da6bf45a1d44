using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Saved shortlists are the person's own and are deleted; suggestions on criteria are part of the
/// criteria's history and stay, attributed to the anonymised account, as do the triage decisions the person
/// took on other people's suggestions.
/// </summary>
public sealed class CriteriaPersonalData : IPersonalDataContributor
{
    public string Section => "criteria";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var shortlists = await db.SavedShortlists.AsNoTracking()
            .Where(list => list.OwnerUserId == subject.UserId)
            .OrderBy(list => list.CreatedAt)
            .ToListAsync(cancellationToken);
        var suggestions = await db.CriterionSuggestions.AsNoTracking()
            .Where(suggestion => suggestion.AuthorUserId == subject.UserId)
            .OrderBy(suggestion => suggestion.SubmittedAt)
            .ToListAsync(cancellationToken);
        var triaged = await db.CriterionSuggestions.CountAsync(
            suggestion => suggestion.TriagedByUserId == subject.UserId,
            cancellationToken);

        return new
        {
            SavedShortlists = shortlists.Select(
                list => new { list.Id, list.Name, Language = list.Language.ToString(), list.CriterionIds, list.CreatedAt, list.UpdatedAt }),
            Suggestions = suggestions.Select(suggestion => new
            {
                suggestion.Id,
                Code = suggestion.Code.ToString(),
                suggestion.Proposal,
                suggestion.Reason,
                suggestion.SubmittedAt,
                Status = suggestion.Status.ToString(),
                suggestion.TriageNote,
            }),
            SuggestionsYouTriaged = triaged,
        };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken) =>
        await db.SavedShortlists.Where(list => list.OwnerUserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
}
