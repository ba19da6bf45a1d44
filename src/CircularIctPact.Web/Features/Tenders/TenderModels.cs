using CircularIctPact.Domain.Tenders;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Everything the tender page saves in one go.</summary>
public sealed record TenderForm(
    TenderDetails Details,
    TenderStatus Status,
    DateOnly? ActualPublicationOn,
    TenderAwardDetails? Award,
    IReadOnlyList<TenderLotDetails> Lots,
    Guid? CriteriaSetId,
    IReadOnlyList<Guid> CriterionIds);

/// <summary>Filters of the tender list; all optional.</summary>
public sealed record TenderQuery(Guid? BuyerGroupId = null, TenderStatus? Status = null, Guid? ProductGroupId = null, int? Year = null);

/// <summary>One page of the tender list, with how many tenders match in all.</summary>
public sealed record TenderPage(IReadOnlyList<TenderRow> Rows, int Total, int Page, int PageCount);

/// <summary>A product group a tender can buy.</summary>
public sealed record ProductGroupOption(Guid Id, string Slug, string Name);

/// <summary>A buyer group the caller may filter by.</summary>
public sealed record BuyerGroupOption(Guid Id, string Name);

/// <summary>One row of the tender list and export.</summary>
public sealed record TenderRow(
    Guid Id,
    string Title,
    string Organisation,
    string BuyerGroup,
    string ProductGroup,
    TenderStatus Status,
    DateOnly PlannedPublicationOn,
    DateOnly? ActualPublicationOn,
    DateOnly? ContractStartOn,
    DateOnly? ContractEndOn,
    int? EstimatedQuantity,
    decimal? EstimatedValue,
    string? Currency,
    string? CriteriaVersion,
    int CriteriaCount,
    bool SharedInCalendar,
    string? Supplier,
    string? DeviceModels,
    int? AwardedQuantity,
    decimal? UnitPrice,
    int? WarrantyYears,
    decimal? ExpectedYearsOfUse,
    bool? TakeBackAgreed);

/// <summary>A tender as its page shows it, with who may change it.</summary>
public sealed record TenderDetailsView(
    Guid Id,
    Guid MemberOrganisationId,
    string Organisation,
    Guid BuyerGroupId,
    string BuyerGroup,
    Guid ProductGroupId,
    string ProductGroup,
    string Title,
    TenderStatus Status,
    DateOnly PlannedPublicationOn,
    DateOnly? ActualPublicationOn,
    DateOnly? ContractStartOn,
    DateOnly? ContractEndOn,
    int? EstimatedQuantity,
    decimal? EstimatedValue,
    string? Currency,
    bool SharedInCalendar,
    Guid? CriteriaSetId,
    string? CriteriaVersion,
    IReadOnlyList<Guid> CriterionIds,
    IReadOnlyList<TenderLotDetails> Lots,
    TenderAwardDetails? Award,
    uint Version,
    bool CanEdit,
    IReadOnlyList<TenderInterestView> Interests);

/// <summary>Someone's interest in a shared tender, as its owner sees it.</summary>
public sealed record TenderInterestView(
    Guid Id,
    string Organisation,
    string Person,
    string? Email,
    TenderInterestKind Kind,
    string? Note,
    DateTimeOffset At);

/// <summary>Criteria of a saved shortlist that fit a tender's product group.</summary>
public sealed record ShortlistCriteria(Guid CriteriaSetId, string Version, IReadOnlyList<Guid> CriterionIds, int Skipped);
