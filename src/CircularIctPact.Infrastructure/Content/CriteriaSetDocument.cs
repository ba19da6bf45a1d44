using System.Text.Json;
using System.Text.Json.Serialization;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Infrastructure.Content;

/// <summary>
/// A product group's criteria sets in every language, as one JSON document: the format of the reference content files,
/// of a criteria set version exported by the secretariat, and of the JSON a translator or reviewer sends back.
/// Field names follow the open-data API (code, theme, ambitionLevel, type, strategy, title, requirement, …); the texts of
/// a criterion are grouped per language code.
/// </summary>
public sealed record CriteriaSetDocument(ProductGroupDocument ProductGroup, List<CriteriaVersionDocument> Versions)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<CriteriaSetDocument> ReadAsync(Stream json, string source, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync<CriteriaSetDocument>(json, JsonOptions, cancellationToken)
            ?? throw new InvalidDataException($"{source} holds no criteria set document.");

    public Task WriteAsync(Stream json, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(json, this, JsonOptions, cancellationToken);

    /// <summary>The document as UTF-8 JSON, as a download or a content file holds it.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);
}

/// <summary>A product group's address name (slug) and its name per language code.</summary>
public sealed record ProductGroupDocument(string Slug, Dictionary<string, string> Names);

/// <summary>One version of a criteria set; <see cref="PublishedOn"/> is ISO 8601 (yyyy-MM-dd), absent for a draft.</summary>
public sealed record CriteriaVersionDocument(
    string Version,
    string Status,
    string? PublishedOn,
    Dictionary<string, string> ReleaseNotes,
    List<CriterionDocument> Criteria);

/// <summary>A criterion's classification (enum names as the API writes them) and its texts per language code.</summary>
public sealed record CriterionDocument(
    string Code,
    string Theme,
    string AmbitionLevel,
    string Type,
    string Strategy,
    string? References,
    Dictionary<string, CriterionTextDocument> Texts);

/// <summary>The texts of a criterion in one language.</summary>
public sealed record CriterionTextDocument(
    string Title,
    string Requirement,
    string? Verification,
    string? ContractManagement,
    string? ExplanatoryNote,
    string? MarketReadiness)
{
    public CriterionContent ToContent() => new(Title, Requirement, Verification, ContractManagement, ExplanatoryNote, MarketReadiness);

    public static CriterionTextDocument From(CriterionContent content) => new(
        content.Title,
        content.Requirement,
        content.Verification,
        content.ContractManagement,
        content.ExplanatoryNote,
        content.MarketReadiness);
}
