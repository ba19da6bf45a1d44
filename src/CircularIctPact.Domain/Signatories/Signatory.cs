using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Signatories;

public enum SignatoryKind
{
    NationalGovernment,
    RegionalGovernment,
    Organisation,
}

public enum SignatoryRole
{
    Initiator,
    CoLead,
    Participant,
}

public enum SignatoryStatus
{
    Prospect,
    InTalks,
    Signed,
    Withdrawn,
}

/// <summary>A country, region or organisation that signs (or may sign) the pact.</summary>
public sealed class Signatory : Entity, IConcurrencyVersioned
{
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 200;

    private readonly List<SignatoryStatusChange> _statusHistory = [];

    private Signatory()
    {
        Name = string.Empty;
    }

    public Signatory(
        string name,
        SignatoryKind kind,
        SignatoryRole role,
        CountryCode? country,
        DateOnly since,
        SignatoryStatus status = SignatoryStatus.Prospect)
    {
        Name = Guard.Required(name, SignatoryFields.Name, NameMaxLength);
        Kind = kind;
        Role = role;
        CountryCode = ValidateCountry(kind, country);
        Status = status;
        _statusHistory.Add(new SignatoryStatusChange(status, since, null));
    }

    public string Name { get; private set; }

    public SignatoryKind Kind { get; private set; }

    public SignatoryRole Role { get; private set; }

    public CountryCode? CountryCode { get; private set; }

    public SignatoryStatus Status { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactEmail { get; private set; }

    /// <summary>The signed commitment document (a stored document), once uploaded.</summary>
    public Guid? CommitmentDocumentId { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<SignatoryStatusChange> StatusHistory => _statusHistory.AsReadOnly();

    /// <summary>The date the pact was signed, when it has been.</summary>
    public DateOnly? SignedOn => _statusHistory
        .Where(change => change.Status == SignatoryStatus.Signed)
        .Select(change => (DateOnly?)change.On)
        .LastOrDefault();

    public void Rename(string name) => Name = Guard.Required(name, SignatoryFields.Name, NameMaxLength);

    public void Classify(SignatoryKind kind, SignatoryRole role, CountryCode? country)
    {
        Kind = kind;
        Role = role;
        CountryCode = ValidateCountry(kind, country);
    }

    public void SetContact(string? name, string? email)
    {
        ContactName = Guard.Optional(name, SignatoryFields.ContactName, ContactMaxLength);
        ContactEmail = email is null ? null : EmailAddress.Parse(email, SignatoryFields.ContactEmail).Value;
    }

    /// <summary>Attaches (or replaces) the signed commitment document; the previous document stays stored for the record.</summary>
    public void AttachCommitmentDocument(Guid documentId) => CommitmentDocumentId = documentId;

    /// <summary>Moves the signatory along its pipeline, keeping the date of every change.</summary>
    public void ChangeStatus(SignatoryStatus status, DateOnly on, string? note)
    {
        if (status == Status)
        {
            throw new DomainException(SignatoryFields.Status, "The signatory is already {0}.", status);
        }

        var last = _statusHistory.Max(change => change.On);
        if (on < last)
        {
            throw new DomainException(
                SignatoryFields.Date,
                "The date of a status change cannot be before the previous change ({0:yyyy-MM-dd}).",
                last);
        }

        Status = status;
        _statusHistory.Add(new SignatoryStatusChange(status, on, Guard.Optional(note, SignatoryFields.Note, 500)));
    }

    private static CountryCode? ValidateCountry(SignatoryKind kind, CountryCode? country) =>
        kind == SignatoryKind.NationalGovernment && country is null
            ? throw new DomainException(CommonFields.Country, "A national government needs its ISO 3166 country code.")
            : country;
}

/// <summary>One step of a signatory's status pipeline, with the date it happened.</summary>
public sealed record SignatoryStatusChange(SignatoryStatus Status, DateOnly On, string? Note);
