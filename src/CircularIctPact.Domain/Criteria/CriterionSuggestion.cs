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
            throw new DomainException("Changes can be suggested to published criteria only.", CriterionSuggestionFields.Proposal);
        }

        if (publishedSet.CriterionWith(code) is null)
        {
            throw new DomainException($"Version {publishedSet.Number} has no criterion {code}.", CriterionSuggestionFields.Proposal);
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
            $"Describe the change in at most {ProposalMaxLength} characters.");
        Reason = Text(
            reason,
            CriterionSuggestionFields.Reason,
            ReasonMaxLength,
            "Say why it should change.",
            $"Give the reason in at most {ReasonMaxLength} characters.");
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
            throw new DomainException("An accepted suggestion is linked to an open draft version of the same product group.",
                CriterionSuggestionFields.Draft);
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
    private static string Text(string? value, FormField field, int maxLength, string missing, string tooLong)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(missing, field);
        }

        return trimmed.Length > maxLength ? throw new DomainException(tooLong, field) : trimmed;
    }

    private void EnsureOpen()
    {
        if (Status != SuggestionStatus.Open)
        {
            throw new DomainException($"This suggestion has already been {Status.ToString().ToLowerInvariant()}.",
                CriterionSuggestionFields.Status);
        }
    }
}
