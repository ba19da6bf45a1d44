namespace CircularIctPact.Domain.Tenders;

/// <summary>What a procurer fills in about a tender (everything except status, criteria, lots and award).</summary>
public sealed record TenderDetails(
    string? Title,
    Guid ProductGroupId,
    DateOnly? PlannedPublicationOn,
    DateOnly? ContractStartOn,
    DateOnly? ContractEndOn,
    int? EstimatedQuantity,
    decimal? EstimatedValue,
    string? Currency,
    bool SharedInCalendar);

/// <summary>One lot of a tender as entered in a form.</summary>
public sealed record TenderLotDetails(string? Title, int? Quantity);

/// <summary>The outcome of an awarded tender as entered in a form; every field is required.</summary>
public sealed record TenderAwardDetails(
    DateOnly? AwardedOn,
    string? SupplierName,
    string? DeviceModels,
    int? AwardedQuantity,
    decimal? UnitPrice,
    int? WarrantyYears,
    decimal? ExpectedYearsOfUse,
    bool TakeBackAgreed);
