using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Documents;

/// <summary>
/// An uploaded file kept in the database: a signed commitment, a buyer group's market vision, and so on.
/// The content type is the one the portal detected from the bytes, never the one the browser claimed.
/// </summary>
public sealed class StoredDocument : Entity
{
    public const int FileNameMaxLength = 150;
    public const int ContentTypeMaxLength = 100;
    public const int Sha256Length = 64;

    private StoredDocument()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        Content = [];
    }

    public StoredDocument(
        string fileName,
        string contentType,
        byte[] content,
        string sha256,
        Guid? uploadedByUserId,
        DateTimeOffset uploadedAt)
    {
        FileName = Guard.Required(fileName, CommonFields.File, FileNameMaxLength);
        ContentType = Guard.Required(contentType, CommonFields.File, ContentTypeMaxLength);
        if (content.Length == 0)
        {
            throw new DomainException(CommonFields.File, "The file is empty.");
        }

        if (sha256.Length != Sha256Length)
        {
            throw new DomainException(CommonFields.File, "The file's SHA-256 checksum must have 64 hexadecimal characters.");
        }

        Content = content;
        SizeBytes = content.LongLength;
        Sha256 = sha256;
        UploadedByUserId = uploadedByUserId;
        UploadedAt = uploadedAt;
    }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the content, to spot duplicates and prove integrity.</summary>
    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public Guid? UploadedByUserId { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}
