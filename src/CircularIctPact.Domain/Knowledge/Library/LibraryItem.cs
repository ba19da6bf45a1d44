using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Domain.Knowledge.Library;

public enum LibraryItemType
{
    Guide,
    MarketVisionAndStrategy,
    Report,
    Template,
    Other,
}

/// <summary>
/// What a library item says about itself; the file or link lives in its versions. Title and description are in
/// <paramref name="Language"/>; <paramref name="Translations"/> give them in other portal languages.
/// </summary>
public sealed record LibraryItemDescription(
    string? Title,
    string? Description,
    LibraryItemType Type,
    CriteriaLanguage Language,
    Guid? ProductGroupId,
    IReadOnlyList<string> Tags,
    KnowledgeVisibility Visibility,
    IReadOnlyList<Translation<LibraryItemText>>? Translations = null);

/// <summary>
/// A guide, market vision, report or template the pact shares: an uploaded file or a link to elsewhere.
/// A new version never replaces the earlier ones; they stay listed and downloadable.
/// </summary>
public sealed class LibraryItem : Entity, IConcurrencyVersioned, ISearchableKnowledge
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    private readonly List<LibraryItemVersion> _versions = [];

    private LibraryItem()
    {
        Title = Description = string.Empty;
        Tags = [];
        Translations = [];
    }

    public LibraryItem(
        LibraryItemDescription description,
        LibraryContent content,
        string? changeNote,
        Guid addedBy,
        string addedByName,
        DateTimeOffset at)
        : this()
    {
        CreatedAt = at;
        CreatedByUserId = addedBy;
        Describe(description, at);
        AddVersion(content, changeNote ?? "First version.", addedBy, addedByName, at);
    }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public LibraryItemType Type { get; private set; }

    /// <summary>The language <see cref="Title"/> and <see cref="Description"/> are written in.</summary>
    public CriteriaLanguage Language { get; private set; }

    /// <summary>Title and description in other portal languages.</summary>
    public IReadOnlyList<Translation<LibraryItemText>> Translations { get; private set; }

    public Guid? ProductGroupId { get; private set; }

    public List<string> Tags { get; private set; }

    public KnowledgeVisibility Visibility { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<LibraryItemVersion> Versions => _versions.AsReadOnly();

    /// <summary>The title and description a reader of <paramref name="reader"/> gets, with the language they are in.</summary>
    public Translation<LibraryItemText> TextFor(CriteriaLanguage reader) =>
        ContentTranslations.For(reader, Language, new LibraryItemText(Title, Description), Translations);

    public void Describe(LibraryItemDescription description, DateTimeOffset at)
    {
        var rules = new RuleViolations();
        var text = new LibraryItemText(description.Title, description.Description).Checked(rules, null);
        var translations = ContentTranslations.Checked(rules, description.Language, description.Translations);
        var tags = rules.Check(() => KnowledgeTags.Normalise(description.Tags));
        rules.ThrowIfAny();
        Title = text.Title!;
        Description = text.Description!;
        Type = description.Type;
        Language = description.Language;
        Translations = translations;
        ProductGroupId = description.ProductGroupId;
        Tags = tags!;
        Visibility = description.Visibility;
        UpdatedAt = at;
    }

    /// <summary>Adds a newer file or link; earlier versions are kept.</summary>
    public LibraryItemVersion AddVersion(LibraryContent content, string? changeNote, Guid by, string byName, DateTimeOffset at)
    {
        var number = _versions.Count == 0 ? 1 : _versions.Max(v => v.Number) + 1;
        var version = new LibraryItemVersion(
            Id,
            number,
            content,
            Guard.Required(changeNote, LibraryItemFields.ChangeNote, LibraryItemVersion.ChangeNoteMaxLength),
            by,
            byName,
            at);
        _versions.Add(version);
        UpdatedAt = at;
        return version;
    }
}

/// <summary>The file or the link of one version: exactly one of the two.</summary>
public sealed record LibraryContent
{
    private LibraryContent(Guid? documentId, string? url)
    {
        DocumentId = documentId;
        Url = url;
    }

    public Guid? DocumentId { get; }

    public string? Url { get; }

    public static LibraryContent File(Guid documentId) => new(documentId, null);

    public static LibraryContent Link(string? url) => new(null, ExternalLink.Parse(url));
}

/// <summary>Links to outside the portal: absolute http or https addresses only, so no script or file links reach a page.</summary>
public static class ExternalLink
{
    public const int MaxLength = 500;

    public static string Parse(string? url, FormField? field = null)
    {
        var input = field ?? LibraryItemFields.Link;
        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(input, "Give a link or upload a file.");
        }

        if (trimmed.Length > MaxLength)
        {
            throw new DomainException(input, "The link can be at most {0} characters.", MaxLength);
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new DomainException(input, "'{0}' is not a web address: use a full address starting with https:// or http://.", trimmed);
        }

        return uri.AbsoluteUri;
    }
}

/// <summary>One version of a library item, with who added it, when and why.</summary>
public sealed class LibraryItemVersion : Entity
{
    public const int ChangeNoteMaxLength = 500;

    private LibraryItemVersion()
    {
        ChangeNote = UploadedByName = string.Empty;
    }

    internal LibraryItemVersion(
        Guid itemId,
        int number,
        LibraryContent content,
        string changeNote,
        Guid uploadedBy,
        string uploadedByName,
        DateTimeOffset at)
    {
        ItemId = itemId;
        Number = number;
        DocumentId = content.DocumentId;
        Url = content.Url;
        ChangeNote = changeNote;
        UploadedByUserId = uploadedBy;
        UploadedByName = uploadedByName;
        UploadedAt = at;
    }

    public Guid ItemId { get; private set; }

    public int Number { get; private set; }

    public Guid? DocumentId { get; private set; }

    public string? Url { get; private set; }

    public string ChangeNote { get; private set; }

    public Guid UploadedByUserId { get; private set; }

    public string UploadedByName { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}
