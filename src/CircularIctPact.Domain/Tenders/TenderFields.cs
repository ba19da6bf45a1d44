using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Tenders;

/// <summary>The form fields that the rules of tenders, their lots, criteria and award name.</summary>
public static class TenderFields
{
    public static readonly FormField Title = new("Title");
    public static readonly FormField ProductGroup = new("ProductGroup");
    public static readonly FormField PlannedPublicationOn = new("PlannedPublicationOn");
    public static readonly FormField ActualPublicationOn = new("ActualPublicationOn");
    public static readonly FormField ContractStartOn = new("ContractStartOn");
    public static readonly FormField ContractEndOn = new("ContractEndOn");
    public static readonly FormField EstimatedQuantity = new("EstimatedQuantity");
    public static readonly FormField EstimatedValue = new("EstimatedValue");
    public static readonly FormField Currency = new("Currency");
    public static readonly FormField Lots = new("Lots");
    public static readonly FormField LotTitle = new("Title");
    public static readonly FormField LotQuantity = new("Quantity");
    public static readonly FormField Criteria = new("Criteria");
    public static readonly FormField Status = new("Status");
    public static readonly FormField Tender = new("Tender");
    public static readonly FormField Award = new("Award");
    public static readonly FormField AwardedOn = new("Award.AwardedOn");
    public static readonly FormField Supplier = new("Supplier");
    public static readonly FormField DeviceModels = new("Device models");
    public static readonly FormField AwardedQuantity = new("Award.AwardedQuantity");
    public static readonly FormField UnitPrice = new("Award.UnitPrice");
    public static readonly FormField WarrantyYears = new("Award.WarrantyYears");
    public static readonly FormField ExpectedYearsOfUse = new("Award.ExpectedYearsOfUse");
}
