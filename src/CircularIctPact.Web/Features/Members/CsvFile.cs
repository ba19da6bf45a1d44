using CsvHelper;

namespace CircularIctPact.Web.Features.Members;

/// <summary>Writes CSV downloads: RFC 4180, UTF-8 with a byte order mark (so Excel reads the accents), formulas neutralised.</summary>
public static class CsvFile
{
    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,

        // A cell such as "=HYPERLINK(...)" typed into the portal must not run as a formula in the reader's spreadsheet.
        Injection = CsvInjection.Escape,
    };

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row]);
            }

            csv.Flush();
        }

        return stream.ToArray();
    }
}
