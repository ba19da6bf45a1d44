using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Members;

public enum ApplicationStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>What an organisation tells the pact about itself when it applies to join a buyer group.</summary>
public sealed record ApplicantDetails(
    string? LegalName,
    Sector? Sector,
    string? Country,
    string? Website,
    SizeBand? SizeBand,
    IctSpendBand? IctSpendBand,
    string? ContactName,
    string? ContactEmail,
    string? ContactFunction,
    string? Motivation);

/// <summary>
/// An organisation's request, through the public form, to join a buyer group. A coordinator of the
/// group (or the secretariat) approves it, which makes the organisation a member, or rejects it with a reason.
/// </summary>
public sealed class MembershipApplication : Entity, IConcurrencyVersioned
{
    public const int ContactNameMaxLength = 200;
    public const int ContactFunctionMaxLength = 200;
    public const int MotivationMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int ContactLanguageMaxLength = 10;

    private MembershipApplication()
    {
        LegalName = string.Empty;
        CountryCode = null!;
        ContactName = string.Empty;
        ContactEmail = string.Empty;
        ContactLanguage = string.Empty;
    }

    /// <summary>
    /// Creates a pending application; throws the first problem of <see cref="Problems"/>. <paramref name="contactLanguage"/> is
    /// the language the contact filled in the form in (en, nl, fr, de).
    /// </summary>
    public MembershipApplication(Guid buyerGroupId, ApplicantDetails details, string contactLanguage, DateTimeOffset submittedAt)
    {
        if (Problems(details).FirstOrDefault() is { } problem)
        {
            throw problem;
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(contactLanguage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(contactLanguage.Length, ContactLanguageMaxLength, nameof(contactLanguage));

        BuyerGroupId = buyerGroupId;
        LegalName = details.LegalName!.Trim();
        Sector = details.Sector!.Value;
        CountryCode = CountryCode.Parse(details.Country, MembershipApplicationFields.Country);
        Website = MemberOrganisation.NormaliseWebsite(details.Website);
        SizeBand = details.SizeBand;
        IctSpendBand = details.IctSpendBand;
        ContactName = details.ContactName!.Trim();
        ContactEmail = EmailAddress.Parse(details.ContactEmail, MembershipApplicationFields.ContactEmail).Value;
        ContactLanguage = contactLanguage;
        ContactFunction = Guard.Optional(details.ContactFunction, MembershipApplicationFields.ContactFunction, ContactFunctionMaxLength);
        Motivation = Guard.Optional(details.Motivation, MembershipApplicationFields.Motivation, MotivationMaxLength);
        SubmittedAt = submittedAt;
        Status = ApplicationStatus.Pending;
    }

    public Guid BuyerGroupId { get; private set; }

    public string LegalName { get; private set; }

    public Sector Sector { get; private set; }

    public CountryCode CountryCode { get; private set; }

    public string? Website { get; private set; }

    public SizeBand? SizeBand { get; private set; }

    public IctSpendBand? IctSpendBand { get; private set; }

    public string ContactName { get; private set; }

    public string ContactEmail { get; private set; }

    public string? ContactFunction { get; private set; }

    /// <summary>The language the contact applied in; the mails about the application are written in it.</summary>
    public string ContactLanguage { get; private set; }

    public string? Motivation { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public string? DecisionReason { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The member organisation created on approval.</summary>
    public Guid? MemberOrganisationId { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Every problem with the details, each naming its field, so a form can show them all at once.</summary>
    public static IReadOnlyList<DomainException> Problems(ApplicantDetails details)
    {
        List<DomainException> problems = [];
        void Check(Action rule)
        {
            try
            {
                rule();
            }
            catch (DomainException problem)
            {
                problems.Add(problem);
            }
        }

        Check(() => Guard.Required(details.LegalName, MembershipApplicationFields.LegalName, MemberOrganisation.LegalNameMaxLength));
        Check(() =>
        {
            if (details.Sector is null || !Enum.IsDefined(details.Sector.Value))
            {
                throw new DomainException(MembershipApplicationFields.Sector, "Choose the sector your organisation belongs to.");
            }
        });
        Check(() => CountryCode.Parse(details.Country, MembershipApplicationFields.Country));
        Check(() => MemberOrganisation.NormaliseWebsite(details.Website));
        Check(() => Guard.Required(details.ContactName, MembershipApplicationFields.ContactName, ContactNameMaxLength));
        Check(() => EmailAddress.Parse(details.ContactEmail, MembershipApplicationFields.ContactEmail));
        Check(() => Guard.Optional(details.ContactFunction, MembershipApplicationFields.ContactFunction, ContactFunctionMaxLength));
        Check(() => Guard.Optional(details.Motivation, MembershipApplicationFields.Motivation, MotivationMaxLength));
        return problems;
    }

    /// <summary>Approves the application; <paramref name="member"/> is the organisation it created in the group.</summary>
    public void Approve(MemberOrganisation member, Guid decidedBy, DateTimeOffset at)
    {
        EnsurePending();
        if (member.BuyerGroupId != BuyerGroupId)
        {
            throw new DomainException("The new member must belong to the group the organisation applied to.");
        }

        Status = ApplicationStatus.Approved;
        MemberOrganisationId = member.Id;
        DecidedByUserId = decidedBy;
        DecidedAt = at;
        DecisionReason = null;
    }

    public void Reject(string? reason, Guid decidedBy, DateTimeOffset at)
    {
        EnsurePending();
        DecisionReason = string.IsNullOrWhiteSpace(reason)
            ? throw new DomainException(
                MembershipApplicationFields.Reason,
                "Give the reason for the rejection; the applicant receives it by mail.")
            : Guard.Required(reason, MembershipApplicationFields.Reason, ReasonMaxLength);
        Status = ApplicationStatus.Rejected;
        DecidedByUserId = decidedBy;
        DecidedAt = at;
    }

    private void EnsurePending()
    {
        if (Status != ApplicationStatus.Pending)
        {
            throw new DomainException(
                MembershipApplicationFields.Decision,
                "This application was already {0} on {1:yyyy-MM-dd}; it cannot be decided again.",
                Status.ToString().ToLowerInvariant(),
                DecidedAt);
        }
    }
}
