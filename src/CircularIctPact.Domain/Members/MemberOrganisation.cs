using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Members;

public enum Sector
{
    CentralGovernment,
    RegionalOrLocalGovernment,
    Education,
    Healthcare,
    OtherPublicBody,
    PrivateCompany,
    NonProfit,
}

public enum SizeBand
{
    Small,
    Medium,
    Large,
    VeryLarge,
}

public enum IctSpendBand
{
    Under1Million,
    From1To10Million,
    From10To50Million,
    Over50Million,
}

public enum MembershipStatus
{
    Applied,
    Active,
    Suspended,
    Left,
}

/// <summary>A public or private buying organisation that belongs to a buyer group.</summary>
public sealed class MemberOrganisation : Entity, IConcurrencyVersioned
{
    public const int LegalNameMaxLength = 200;
    public const int WebsiteMaxLength = 300;
    public const int ReasonMaxLength = 1000;

    private MemberOrganisation()
    {
        LegalName = string.Empty;
        CountryCode = null!;
    }

    public MemberOrganisation(Guid buyerGroupId, string legalName, Sector sector, CountryCode country, string? website, Guid? tierId, DateOnly joinedOn)
    {
        BuyerGroupId = buyerGroupId;
        LegalName = Guard.Required(legalName, "Legal name", LegalNameMaxLength);
        Sector = sector;
        CountryCode = country;
        Website = NormaliseWebsite(website);
        TierId = tierId;
        JoinedOn = joinedOn;
        Status = MembershipStatus.Active;
    }

    public Guid BuyerGroupId { get; private set; }

    public string LegalName { get; private set; }

    public Sector Sector { get; private set; }

    public CountryCode CountryCode { get; private set; }

    public string? Website { get; private set; }

    public SizeBand? SizeBand { get; private set; }

    public IctSpendBand? IctSpendBand { get; private set; }

    public Guid? TierId { get; private set; }

    public DateOnly JoinedOn { get; private set; }

    public MembershipStatus Status { get; private set; }

    public string? StatusReason { get; private set; }

    public DateOnly? StatusChangedOn { get; private set; }

    public uint Version { get; private set; }

    public void Profile(SizeBand? size, IctSpendBand? spend)
    {
        SizeBand = size;
        IctSpendBand = spend;
    }

    public void ChangeStatus(MembershipStatus status, string? reason, DateOnly on)
    {
        if (status is MembershipStatus.Suspended or MembershipStatus.Left && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException($"Give a reason when a member is marked {status.ToString().ToLowerInvariant()}.", "Reason");
        }

        Status = status;
        StatusReason = Guard.Optional(reason, "Reason", ReasonMaxLength);
        StatusChangedOn = on;
    }

    /// <summary>Accepts "example.org" or a full http(s) address; stores an absolute https/http URL.</summary>
    public static string? NormaliseWebsite(string? website)
    {
        var trimmed = website?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var candidate = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed;
        if (candidate.Length > WebsiteMaxLength
            || !Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new DomainException($"'{trimmed}' is not a valid website address (e.g. https://www.example.org).", "Website");
        }

        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
