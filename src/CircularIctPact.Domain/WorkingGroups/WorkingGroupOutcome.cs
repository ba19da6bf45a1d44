using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Domain.WorkingGroups;

public enum OutcomeType
{
    Decision,
    Recommendation,
    CriteriaProposal,
    Report,
    PositionPaper,
}

public enum OutcomeStatus
{
    Draft,
    Published,
}

/// <summary>Who may read a published outcome.</summary>
public enum OutcomeVisibility
{
    WorkingGroup,
    AllMembers,
    Public,
}

/// <summary>What a working group agreed or wrote: drafted by its chairs, then published to the chosen audience.</summary>
public sealed class WorkingGroupOutcome : Entity, IConcurrencyVersioned
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20000;

    private WorkingGroupOutcome()
    {
        Title = string.Empty;
        Body = string.Empty;
        Translations = [];
    }

    /// <param name="language">The language <paramref name="title"/> and <paramref name="body"/> are written in.</param>
    /// <param name="translations">Title and text in other portal languages.</param>
    public WorkingGroupOutcome(
        Guid workingGroupId,
        Guid? meetingId,
        string title,
        OutcomeType type,
        string body,
        OutcomeVisibility visibility,
        Guid? criteriaSetId,
        CriteriaLanguage language = CriteriaLanguage.En,
        IReadOnlyList<Translation<OutcomeText>>? translations = null)
        : this()
    {
        WorkingGroupId = workingGroupId;
        MeetingId = meetingId;
        Edit(title, type, body, visibility, criteriaSetId, language, translations);
    }

    public Guid WorkingGroupId { get; private set; }

    public Guid? MeetingId { get; private set; }

    public string Title { get; private set; }

    public OutcomeType Type { get; private set; }

    /// <summary>Plain text; pages encode it.</summary>
    public string Body { get; private set; }

    /// <summary>The language <see cref="Title"/> and <see cref="Body"/> are written in.</summary>
    public CriteriaLanguage Language { get; private set; }

    /// <summary>Title and text in other portal languages.</summary>
    public IReadOnlyList<Translation<OutcomeText>> Translations { get; private set; }

    public OutcomeStatus Status { get; private set; }

    public OutcomeVisibility Visibility { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The draft criteria set a criteria proposal is meant for.</summary>
    public Guid? CriteriaSetId { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The title and text a reader of <paramref name="reader"/> gets, with the language they are in.</summary>
    public Translation<OutcomeText> TextFor(CriteriaLanguage reader) =>
        ContentTranslations.For(reader, Language, new OutcomeText(Title, Body), Translations);

    /// <param name="language">The language <paramref name="title"/> and <paramref name="body"/> are written in.</param>
    /// <param name="translations">Title and text in other portal languages; none replaces the ones there are.</param>
    public void Edit(
        string title,
        OutcomeType type,
        string body,
        OutcomeVisibility visibility,
        Guid? criteriaSetId,
        CriteriaLanguage language = CriteriaLanguage.En,
        IReadOnlyList<Translation<OutcomeText>>? translations = null)
    {
        if (!Enum.IsDefined(type))
        {
            throw new DomainException(WorkingGroupOutcomeFields.Type, "Choose the type of outcome.");
        }

        if (!Enum.IsDefined(visibility))
        {
            throw new DomainException(WorkingGroupOutcomeFields.Visibility, "Choose who may read the outcome.");
        }

        if (criteriaSetId is not null && type != OutcomeType.CriteriaProposal)
        {
            throw new DomainException(
                WorkingGroupOutcomeFields.CriteriaSet,
                "Only a criteria proposal can be linked to a draft criteria set.");
        }

        var rules = new RuleViolations();
        var text = new OutcomeText(title, body).Checked(rules, null);
        var checkedTranslations = ContentTranslations.Checked(rules, language, translations);
        rules.ThrowIfAny();
        Title = text.Title!;
        Type = type;
        Body = text.Body!;
        Language = language;
        Translations = checkedTranslations;
        Visibility = visibility;
        CriteriaSetId = criteriaSetId;
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status == OutcomeStatus.Published)
        {
            throw new DomainException(WorkingGroupOutcomeFields.Status, "This outcome is already published.");
        }

        Status = OutcomeStatus.Published;
        PublishedAt = now;
    }
}

/// <summary>A stored file attached to a meeting or to an outcome of a working group.</summary>
public sealed class WorkingGroupDocument : Entity
{
    private WorkingGroupDocument()
    {
    }

    public WorkingGroupDocument(Guid workingGroupId, Guid? meetingId, Guid? outcomeId, Guid storedDocumentId)
    {
        if ((meetingId is null) == (outcomeId is null))
        {
            throw new DomainException(CommonFields.File, "A working-group document belongs to either a meeting or an outcome.");
        }

        WorkingGroupId = workingGroupId;
        MeetingId = meetingId;
        OutcomeId = outcomeId;
        StoredDocumentId = storedDocumentId;
    }

    public Guid WorkingGroupId { get; private set; }

    public Guid? MeetingId { get; private set; }

    public Guid? OutcomeId { get; private set; }

    public Guid StoredDocumentId { get; private set; }
}
