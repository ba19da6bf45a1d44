using System.Text;
using System.Text.Json;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Content;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Reads a <see cref="CriteriaSetDocument"/> holding one version into the import's <see cref="ExchangeFile"/>. A problem
/// names the criterion's place in the file (1 for the first) and the field, e.g. "texts.nl.title".
/// </summary>
public static class CriteriaJsonFile
{
    /// <summary>What a JSON file's problems give as their sheet.</summary>
    public const string Source = "JSON";

    public static ExchangeFile Read(byte[] content)
    {
        var missing = new ExchangeCell(null, CellLocation.File);
        CriteriaSetDocument? document;
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
                .GetString(content)
                .TrimStart('\uFEFF');
            document = JsonSerializer.Deserialize<CriteriaSetDocument>(text, CriteriaSetDocument.JsonOptions);
        }
        catch (DecoderFallbackException)
        {
            return Refused(missing, "The file is not UTF-8 text. Save the JSON file as UTF-8.");
        }
        catch (JsonException error)
        {
            // The serializer's own message is English and names .NET types; the place is what a person can act on.
            return Refused(
                missing,
                "The JSON is not valid at line {0}, position {1}.",
                (error.LineNumber ?? 0) + 1,
                (error.BytePositionInLine ?? 0) + 1);
        }

        // The serializer leaves a property the file lacks at null, whatever the record declares; "null" gives no document.
        if (document?.ProductGroup is null || document.Versions is null)
        {
            return Refused(
                missing,
                "The file is not a criteria set document: it needs a productGroup and a versions list, as an exported file has.");
        }

        var productGroup = new ExchangeCell(Clean(document.ProductGroup.Slug), new CellLocation(Source, null, "productGroup.slug"));
        if (document.Versions.Count != 1)
        {
            return Refused(
                productGroup,
                "The file holds {0} versions; an import takes a file with exactly one version, as the portal exports it.",
                document.Versions.Count);
        }

        var version = document.Versions[0];
        var problems = new List<CriteriaImportProblem>();
        var criteria = new List<ExchangeCriterion>();
        var position = 0;
        foreach (var criterion in version.Criteria ?? [])
        {
            position++;
            if (criterion is null)
            {
                continue;
            }

            var cells = new Dictionary<string, ExchangeCell>(StringComparer.Ordinal);
            void Add(string column, string field, string? value) =>
                cells[column] = new ExchangeCell(Clean(value), new CellLocation(Source, position, field));
            Add(CriteriaColumns.Code, "code", criterion.Code);
            Add(CriteriaColumns.Theme, "theme", criterion.Theme);
            Add(CriteriaColumns.AmbitionLevel, "ambitionLevel", criterion.AmbitionLevel);
            Add(CriteriaColumns.Type, "type", criterion.Type);
            Add(CriteriaColumns.Strategy, "strategy", criterion.Strategy);
            Add(CriteriaColumns.References, "references", criterion.References);
            foreach (var (code, texts) in criterion.Texts ?? [])
            {
                if (!CriteriaLanguages.TryParse(code, out var language) || language.Code() != code)
                {
                    problems.Add(new(
                        new CellLocation(Source, position, $"texts.{code}"),
                        "'{0}' is not a language the portal holds; the languages are en, nl, fr and de.",
                        code));
                    continue;
                }

                string?[] values = texts is null ? new string?[6] : [
                    texts.Title,
                    texts.Requirement,
                    texts.Verification,
                    texts.ContractManagement,
                    texts.ExplanatoryNote,
                    texts.MarketReadiness,
                ];
                string[] names = ["title", "requirement", "verification", "contractManagement", "explanatoryNote", "marketReadiness"];
                for (var i = 0; i < CriteriaColumns.TextFields.Count; i++)
                {
                    Add(CriteriaColumns.Text(CriteriaColumns.TextFields[i], language), $"texts.{code}.{names[i]}", values[i]);
                }
            }

            criteria.Add(new ExchangeCriterion(new CellLocation(Source, position, null), cells));
        }

        return new ExchangeFile(
            productGroup,
            new ExchangeCell(Clean(version.Version), new CellLocation(Source, null, "versions[0].version")),
            criteria,
            problems);
    }

    private static ExchangeFile Refused(ExchangeCell productGroup, string template, params object[] arguments) =>
        new(productGroup, new ExchangeCell(null, CellLocation.File), [], [new(CellLocation.File, template, arguments)]);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
