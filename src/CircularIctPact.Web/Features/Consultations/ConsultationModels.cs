using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Web.Features.Consultations;

/// <summary>One consultation in the overview.</summary>
public sealed record ConsultationSummary(
    Guid Id,
    string ProductGroup,
    string Version,
    CriteriaSetStatus SetStatus,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    ConsultationPhase Phase,
    int CommentCount);

/// <summary>A draft or in-review set the secretariat can put to consultation.</summary>
public sealed record ConsultableSet(Guid Id, string ProductGroup, string Version);

/// <summary>Which comments the consultation page lists.</summary>
public sealed record CommentFilter(CommentState? State = null, string? CriterionCode = null);

/// <summary>A comment with its author and answer, as the consultation page and the export show it.</summary>
public sealed record CommentView(
    Guid Id,
    string CriterionCode,
    string Author,
    string? AuthorOrganisation,
    string Text,
    DateTimeOffset PostedAt,
    CommentState State,
    string? Answer,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    bool IsMine,
    uint RowVersion);

/// <summary>A criterion of the draft in the reader's language (English when not translated), with its comments.</summary>
public sealed record ConsultedCriterion(
    string Code,
    string Title,
    string Requirement,
    CriteriaLanguage Language,
    bool IsFallback,
    IReadOnlyList<CommentView> Comments);

/// <summary>The consultation page: the draft's criteria with their comments, and what the reader may do.</summary>
public sealed record ConsultationView(
    Guid Id,
    string ProductGroupSlug,
    string ProductGroup,
    string Version,
    CriteriaSetStatus SetStatus,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    ConsultationPhase Phase,
    bool CanComment,
    bool CanAnswer,
    bool CanManage,
    uint RowVersion,
    IReadOnlyDictionary<CommentState, int> Counts,
    IReadOnlyList<string> AllCodes,
    IReadOnlyList<ConsultedCriterion> Criteria)
{
    /// <summary>After publication the log is kept for reading only.</summary>
    public bool IsReadOnly => SetStatus is CriteriaSetStatus.Published or CriteriaSetStatus.Superseded;
}
