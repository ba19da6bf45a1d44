using System.Data;
using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Web.Features.Members;
using MiniExcelLibs;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Writes the tender list (with its filters) as CSV or Excel; the scope is checked by <see cref="TenderDirectory"/>.</summary>
public sealed class TenderExport(TenderDirectory directory)
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Title", "Organisation", "BuyerGroup", "ProductGroup", "Status", "PlannedPublication", "ActualPublication", "ContractStart", "ContractEnd",
        "EstimatedQuantity", "EstimatedValue", "Currency", "CriteriaVersion", "CriteriaApplied", "SharedInCalendar",
        "Supplier", "DeviceModels", "AwardedQuantity", "UnitPrice", "WarrantyYears", "ExpectedYearsOfUse", "TakeBackAgreed",
    ];

    public async Task<byte[]> CsvAsync(ClaimsPrincipal user, TenderQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await directory.ListAsync(user, query, cancellationToken);
        return CsvFile.Write(Columns, rows.Select(Values));
    }

    public async Task<byte[]> XlsxAsync(ClaimsPrincipal user, TenderQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await directory.ListAsync(user, query, cancellationToken);
        using var table = new DataTable("Tenders") { Locale = CultureInfo.InvariantCulture };
        foreach (var column in Columns)
        {
            table.Columns.Add(column, typeof(string));
        }

        foreach (var row in rows)
        {
            table.Rows.Add(Values(row).Cast<object?>().ToArray());
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(table, sheetName: "Tenders", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return stream.ToArray();
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
