using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Impact;

/// <summary>
/// A self-assessment is the member organisation's yearly answer, which its colleagues continue and the
/// pact's impact figures count; the person only filled it in. It stays, the last editor or the submitter
/// shown as the anonymised account. The export holds the assessments they edited or submitted, with the
/// answers as they stand.
/// </summary>
public sealed class SelfAssessmentsPersonalData : IPersonalDataContributor
{
    public string Section => "selfAssessments";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var assessments = await db.SelfAssessments.AsNoTracking()
            .Where(assessment => assessment.UpdatedByUserId == id || assessment.SubmittedByUserId == id)
            .Join(
                db.MemberOrganisations,
                assessment => assessment.MemberOrganisationId,
                organisation => organisation.Id,
                (assessment, organisation) => new { Assessment = assessment, organisation.LegalName })
            .OrderBy(row => row.Assessment.Year)
            .ToListAsync(cancellationToken);
        return assessments.Select(row => new
        {
            Organisation = row.LegalName,
            row.Assessment.Year,
            row.Assessment.Status,
            LastChangedByYou = row.Assessment.UpdatedByUserId == id,
            row.Assessment.UpdatedAt,
            SubmittedByYou = row.Assessment.SubmittedByUserId == id,
            row.Assessment.SubmittedAt,
            Answers = row.Assessment.Answers.Select(answer => new { answer.Theme, answer.Score, answer.Comment }),
        }).ToList();
    }

    public Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken) => Task.CompletedTask;
}
