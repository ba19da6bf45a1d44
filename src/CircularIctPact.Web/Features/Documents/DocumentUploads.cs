using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Documents;

namespace CircularIctPact.Web.Features.Documents;

/// <summary>A file as it arrives from a form: the name the browser gave and its bytes.</summary>
public sealed record DocumentUpload(string FileName, Stream Content);

/// <summary>
/// Turns an uploaded file into a <see cref="StoredDocument"/> after checking its size and what it
/// really is: the type is read from the bytes (PDF, Office Open XML, OpenDocument text, PNG, JPEG),
/// never taken from the extension or the browser. Feature services add the result to their own unit
/// of work, so a document is only kept together with the change it belongs to.
/// </summary>
public sealed class DocumentUploads(TimeProvider clock)
{
    public const long MaxSizeBytes = 10 * 1024 * 1024;

    public const string AllowedTypesText = "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument text (.odt), PNG and JPEG";

    /// <summary>The accept attribute for file inputs; the server still checks the content.</summary>
    public const string AcceptAttribute = ".pdf,.docx,.xlsx,.pptx,.odt,.png,.jpg,.jpeg";

    private static readonly DocumentKind[] Kinds =
    [
        new("application/pdf", "a PDF", [".pdf"]),
        new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document", [".docx"]),
        new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook", [".xlsx"]),
        new("application/vnd.openxmlformats-officedocument.presentationml.presentation", "a PowerPoint presentation", [".pptx"]),
        new("application/vnd.oasis.opendocument.text", "an OpenDocument text", [".odt"]),
        new("image/png", "a PNG image", [".png"]),
        new("image/jpeg", "a JPEG image", [".jpg", ".jpeg"]),
    ];

    /// <summary>
    /// Reads and checks the upload; throws <see cref="DomainException"/> (field "File") with a specific message when it is refused.
    /// </summary>
    public async Task<StoredDocument> ReadAsync(DocumentUpload upload, Guid? uploadedBy, CancellationToken cancellationToken = default)
    {
        var content = await ReadLimitedAsync(upload.Content, cancellationToken);
        var fileName = SanitiseFileName(upload.FileName);
        var kind = Detect(content)
            ?? throw new DomainException(
                CommonFields.File,
                "'{0}' cannot be uploaded: only {1} files are accepted, and its content is none of these.",
                fileName,
                AllowedTypesText);
        var extension = Path.GetExtension(fileName);
        if (!kind.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            throw new DomainException(
                CommonFields.File,
                "'{0}' is {1}, but its name ends in '{2}'. Rename it to {3} or choose the right file.",
                fileName,
                kind.Description,
                extension,
                kind.Extensions[0]);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        return new StoredDocument(fileName, kind.ContentType, content, sha256, uploadedBy, clock.GetUtcNow());
    }

    /// <summary>
    /// Keeps only the last path segment and letters, digits, spaces and <c>. - _ ( )</c>; never empty,
    /// at most <see cref="StoredDocument.FileNameMaxLength"/> characters, extension kept.
    /// </summary>
    public static string SanitiseFileName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(name.Length);
        foreach (var character in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(character) || character is '.' or '-' or '_' or '(' or ')')
            {
                builder.Append(character);
            }
            else if (char.IsWhiteSpace(character) && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var cleaned = builder.ToString().Trim(' ').TrimEnd('.');
        while (cleaned.Contains("..", StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace("..", ".", StringComparison.Ordinal);
        }

        var extension = Path.GetExtension(cleaned);
        var stem = cleaned[..^extension.Length].Trim(' ', '.');
        if (stem.Length == 0)
        {
            stem = "document";
        }

        if (extension.Length > 10)
        {
            extension = string.Empty;
        }

        var maxStem = StoredDocument.FileNameMaxLength - extension.Length;
        return (stem.Length > maxStem ? stem[..maxStem].TrimEnd(' ', '.') : stem) + extension;
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxSizeBytes)
            {
                throw new DomainException(
                    CommonFields.File,
                    "The file is larger than {0} MB. Upload a smaller file.",
                    MaxSizeBytes / (1024 * 1024));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0 ? throw new DomainException(CommonFields.File, "The file is empty.") : buffer.ToArray();
    }

    private static DocumentKind? Detect(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith("%PDF-"u8))
        {
            return Kinds[0];
        }

        if (span.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Kinds[5];
        }

        if (span.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return Kinds[6];
        }

        return span.StartsWith("PK\u0003\u0004"u8) ? DetectZipPackage(content) : null;
    }

    private static DocumentKind? DetectZipPackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return string.Equals(reader.ReadToEnd().Trim(), Kinds[4].ContentType, StringComparison.Ordinal) ? Kinds[4] : null;
            }

            if (zip.GetEntry("[Content_Types].xml") is not { Length: < 1_000_000 } types)
            {
                return null;
            }

            using var typesReader = new StreamReader(types.Open(), Encoding.UTF8);
            var manifest = typesReader.ReadToEnd();
            return manifest.Contains(Kinds[1].ContentType + ".main+xml", StringComparison.Ordinal) ? Kinds[1]
                : manifest.Contains(Kinds[2].ContentType + ".main+xml", StringComparison.Ordinal) ? Kinds[2]
                : manifest.Contains(Kinds[3].ContentType + ".main+xml", StringComparison.Ordinal) ? Kinds[3]
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private sealed record DocumentKind(string ContentType, string Description, string[] Extensions);
}
