using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Domain.Knowledge.GoodPractices;

public enum GoodPracticeStatus
{
    Draft,
    Submitted,
    SentBack,
    Published,
    Withdrawn,
}

public enum ReviewAction
{
    Submitted,
    SentBack,
    Resubmitted,
    Approved,
    Withdrawn,
}

/// <summary>
/// The text of a case as its author writes it; every field is plain text. The sections are in <paramref name="Language"/>;
/// <paramref name="Translations"/> give them in other portal languages.
/// </summary>
public sealed record GoodPracticeContent(
    string? Title,
    string? Context,
    string? Approach,
    string? Results,
    string? Impact,
    string? LessonsLearned,
    Guid? ProductGroupId,
    IReadOnlyList<string> Tags,
    string? ContactName,
    string? ContactEmail,
    KnowledgeVisibility Visibility,
    CriteriaLanguage Language,
    IReadOnlyList<Translation<GoodPracticeText>>? Translations = null)
{
    /// <summary>The sections in the language the author wrote them in.</summary>
    public GoodPracticeText Text => new(Title, Context, Approach, Results, Impact, LessonsLearned);
}

/// <summary>
/// What a member organisation learned from a tender or contract, written by its people and reviewed by a
/// coordinator of its buyer group or the secretariat before anyone else reads it. Every step of the review
/// (submit, send back with comments, resubmit, approve, withdraw) stays in <see cref="Reviews"/>.
/// </summary>
public sealed class GoodPracticeCase : Entity, IConcurrencyVersioned, ISearchableKnowledge
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 6000;
    public const int ContactNameMaxLength = 120;
    public const int CommentMaxLength = 2000;

    private readonly List<GoodPracticeReview> _reviews = [];

    private GoodPracticeCase()
    {
        Title = Context = Approach = Results = Impact = LessonsLearned = ContactName = ContactEmail = string.Empty;
        Tags = [];
        Translations = [];
    }

    public GoodPracticeCase(Guid organisationId, Guid buyerGroupId, Guid authorUserId, GoodPracticeContent content, DateTimeOffset at)
        : this()
    {
        OrganisationId = organisationId;
        BuyerGroupId = buyerGroupId;
        AuthorUserId = authorUserId;
        CreatedAt = at;
        Status = GoodPracticeStatus.Draft;
        Apply(content, at);
    }

    /// <summary>The member organisation the case is about (the author's).</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>The organisation's buyer group, whose coordinators review the case.</summary>
    public Guid BuyerGroupId { get; private set; }

    public Guid AuthorUserId { get; private set; }

    public string Title { get; private set; }

    public string Context { get; private set; }

    public string Approach { get; private set; }

    public string Results { get; private set; }

    public string Impact { get; private set; }

    public string LessonsLearned { get; private set; }

    public Guid? ProductGroupId { get; private set; }

    public List<string> Tags { get; private set; }

    public string ContactName { get; private set; }

    public string ContactEmail { get; private set; }

    public KnowledgeVisibility Visibility { get; private set; }

    /// <summary>The language the sections are written in.</summary>
    public CriteriaLanguage Language { get; private set; }

    /// <summary>The sections in other portal languages.</summary>
    public IReadOnlyList<Translation<GoodPracticeText>> Translations { get; private set; }

    public GoodPracticeStatus Status { get; private set; }

    /// <summary>How many times the case went to review; the review history names the revision each step was about.</summary>
    public int Revision { get; private set; }

    /// <summary>An optional document (e.g. the tender's contract clause), served under the case's visibility.</summary>
    public Guid? AttachmentDocumentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<GoodPracticeReview> Reviews => _reviews.AsReadOnly();

    public bool IsEditable => Status is GoodPracticeStatus.Draft or GoodPracticeStatus.SentBack;

    /// <summary>The sections a reader of <paramref name="reader"/> gets, with the language they are in.</summary>
    public Translation<GoodPracticeText> TextFor(CriteriaLanguage reader) =>
        ContentTranslations.For(
            reader,
            Language,
            new GoodPracticeText(Title, Context, Approach, Results, Impact, LessonsLearned),
            Translations);

    public void Edit(GoodPracticeContent content, DateTimeOffset at)
    {
        EnsureEditable();
        Apply(content, at);
    }

    public void Attach(Guid documentId, DateTimeOffset at)
    {
        EnsureEditable();
        AttachmentDocumentId = documentId;
        UpdatedAt = at;
    }

    /// <summary>Sends a draft to review, or a sent-back case back to review after changes.</summary>
    public void Submit(Guid by, string byName, DateTimeOffset at)
    {
        if (!IsEditable)
        {
            throw Status == GoodPracticeStatus.Submitted
                ? new DomainException(GoodPracticeCaseFields.Status, "This case is already waiting for review.")
                : new DomainException(GoodPracticeCaseFields.Status, "A {0} case cannot be submitted.", Describe(Status));
        }

        var action = Status == GoodPracticeStatus.SentBack ? ReviewAction.Resubmitted : ReviewAction.Submitted;
        Revision++;
        Status = GoodPracticeStatus.Submitted;
        Record(action, null, by, byName, at);
    }

    public void SendBack(string? comment, Guid by, string byName, DateTimeOffset at)
    {
        EnsureSubmitted();
        var required = Guard.Required(comment, GoodPracticeCaseFields.Comment, CommentMaxLength);
        Status = GoodPracticeStatus.SentBack;
        Record(ReviewAction.SentBack, required, by, byName, at);
    }

    public void Approve(string? comment, Guid by, string byName, DateTimeOffset at)
    {
        EnsureSubmitted();
        Status = GoodPracticeStatus.Published;
        PublishedAt = at;
        Record(ReviewAction.Approved, Guard.Optional(comment, GoodPracticeCaseFields.Comment, CommentMaxLength), by, byName, at);
    }

    public void Withdraw(string? comment, Guid by, string byName, DateTimeOffset at)
    {
        if (Status == GoodPracticeStatus.Withdrawn)
        {
            throw new DomainException(GoodPracticeCaseFields.Status, "This case has already been withdrawn.");
        }

        Status = GoodPracticeStatus.Withdrawn;
        Record(ReviewAction.Withdrawn, Guard.Optional(comment, GoodPracticeCaseFields.Comment, CommentMaxLength), by, byName, at);
    }

    private void Apply(GoodPracticeContent content, DateTimeOffset at)
    {
        var rules = new RuleViolations();
        var text = content.Text.Checked(rules, null);
        var translations = ContentTranslations.Checked(rules, content.Language, content.Translations);
        var tags = rules.Check(() => KnowledgeTags.Normalise(content.Tags));
        var contactName = rules.Required(content.ContactName, GoodPracticeCaseFields.ContactName, ContactNameMaxLength);
        var contactEmail = rules.Check(() => EmailAddress.Parse(content.ContactEmail, GoodPracticeCaseFields.ContactEmail).Value);
        rules.ThrowIfAny();
        Title = text.Title!;
        Context = text.Context!;
        Approach = text.Approach!;
        Results = text.Results!;
        Impact = text.Impact!;
        LessonsLearned = text.LessonsLearned!;
        ProductGroupId = content.ProductGroupId;
        Tags = tags!;
        ContactName = contactName;
        ContactEmail = contactEmail!;
        Visibility = content.Visibility;
        Language = content.Language;
        Translations = translations;
        UpdatedAt = at;
    }

    private void Record(ReviewAction action, string? comment, Guid by, string byName, DateTimeOffset at) =>
        _reviews.Add(new GoodPracticeReview(Id, Revision, action, comment, by, byName, at));

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException(GoodPracticeCaseFields.Status, "A {0} case cannot be changed.", Describe(Status));
        }
    }

    private void EnsureSubmitted()
    {
        if (Status != GoodPracticeStatus.Submitted)
        {
            throw new DomainException(
                GoodPracticeCaseFields.Status,
                "Only a case waiting for review can be reviewed; this one is {0}.",
                Describe(Status));
        }
    }

    private static string Describe(GoodPracticeStatus status) => status switch
    {
        GoodPracticeStatus.SentBack => "sent back",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>One step in a case's review: who did what, when, with which comment, on which revision.</summary>
public sealed class GoodPracticeReview : Entity
{
    private GoodPracticeReview()
    {
        ByName = string.Empty;
    }

    internal GoodPracticeReview(
        Guid caseId,
        int revision,
        ReviewAction action,
        string? comment,
        Guid byUserId,
        string byName,
        DateTimeOffset at)
    {
        CaseId = caseId;
        Revision = revision;
        Action = action;
        Comment = comment;
        ByUserId = byUserId;
        ByName = byName;
        At = at;
    }

    public Guid CaseId { get; private set; }

    public int Revision { get; private set; }

    public ReviewAction Action { get; private set; }

    public string? Comment { get; private set; }

    public Guid ByUserId { get; private set; }

    /// <summary>The reviewer's or author's name at the time, so the history reads the same after accounts change.</summary>
    public string ByName { get; private set; }

    public DateTimeOffset At { get; private set; }
}
