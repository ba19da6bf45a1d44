using System.Text.Json;
using System.Text.Json.Serialization;

namespace CircularIctPact.Infrastructure.Content;

/// <summary>A reference content file that cannot be used, and why.</summary>
public sealed record ContentProblem(string File, string Message);

/// <summary>One parsed reference content file and the path it was read from.</summary>
public sealed record ContentFile<TDocument>(string Path, TDocument Document);

/// <summary>
/// The reference content files of a folder (every <c>*.json</c> below it) or a single file, parsed but not yet checked
/// against the database. A file's kind follows from its top-level field: <c>productGroup</c> (a criteria set document),
/// <c>signatories</c>, <c>buyerGroups</c> or <c>workingGroups</c>. Files that cannot be read end up in <see cref="Problems"/>.
/// </summary>
public sealed class ReferenceContentFiles
{
    // A misspelt field would otherwise be dropped without a word, and the record imported without it.
    private static readonly JsonSerializerOptions StrictOptions = new(CriteriaSetDocument.JsonOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    private ReferenceContentFiles()
    {
    }

    public List<ContentFile<CriteriaSetDocument>> Criteria { get; } = [];

    public List<ContentFile<SignatoriesDocument>> Signatories { get; } = [];

    public List<ContentFile<BuyerGroupsDocument>> BuyerGroups { get; } = [];

    public List<ContentFile<WorkingGroupsDocument>> WorkingGroups { get; } = [];

    public List<ContentProblem> Problems { get; } = [];

    /// <summary>Reads <paramref name="path"/>: a <c>.json</c> file, or a folder whose <c>.json</c> files are read in name order.</summary>
    public static async Task<ReferenceContentFiles> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var files = new ReferenceContentFiles();
        if (File.Exists(path))
        {
            await files.ReadFileAsync(path, cancellationToken);
        }
        else if (Directory.Exists(path))
        {
            var found = Directory.GetFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (found.Count == 0)
            {
                files.Problems.Add(new ContentProblem(path, "The folder holds no reference content files (*.json)."));
            }

            foreach (var file in found)
            {
                await files.ReadFileAsync(file, cancellationToken);
            }
        }
        else
        {
            files.Problems.Add(new ContentProblem(path, "No such file or folder."));
        }

        return files;
    }

    private async Task ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            using var json = await JsonDocument.ParseAsync(stream, default, cancellationToken);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                Problems.Add(new ContentProblem(path, "The file holds no JSON object."));
                return;
            }

            if (Has(json.RootElement, "productGroup"))
            {
                Criteria.Add(new ContentFile<CriteriaSetDocument>(path, Read<CriteriaSetDocument>(json)));
            }
            else if (Has(json.RootElement, "signatories"))
            {
                Signatories.Add(new ContentFile<SignatoriesDocument>(path, Read<SignatoriesDocument>(json)));
            }
            else if (Has(json.RootElement, "buyerGroups"))
            {
                BuyerGroups.Add(new ContentFile<BuyerGroupsDocument>(path, Read<BuyerGroupsDocument>(json)));
            }
            else if (Has(json.RootElement, "workingGroups"))
            {
                WorkingGroups.Add(new ContentFile<WorkingGroupsDocument>(path, Read<WorkingGroupsDocument>(json)));
            }
            else
            {
                Problems.Add(new ContentProblem(path,
                    "This is not a reference content file: it needs a top-level field productGroup (criteria), signatories, buyerGroups or "
                        + "workingGroups."));
            }
        }
        catch (JsonException exception)
        {
            Problems.Add(new ContentProblem(path, $"The JSON cannot be read: {exception.Message}"));
        }
        catch (IOException exception)
        {
            Problems.Add(new ContentProblem(path, $"The file cannot be read: {exception.Message}"));
        }
        catch (UnauthorizedAccessException exception)
        {
            Problems.Add(new ContentProblem(path, $"The file cannot be read: {exception.Message}"));
        }
    }

    private static bool Has(JsonElement root, string field) =>
        root.EnumerateObject().Any(property => string.Equals(property.Name, field, StringComparison.OrdinalIgnoreCase));

    private static TDocument Read<TDocument>(JsonDocument json) =>
        json.RootElement.Deserialize<TDocument>(StrictOptions) ?? throw new JsonException("The file holds no document.");
}
