using System.Data;
using System.Globalization;
using MiniExcelLibs;

namespace CircularIctPact.Web.Features.Common;

/// <summary>One sheet of a written workbook: its name, its header row and its rows, every cell as text.</summary>
public sealed record WorkbookSheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows);

/// <summary>
/// Writes every Excel download of the portal (.xlsx). Each sheet is a table of text columns: its header stays when it has
/// no rows, and a cell that starts with = + - or @ is stored as text, so it never becomes a formula.
/// </summary>
public static class WorkbookFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook with the sheets in this order.</summary>
    public static byte[] Write(params IReadOnlyList<WorkbookSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var tables = new List<DataTable>(sheets.Count);
        try
        {
            foreach (var sheet in sheets)
            {
                tables.Add(Table(sheet));
            }

            var workbook = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                workbook.Add(table.TableName, table);
            }

            using var stream = new MemoryStream();
            stream.SaveAs(workbook, excelType: ExcelType.XLSX);
            return stream.ToArray();
        }
        finally
        {
            tables.ForEach(table => table.Dispose());
        }
    }

    private static DataTable Table(WorkbookSheet sheet)
    {
        var table = new DataTable(sheet.Name) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in sheet.Header)
        {
            table.Columns.Add(column, typeof(string));
        }

        foreach (var row in sheet.Rows)
        {
            table.Rows.Add([.. row]);
        }

        return table;
    }
}
