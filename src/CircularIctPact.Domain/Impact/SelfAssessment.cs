using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Impact;

/// <summary>The themes of the yearly self-assessment, one question each.</summary>
public enum AssessmentTheme
{
    SharedCriteria,
    DeviceLifetime,
    ReuseAndRefurbishment,
    RecyclingAndTakeBack,
    FairSupplyChain,
}

public enum SelfAssessmentStatus
{
    Draft,
    Submitted,
}

/// <summary>One theme's answer: a score on the scale and an optional comment.</summary>
public sealed record ThemeAnswer(AssessmentTheme Theme, int Score, string? Comment);

/// <summary>
/// A member organisation's yearly self-assessment, filled in by its procurers: a draft until one of
/// them submits it, then fixed. One per organisation per year.
/// </summary>
public sealed class SelfAssessment : Entity, IConcurrencyVersioned
{
    /// <summary>0 = not at all, 1 = started, 2 = partly, 3 = mostly, 4 = fully (standard practice).</summary>
    public const int MinScore = 0;
    public const int MaxScore = 4;
    public const int CommentMaxLength = 1000;
    public const int FirstYear = 2021;

    private List<ThemeAnswer> _answers = [];

    private SelfAssessment()
    {
    }

    public SelfAssessment(Guid memberOrganisationId, int year, DateTimeOffset now)
    {
        if (year < FirstYear || year > now.Year)
        {
            throw new DomainException(SelfAssessmentFields.Year, "A self-assessment covers a year from {0} to {1}.", FirstYear, now.Year);
        }

        MemberOrganisationId = memberOrganisationId;
        Year = year;
        Status = SelfAssessmentStatus.Draft;
        UpdatedAt = now;
    }

    public Guid MemberOrganisationId { get; private set; }

    public int Year { get; private set; }

    public SelfAssessmentStatus Status { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid? UpdatedByUserId { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public Guid? SubmittedByUserId { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The answers given so far, in theme order.</summary>
    public IReadOnlyList<ThemeAnswer> Answers => _answers.AsReadOnly();

    /// <summary>Replaces the answers of a draft; themes left out stay unanswered.</summary>
    public void Answer(IEnumerable<ThemeAnswer> answers, Guid byUserId, DateTimeOffset now)
    {
        if (Status == SelfAssessmentStatus.Submitted)
        {
            throw new DomainException("This self-assessment has been submitted and can no longer be changed.");
        }

        var list = answers.ToList();
        foreach (var answer in list)
        {
            if (!Enum.IsDefined(answer.Theme))
            {
                throw new DomainException("Unknown theme.");
            }

            if (answer.Score is < MinScore or > MaxScore)
            {
                throw new DomainException(SelfAssessmentFields.Score(answer.Theme), "Choose a score from {0} to {1}.", MinScore, MaxScore);
            }

            if (answer.Comment?.Trim().Length > CommentMaxLength)
            {
                throw new DomainException(
                    SelfAssessmentFields.Comment(answer.Theme),
                    "A comment can be at most {0} characters.",
                    CommentMaxLength);
            }
        }

        if (list.GroupBy(a => a.Theme).Any(g => g.Count() > 1))
        {
            throw new DomainException("Each theme can be answered once.");
        }

        _answers = list
            .Select(a => a with { Comment = string.IsNullOrWhiteSpace(a.Comment) ? null : a.Comment.Trim() })
            .OrderBy(a => a.Theme)
            .ToList();
        UpdatedAt = now;
        UpdatedByUserId = byUserId;
    }

    /// <summary>Fixes the answers; every theme must be answered first.</summary>
    public void Submit(Guid byUserId, DateTimeOffset now)
    {
        if (Status == SelfAssessmentStatus.Submitted)
        {
            throw new DomainException("This self-assessment has already been submitted.");
        }

        var missing = Enum.GetValues<AssessmentTheme>().FirstOrDefault(theme => _answers.All(a => a.Theme != theme), (AssessmentTheme)(-1));
        if (Enum.IsDefined(missing))
        {
            throw new DomainException(SelfAssessmentFields.Score(missing), "Answer every theme before you submit.");
        }

        Status = SelfAssessmentStatus.Submitted;
        SubmittedAt = now;
        SubmittedByUserId = byUserId;
        UpdatedAt = now;
        UpdatedByUserId = byUserId;
    }
}
