using CsvHelper;

namespace CircularIctPact.Web.Features.Common;

/// <summary>
/// Writes every CSV download of the portal: RFC 4180, UTF-8 with a byte order mark (so Excel reads the accents), and a
/// cell that starts with = + - @, a tab or a carriage return is prefixed with an apostrophe, so that what someone typed
/// into the portal never runs as a formula in the reader's spreadsheet.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    /// <summary>A header row and then one line per row, every cell as text.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        Write(csv =>
        {
            csv.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row]);
            }
        });

    private static byte[] Write(Action<CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            write(csv);
            csv.Flush();
        }

        return stream.ToArray();
    }
}
