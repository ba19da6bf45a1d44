using System.Globalization;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Domain.Consultations;

public enum CommentState
{
    Open,
    Accepted,
    Rejected,
    Answered,
}

/// <summary>
/// A member's or participant's comment on one criterion of a draft under consultation, and the answer of the
/// secretariat or a working-group chair: accepted, rejected (always with a reason) or answered.
/// </summary>
public sealed class ConsultationComment : Entity, IConcurrencyVersioned
{
    public const int TextMaxLength = 4000;
    public const int AnswerMaxLength = 4000;
    public const int OrganisationMaxLength = 300;

    private ConsultationComment()
    {
        CriterionCode = string.Empty;
        Text = string.Empty;
    }

    public ConsultationComment(
        Consultation consultation,
        CriteriaSet set,
        CriterionCode code,
        Guid authorUserId,
        string? authorOrganisation,
        string text,
        DateTimeOffset now)
    {
        if (set.Id != consultation.CriteriaSetId)
        {
            throw new DomainException(ConsultationFields.CriteriaSet, "This criteria set is not the one under consultation.");
        }

        EnsureNotPublished(set);
        switch (consultation.PhaseAt(now))
        {
            case ConsultationPhase.NotYetOpen:
                throw new DomainException(
                    ConsultationCommentFields.Text,
                    "The consultation has not opened yet; comments can be given from {0:yyyy-MM-dd HH:mm} UTC.",
                    consultation.OpensAt);
            case ConsultationPhase.Closed:
                throw new DomainException(
                    ConsultationCommentFields.Text,
                    "The consultation closed on {0:yyyy-MM-dd HH:mm} UTC; comments are no longer accepted.",
                    consultation.ClosesAt);
        }

        if (set.CriterionWith(code) is null)
        {
            throw new DomainException(ConsultationCommentFields.Criterion, "Version {0} has no criterion {1}.", set.Number, code);
        }

        ConsultationId = consultation.Id;
        CriterionCode = code.Value;
        AuthorUserId = authorUserId;
        AuthorOrganisation = Guard.Optional(authorOrganisation, ConsultationCommentFields.Organisation, OrganisationMaxLength);
        Text = Guard.Required(text, ConsultationCommentFields.Comment, TextMaxLength);
        PostedAt = now;
        State = CommentState.Open;
    }

    public Guid ConsultationId { get; private set; }

    public string CriterionCode { get; private set; }

    public Guid AuthorUserId { get; private set; }

    /// <summary>The author's organisation when the comment was given, so the log stays right if they move on.</summary>
    public string? AuthorOrganisation { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public CommentState State { get; private set; }

    public string? Answer { get; private set; }

    public Guid? AnsweredByUserId { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Accepts, rejects or answers the comment; a rejection needs a reason, an answer needs text.</summary>
    public void Respond(CriteriaSet set, CommentState state, string? answer, Guid answeredByUserId, DateTimeOffset now)
    {
        EnsureNotPublished(set);
        if (state == CommentState.Open)
        {
            throw new DomainException(ConsultationCommentFields.State, "Choose accepted, rejected or answered.");
        }

        var text = Guard.Optional(answer, ConsultationCommentFields.Answer, AnswerMaxLength);
        if (text is null && state == CommentState.Rejected)
        {
            throw new DomainException(ConsultationCommentFields.Answer, "Give the reason for rejecting this comment.");
        }

        if (text is null && state == CommentState.Answered)
        {
            throw new DomainException(ConsultationCommentFields.Answer, "Write the answer to this comment.");
        }

        State = state;
        Answer = text;
        AnsweredByUserId = answeredByUserId;
        AnsweredAt = now;
    }

    private static void EnsureNotPublished(CriteriaSet set)
    {
        if (set.IsPublic)
        {
            throw new DomainException(
                ConsultationCommentFields.Text,
                "Version {0} has been published; its consultation can be read but no longer changed.",
                set.Number);
        }
    }
}
