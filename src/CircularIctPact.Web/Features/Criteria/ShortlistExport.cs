using System.Globalization;
using System.Text.Json;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Features.Common;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>Turns a shortlist into a tender-ready Word document, a CSV file or JSON, in the shortlist's language.</summary>
public static class ShortlistExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// A Word document with one heading per procurement type, one sub-heading per criterion (code and title), its
    /// requirement, verification and contract-management text, and the product group, version and code for traceability.
    /// </summary>
    public static byte[] ToDocx(ShortlistDocument document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Paragraph(document.Title, "Title"));
            body.Append(Paragraph(Provenance(document), null));
            foreach (var group in document.Items.GroupBy(i => i.Criterion.Type).OrderBy(g => g.Key))
            {
                body.Append(Paragraph(CriteriaLabels.Type(group.Key, document.Language), "Heading1"));
                foreach (var item in group)
                {
                    var criterion = item.Criterion;
                    body.Append(Paragraph($"{criterion.Code} {criterion.Content.Title}", "Heading2"));
                    AppendField(body, CriteriaLabels.Field("Requirement", document.Language), criterion.Content.Requirement);
                    AppendField(body, CriteriaLabels.Field("Verification", document.Language), criterion.Content.Verification);
                    AppendField(body, CriteriaLabels.Field("Contract management", document.Language), criterion.Content.ContractManagement);
                    var source = $"{CriteriaLabels.Field("Source", document.Language)}: Circular & Fair ICT "
                        + $"Pact, {item.ProductGroup} {item.Version}, {criterion.Code}";
                    if (criterion.IsFallback)
                    {
                        source += " (English source text; no translation yet)";
                    }

                    body.Append(Paragraph(source, "Source"));
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>One row per criterion, in shortlist order, with every text field as plain text.</summary>
    public static byte[] ToCsv(ShortlistDocument document) =>
        CsvFile.Write(document.Items.Select(item => new ShortlistRow
        {
            ProductGroup = item.ProductGroup,
            Version = item.Version,
            Code = item.Criterion.Code,
            Language = item.Criterion.Language.Code(),
            IsFallback = item.Criterion.IsFallback,
            Theme = item.Criterion.Theme.ToString(),
            AmbitionLevel = item.Criterion.AmbitionLevel.ToString(),
            Type = item.Criterion.Type.ToString(),
            Strategy = item.Criterion.Strategy.ToString(),
            Title = item.Criterion.Content.Title,
            Requirement = RichText.ToPlainText(item.Criterion.Content.Requirement),
            Verification = RichText.ToPlainText(item.Criterion.Content.Verification),
            ContractManagement = RichText.ToPlainText(item.Criterion.Content.ContractManagement),
            ExplanatoryNote = RichText.ToPlainText(item.Criterion.Content.ExplanatoryNote),
            MarketReadiness = RichText.ToPlainText(item.Criterion.Content.MarketReadiness),
            References = item.Criterion.References ?? string.Empty,
        }));

    public static byte[] ToJson(ShortlistDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                title = document.Title,
                language = document.Language.Code(),
                criteria = document.Items.Select(item => new
                {
                    productGroup = item.ProductGroup,
                    version = item.Version,
                    code = item.Criterion.Code,
                    theme = item.Criterion.Theme.ToString(),
                    ambitionLevel = item.Criterion.AmbitionLevel.ToString(),
                    type = item.Criterion.Type.ToString(),
                    strategy = item.Criterion.Strategy.ToString(),
                    title = item.Criterion.Content.Title,
                    requirement = item.Criterion.Content.Requirement,
                    verification = item.Criterion.Content.Verification,
                    contractManagement = item.Criterion.Content.ContractManagement,
                    explanatoryNote = item.Criterion.Content.ExplanatoryNote,
                    marketReadiness = item.Criterion.Content.MarketReadiness,
                    references = item.Criterion.References,
                    isFallback = item.Criterion.IsFallback,
                }),
            },
            Json);

    private static string Provenance(ShortlistDocument document)
    {
        var sets = document.Items.Select(i => $"{i.ProductGroup} {i.Version}").Distinct(StringComparer.Ordinal);
        return $"Criteria of the Circular & Fair ICT Pact ({string.Join(", ", sets)}), language: {document.Language.DisplayName()}.";
    }

    private static void AppendField(Body body, string label, string? text)
    {
        var plain = RichText.ToPlainText(text);
        if (string.IsNullOrWhiteSpace(plain))
        {
            return;
        }

        body.Append(Paragraph(label, "Heading3"));
        foreach (var line in plain.Split('\n'))
        {
            body.Append(Paragraph(line, null));
        }
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Styles Styles()
    {
        static Style Heading(string id, string name, int outline, string size) => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = "240", After = "80" },
                new OutlineLevel { Val = outline }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };

        return new Styles(
            new Style(
                new StyleName { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }),
                new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(
                new StyleName { Val = "Title" },
                new BasedOn { Val = "Normal" },
                new PrimaryStyle(),
                new StyleRunProperties(new Bold(), new FontSize { Val = "40" }))
            { Type = StyleValues.Paragraph, StyleId = "Title" },
            Heading("Heading1", "heading 1", 0, "32"),
            Heading("Heading2", "heading 2", 1, "26"),
            Heading("Heading3", "heading 3", 2, "22"),
            new Style(
                new StyleName { Val = "Source" },
                new BasedOn { Val = "Normal" },
                new StyleRunProperties(new Italic(), new Color { Val = "595959" }, new FontSize { Val = "18" }))
            { Type = StyleValues.Paragraph, StyleId = "Source" });
    }
}

/// <summary>One CSV line of a shortlist export.</summary>
[CsvRecord]
public sealed partial class ShortlistRow
{
    public string ProductGroup { get; set; } = string.Empty;
    public string Version { get; set; } = string.Empty;
    public string Code { get; set; } = string.Empty;
    public string Language { get; set; } = string.Empty;
    public bool IsFallback { get; set; }
    public string Theme { get; set; } = string.Empty;
    public string AmbitionLevel { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public string Strategy { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Requirement { get; set; } = string.Empty;
    public string Verification { get; set; } = string.Empty;
    public string ContractManagement { get; set; } = string.Empty;
    public string ExplanatoryNote { get; set; } = string.Empty;
    public string MarketReadiness { get; set; } = string.Empty;
    public string References { get; set; } = string.Empty;
}
