using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Tenders;

/// <summary>A person of a member organisation tells the owner of a shared tender they want to join it or align timing.</summary>
public sealed class TenderInterest : Entity, IConcurrencyVersioned
{
    public const int NoteMaxLength = 1000;

    private TenderInterest()
    {
    }

    internal TenderInterest(Guid tenderId, Guid memberOrganisationId, Guid userId, TenderInterestKind kind, string? note, DateTimeOffset at)
    {
        TenderId = tenderId;
        MemberOrganisationId = memberOrganisationId;
        UserId = userId;
        CreatedAt = at;
        Change(kind, note, at);
    }

    public Guid TenderId { get; private set; }

    /// <summary>The organisation the interested person works for.</summary>
    public Guid MemberOrganisationId { get; private set; }

    public Guid UserId { get; private set; }

    public TenderInterestKind Kind { get; private set; }

    /// <summary>Plain text from the interested person to the owner.</summary>
    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Change(TenderInterestKind kind, string? note, DateTimeOffset at)
    {
        Kind = kind;
        Note = Guard.Optional(note, TenderInterestFields.Note, NoteMaxLength);
        UpdatedAt = at;
    }
}
