using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Writes the tender list (with its filters) as CSV or Excel; the scope is checked by <see cref="TenderDirectory"/>.</summary>
public sealed class TenderExport(TenderDirectory directory)
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Title",
        "Organisation",
        "BuyerGroup",
        "ProductGroup",
        "Status",
        "PlannedPublication",
        "ActualPublication",
        "ContractStart",
        "ContractEnd",
        "EstimatedQuantity",
        "EstimatedValue",
        "Currency",
        "CriteriaVersion",
        "CriteriaApplied",
        "SharedInCalendar",
        "Supplier",
        "DeviceModels",
        "AwardedQuantity",
        "UnitPrice",
        "WarrantyYears",
        "ExpectedYearsOfUse",
        "TakeBackAgreed",
    ];

    public async Task<byte[]> CsvAsync(ClaimsPrincipal user, TenderQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await directory.ListAsync(user, query, cancellationToken);
        return CsvFile.Write(Columns, rows.Select(Values));
    }

    public async Task<byte[]> XlsxAsync(ClaimsPrincipal user, TenderQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await directory.ListAsync(user, query, cancellationToken);
        return WorkbookFile.Write(new WorkbookSheet("Tenders", Columns, rows.Select(Values)));
    }

    private static string?[] Values(TenderRow row) =>
    [
        row.Title,
        row.Organisation,
        row.BuyerGroup,
        row.ProductGroup,
        row.Status.ToString(),
        Date(row.PlannedPublicationOn),
        Date(row.ActualPublicationOn),
        Date(row.ContractStartOn),
        Date(row.ContractEndOn),
        row.EstimatedQuantity?.ToString(CultureInfo.InvariantCulture),
        row.EstimatedValue?.ToString(CultureInfo.InvariantCulture),
        row.Currency,
        row.CriteriaVersion,
        row.CriteriaCount.ToString(CultureInfo.InvariantCulture),
        row.SharedInCalendar ? "yes" : "no",
        row.Supplier,
        row.DeviceModels,
        row.AwardedQuantity?.ToString(CultureInfo.InvariantCulture),
        row.UnitPrice?.ToString(CultureInfo.InvariantCulture),
        row.WarrantyYears?.ToString(CultureInfo.InvariantCulture),
        row.ExpectedYearsOfUse?.ToString(CultureInfo.InvariantCulture),
        row.TakeBackAgreed is { } takeBack ? (takeBack ? "yes" : "no") : null,
    ];

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
