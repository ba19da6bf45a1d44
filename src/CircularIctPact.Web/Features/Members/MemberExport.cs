using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Members;

/// <summary>
/// Writes the member list (with the grid's filters and sort) as CSV or Excel; the scope is checked by <see cref="MemberDirectory"/>.
/// </summary>
public sealed class MemberExport(MemberDirectory directory)
{
    /// <summary>
    /// The export's columns: the import template's columns plus group and status, so an export can be edited and imported
    /// elsewhere; sector, size and spend are the words the template and the import use.
    /// </summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["BuyerGroup", .. MemberImport.Columns, "Status", "StatusReason"];

    public async Task<byte[]> CsvAsync(ClaimsPrincipal user, MemberQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await directory.ExportRowsAsync(user, query, cancellationToken);
        return CsvFile.Write(Columns, rows.Select(Values));
    }

    public async Task<byte[]> XlsxAsync(ClaimsPrincipal user, MemberQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await directory.ExportRowsAsync(user, query, cancellationToken);
        return WorkbookFile.Write(new WorkbookSheet("Members", Columns, rows.Select(Values)));
    }

    private static string?[] Values(MemberExportRow row)
    {
        var contact = row.Contacts.FirstOrDefault();
        return
        [
            row.BuyerGroup,
            row.LegalName,
            MemberFileValues.Sector(row.Sector),
            row.Country,
            row.Website,
            row.SizeBand is { } size ? MemberFileValues.Size(size) : null,
            row.IctSpendBand is { } spend ? MemberFileValues.Spend(spend) : null,
            row.Tier,
            row.JoinedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            contact?.Name,
            contact?.Email,
            contact?.Phone,
            contact?.Function,
            row.Status.ToString(),
            row.StatusReason,
        ];
    }
}
