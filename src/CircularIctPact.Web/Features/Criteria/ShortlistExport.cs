using System.Globalization;
using System.Text.Json;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Turns a shortlist into a tender-ready Word document, a CSV file or JSON, in the shortlist's language: the criteria's texts
/// and the documents' own words (headings, captions, column names, theme and level names) alike. JSON is for programs and
/// keeps the enum values.
/// </summary>
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
            var culture = CultureOf(document.Language);
            var body = new Body();
            body.Append(Paragraph(document.Title ?? OutgoingText.In(culture, "Circular and fair ICT criteria"), "Title"));
            body.Append(Paragraph(Provenance(document, culture), null));
            foreach (var group in document.Items.GroupBy(i => i.Criterion.Type).OrderBy(g => g.Key))
            {
                body.Append(Paragraph(CriteriaLabels.Type(group.Key, culture), "Heading1"));
                foreach (var item in group)
                {
                    var criterion = item.Criterion;
                    body.Append(Paragraph($"{criterion.Code} {criterion.Content.Title}", "Heading2"));
                    AppendField(body, OutgoingText.In(culture, "Requirement"), criterion.Content.Requirement);
                    AppendField(body, OutgoingText.In(culture, "Verification"), criterion.Content.Verification);
                    AppendField(body, OutgoingText.In(culture, "Contract management"), criterion.Content.ContractManagement);
                    var source = criterion.IsFallback
                        ? new OutgoingText(
                            "Source: Circular & Fair ICT Pact, {0} {1}, {2} (English source text; no translation yet)",
                            item.ProductGroup,
                            item.Version,
                            criterion.Code)
                        : new OutgoingText(
                            "Source: Circular & Fair ICT Pact, {0} {1}, {2}",
                            item.ProductGroup,
                            item.Version,
                            criterion.Code);
                    body.Append(Paragraph(source.In(culture), "Source"));
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
    public static byte[] ToCsv(ShortlistDocument document)
    {
        var culture = CultureOf(document.Language);
        string[] header =
        [
            OutgoingText.In(culture, "Product group"),
            OutgoingText.In(culture, "Version"),
            OutgoingText.In(culture, "Code"),
            OutgoingText.In(culture, "Language"),
            OutgoingText.In(culture, "English source text"),
            OutgoingText.In(culture, "Theme"),
            OutgoingText.In(culture, "Ambition level"),
            OutgoingText.In(culture, "Type"),
            OutgoingText.In(culture, "Strategy"),
            OutgoingText.In(culture, "Title"),
            OutgoingText.In(culture, "Requirement"),
            OutgoingText.In(culture, "Verification"),
            OutgoingText.In(culture, "Contract management"),
            OutgoingText.In(culture, "Explanatory note"),
            OutgoingText.In(culture, "Market readiness"),
            OutgoingText.In(culture, "References"),
        ];
        return CsvFile.Write(header, document.Items.Select(item => (IReadOnlyList<string?>)
        [
            item.ProductGroup,
            item.Version,
            item.Criterion.Code,
            item.Criterion.Language.Code(),
            item.Criterion.IsFallback ? OutgoingText.In(culture, "Yes") : OutgoingText.In(culture, "No"),
            OutgoingText.In(culture, CriteriaLabels.Theme(item.Criterion.Theme)),
            OutgoingText.In(culture, CriteriaLabels.Level(item.Criterion.AmbitionLevel)),
            OutgoingText.In(culture, CriteriaLabels.Type(item.Criterion.Type)),
            OutgoingText.In(culture, CriteriaLabels.Strategy(item.Criterion.Strategy)),
            item.Criterion.Content.Title,
            RichText.ToPlainText(item.Criterion.Content.Requirement),
            RichText.ToPlainText(item.Criterion.Content.Verification),
            RichText.ToPlainText(item.Criterion.Content.ContractManagement),
            RichText.ToPlainText(item.Criterion.Content.ExplanatoryNote),
            RichText.ToPlainText(item.Criterion.Content.MarketReadiness),
            item.Criterion.References ?? string.Empty,
        ]));
    }

    public static byte[] ToJson(ShortlistDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                title = document.Title ?? OutgoingText.In(CultureOf(document.Language), "Circular and fair ICT criteria"),
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

    private static string Provenance(ShortlistDocument document, CultureInfo culture)
    {
        var sets = document.Items.Select(i => $"{i.ProductGroup} {i.Version}").Distinct(StringComparer.Ordinal);
        return new OutgoingText(
                "Criteria of the Circular & Fair ICT Pact ({0}), language: {1}.",
                string.Join(", ", sets),
                document.Language.DisplayName())
            .In(culture);
    }

    private static CultureInfo CultureOf(CriteriaLanguage language) => PortalCultures.TextCulture(language.Code());

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
