using CircularIctPact.Domain.Members;

namespace CircularIctPact.Web.Features.Members;

/// <summary>The columns of the member grid a caller may sort on.</summary>
public enum MemberSortColumn
{
    LegalName,
    BuyerGroup,
    Sector,
    Country,
    Website,
    Contact,
    SizeBand,
    IctSpendBand,
    Tier,
    JoinedOn,
    Status,
}

/// <summary>
/// Search, filters, sort and page of the member list. <see cref="BuyerGroupId"/> null means every
/// group the caller may see. <see cref="Page"/> counts from 0.
/// </summary>
public sealed record MemberQuery
{
    public const int MaxPageSize = 200;

    public Guid? BuyerGroupId { get; init; }

    /// <summary>Matches the legal name, the website or a contact's e-mail address (case-insensitive, anywhere in the text).</summary>
    public string? Search { get; init; }

    public MembershipStatus? Status { get; init; }

    public Sector? Sector { get; init; }

    /// <summary>The tier's name, e.g. "Peloton"; tiers are per group, so the name filters across groups.</summary>
    public string? Tier { get; init; }

    public string? Country { get; init; }

    public MemberSortColumn SortBy { get; init; } = MemberSortColumn.LegalName;

    public bool Descending { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; } = 25;
}

public sealed record MemberRow(
    Guid Id,
    Guid BuyerGroupId,
    string BuyerGroup,
    string LegalName,
    Sector Sector,
    string Country,
    string? Website,
    string? Contact,
    SizeBand? SizeBand,
    IctSpendBand? IctSpendBand,
    string? Tier,
    DateOnly JoinedOn,
    MembershipStatus Status);

public sealed record MemberPage(IReadOnlyList<MemberRow> Items, int TotalCount);

public sealed record TierOption(Guid Id, string Name);

/// <summary>A buyer group the caller may work with, with its tiers for the forms.</summary>
public sealed record GroupOption(Guid Id, string Name, IReadOnlyList<TierOption> Tiers);

public sealed record ContactView(Guid Id, string Name, string Email, string? Phone, string? Function);

/// <summary>One member with everything the edit page shows; <see cref="Version"/> is the row version the edit must carry.</summary>
public sealed record MemberDetails(
    Guid Id,
    Guid BuyerGroupId,
    string BuyerGroup,
    string LegalName,
    Sector Sector,
    string Country,
    string? Website,
    SizeBand? SizeBand,
    IctSpendBand? IctSpendBand,
    Guid? TierId,
    string? Tier,
    DateOnly JoinedOn,
    MembershipStatus Status,
    string? StatusReason,
    DateOnly? StatusChangedOn,
    IReadOnlyList<ContactView> Contacts,
    uint Version);

/// <summary>What the add and edit form submits.</summary>
public sealed record MemberForm(
    string? LegalName,
    Sector Sector,
    string? Country,
    string? Website,
    SizeBand? SizeBand,
    IctSpendBand? IctSpendBand,
    Guid? TierId,
    DateOnly JoinedOn,
    IReadOnlyList<ContactDetails> Contacts);

/// <summary>The values recorded in the audit log before and after a change.</summary>
internal sealed record MemberSnapshot(
    string LegalName,
    string Sector,
    string Country,
    string? Website,
    string? SizeBand,
    string? IctSpendBand,
    Guid? TierId,
    DateOnly JoinedOn,
    string Status,
    string? StatusReason,
    DateOnly? StatusChangedOn,
    IReadOnlyList<ContactSnapshot> Contacts)
{
    public static MemberSnapshot Of(MemberOrganisation member) => new(
        member.LegalName,
        member.Sector.ToString(),
        member.CountryCode.Value,
        member.Website,
        member.SizeBand?.ToString(),
        member.IctSpendBand?.ToString(),
        member.TierId,
        member.JoinedOn,
        member.Status.ToString(),
        member.StatusReason,
        member.StatusChangedOn,
        [.. member.Contacts.Select(c => new ContactSnapshot(c.Name, c.Email, c.Phone, c.Function))]);
}

internal sealed record ContactSnapshot(string Name, string Email, string? Phone, string? Function);
