using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

public enum SuggestionStatus
{
    Open,
    Accepted,
    Rejected,
}

/// <summary>
/// A member's proposal to change a published criterion, with the reason. The secretariat accepts it (linking it to the
/// draft version that will carry the change, so every change can be traced to where it came from) or rejects it with a note.
/// </summary>
public sealed class CriterionSuggestion : Entity, IConcurrencyVersioned
{
    public const int ProposalMaxLength = 4000;
    public const int ReasonMaxLength = 2000;
    public const int NoteMaxLength = 2000;

    private CriterionSuggestion()
    {
        Code = null!;
        Proposal = string.Empty;
        Reason = string.Empty;
    }

    public CriterionSuggestion(
        CriteriaSet publishedSet,
        CriterionCode code,
        Guid authorUserId,
        string proposal,
        string reason,
        DateTimeOffset at)
    {
        if (!publishedSet.IsPublic)
        {
            throw new DomainException(CriterionSuggestionFields.Proposal, "Changes can be suggested to published criteria only.");
        }

        if (publishedSet.CriterionWith(code) is null)
        {
            throw new DomainException(CriterionSuggestionFields.Proposal, "Version {0} has no criterion {1}.", publishedSet.Number, code);
        }

        ProductGroupId = publishedSet.ProductGroupId;
        CriteriaSetId = publishedSet.Id;
        Code = code;
        AuthorUserId = authorUserId;
        Proposal = Text(
            proposal,
            CriterionSuggestionFields.Proposal,
            ProposalMaxLength,
            "Describe what should change.",
            "Describe the change in at most {0} characters.");
        Reason = Text(
            reason,
            CriterionSuggestionFields.Reason,
            ReasonMaxLength,
            "Say why it should change.",
            "Give the reason in at most {0} characters.");
        SubmittedAt = at;
        Status = SuggestionStatus.Open;
    }

    public Guid ProductGroupId { get; private set; }

    /// <summary>The published version the suggestion was made on.</summary>
    public Guid CriteriaSetId { get; private set; }

    public CriterionCode Code { get; private set; }

    public Guid AuthorUserId { get; private set; }

    public string Proposal { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public SuggestionStatus Status { get; private set; }

    public string? TriageNote { get; private set; }

    public DateTimeOffset? TriagedAt { get; private set; }

    public Guid? TriagedByUserId { get; private set; }

    /// <summary>The draft version that takes the accepted change on board.</summary>
    public Guid? LinkedDraftSetId { get; private set; }

    public uint Version { get; private set; }

    public void Accept(CriteriaSet draft, string? note, Guid by, DateTimeOffset at)
    {
        EnsureOpen();
        if (draft.ProductGroupId != ProductGroupId || draft.Status is not (CriteriaSetStatus.Draft or CriteriaSetStatus.InReview))
        {
            throw new DomainException(
                CriterionSuggestionFields.Draft,
                "An accepted suggestion is linked to an open draft version of the same product group.");
        }

        LinkedDraftSetId = draft.Id;
        Triage(SuggestionStatus.Accepted, Guard.Optional(note, CriterionSuggestionFields.Note, NoteMaxLength), by, at);
    }

    public void Reject(string note, Guid by, DateTimeOffset at)
    {
        EnsureOpen();
        Triage(SuggestionStatus.Rejected, Guard.Required(note, CriterionSuggestionFields.Note, NoteMaxLength), by, at);
    }

    private void Triage(SuggestionStatus status, string? note, Guid by, DateTimeOffset at)
    {
        Status = status;
        TriageNote = note;
        TriagedByUserId = by;
        TriagedAt = at;
    }

    // The messages name what the form asks ("what should change", "why") rather than the field names.
    private static string Text(string? value, FormField field, int maxLength, string missingFormat, string tooLongFormat)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(field, missingFormat);
        }

        return trimmed.Length > maxLength ? throw new DomainException(field, tooLongFormat, maxLength) : trimmed;
    }

    private void EnsureOpen()
    {
        if (Status != SuggestionStatus.Open)
        {
            throw new DomainException(
                CriterionSuggestionFields.Status,
                "This suggestion has already been {0}.",
                Status.ToString().ToLowerInvariant());
        }
    }
}
