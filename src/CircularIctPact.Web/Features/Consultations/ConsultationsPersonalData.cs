using CircularIctPact.Domain.Consultations;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Consultations;

/// <summary>
/// Comments on draft criteria are the consultation's public record: the secretariat's accept/reject
/// decisions and the published version rest on them, so they stay, their author shown as the pseudonym,
/// with the person's name or address replaced wherever it appears in the comment or in the answer to it.
/// Answers the person gave and consultations they opened stay as well; they only point at the anonymised
/// account.
/// </summary>
public sealed class ConsultationsPersonalData : IPersonalDataContributor
{
    public string Section => "consultations";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var comments = await db.ConsultationComments.AsNoTracking()
            .Where(comment => comment.AuthorUserId == id)
            .OrderBy(comment => comment.PostedAt)
            .Select(comment => new
            {
                comment.Id,
                comment.ConsultationId,
                comment.CriterionCode,
                comment.AuthorOrganisation,
                comment.Text,
                comment.PostedAt,
                comment.State,
                comment.Answer,
                comment.AnsweredAt,
            })
            .ToListAsync(cancellationToken);
        var answers = await db.ConsultationComments.AsNoTracking()
            .Where(comment => comment.AnsweredByUserId == id)
            .OrderBy(comment => comment.AnsweredAt)
            .Select(comment => new
            {
                CommentId = comment.Id,
                comment.ConsultationId,
                comment.CriterionCode,
                comment.State,
                comment.Answer,
                comment.AnsweredAt,
            })
            .ToListAsync(cancellationToken);
        var opened = await db.Consultations.AsNoTracking()
            .Where(consultation => consultation.OpenedByUserId == id)
            .OrderBy(consultation => consultation.OpensAt)
            .Select(consultation => new { consultation.Id, consultation.CriteriaSetId, consultation.OpensAt, consultation.ClosesAt })
            .ToListAsync(cancellationToken);
        return new { CommentsYouWrote = comments, AnswersYouGave = answers, ConsultationsYouOpened = opened };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        await db.ConsultationComments.Where(comment => comment.AuthorUserId == subject.UserId)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(c => c.Text, subject.WithoutIdentity<ConsultationComment>(c => c.Text))
                    .SetProperty(c => c.Answer, subject.WithoutIdentity<ConsultationComment>(c => c.Answer!)!),
                cancellationToken);
    }
}
