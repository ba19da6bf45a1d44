using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Writes the tender list (with its filters) as CSV or Excel; the scope is checked by <see cref="TenderDirectory"/>.</summary>
public sealed class TenderExport(TenderDirectory directory)
{
    /// <summary>The column headings, in the English of the resources; each file writes them in the reader's language.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Title",
        "Organisation",
        "Buyer group",
        "Product group",
        "Status",
        "Planned publication",
        "Actual publication",
        "Contract start",
        "Contract end",
        "Estimated quantity",
        "Estimated value",
        "Currency",
        "Criteria version",
        "Criteria applied",
        "Shared in the tender calendar",
        "Supplier",
        "Device models",
        "Awarded quantity",
        "Unit price",
        "Warranty (years)",
        "Expected years of use",
        "Take-back agreed",
    ];

    public async Task<byte[]> CsvAsync(ClaimsPrincipal user, TenderQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await directory.ListAsync(user, query, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        return CsvFile.Write(Header(culture), rows.Select(row => Values(row, culture)));
    }

    public async Task<byte[]> XlsxAsync(ClaimsPrincipal user, TenderQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await directory.ListAsync(user, query, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        return WorkbookFile.Write(
            new WorkbookSheet(OutgoingText.In(culture, "Tenders"), Header(culture), rows.Select(row => Values(row, culture))));
    }

    private static string[] Header(CultureInfo culture) => [.. Columns.Select(column => OutgoingText.In(culture, column))];

    private static string?[] Values(TenderRow row, CultureInfo culture) =>
    [
        row.Title,
        row.Organisation,
        row.BuyerGroup,
        row.ProductGroup,
        OutgoingText.In(culture, row.Status.ToString()),
        Date(row.PlannedPublicationOn),
        Date(row.ActualPublicationOn),
        Date(row.ContractStartOn),
        Date(row.ContractEndOn),
        row.EstimatedQuantity?.ToString(CultureInfo.InvariantCulture),
        row.EstimatedValue?.ToString(CultureInfo.InvariantCulture),
        row.Currency,
        row.CriteriaVersion,
        row.CriteriaCount.ToString(CultureInfo.InvariantCulture),
        YesOrNo(row.SharedInCalendar, culture),
        row.Supplier,
        row.DeviceModels,
        row.AwardedQuantity?.ToString(CultureInfo.InvariantCulture),
        row.UnitPrice?.ToString(CultureInfo.InvariantCulture),
        row.WarrantyYears?.ToString(CultureInfo.InvariantCulture),
        row.ExpectedYearsOfUse?.ToString(CultureInfo.InvariantCulture),
        row.TakeBackAgreed is { } takeBack ? YesOrNo(takeBack, culture) : null,
    ];

    private static string YesOrNo(bool value, CultureInfo culture) => OutgoingText.In(culture, value ? "Yes" : "No");

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
