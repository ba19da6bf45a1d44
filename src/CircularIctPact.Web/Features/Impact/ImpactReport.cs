using System.Globalization;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Web.Features.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Features.Impact;

/// <summary>The yearly impact report of a buyer group or the pact as a Word document; the trend chart appears as a table.</summary>
internal static class ImpactReport
{
    public static byte[] ToDocx(ImpactView view, IStringLocalizer<ImpactText> text, DateTimeOffset generatedAt)
    {
        string N(double value, string format = "N0") => value.ToString(format, CultureInfo.CurrentCulture);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            var scope = ImpactLabels.Scope(text, view);
            body.Append(Paragraph(text["Yearly impact report {0}: {1}", view.Year, scope], bold: true, size: 36));
            body.Append(Paragraph(text["Circular & Fair ICT Pact. Made on {0}.", generatedAt.ToString("d", CultureInfo.CurrentCulture)]));

            body.Append(Heading(text["Key figures"]));
            body.Append(Table(
                [text["Figure"], text["Value"]],
                [
                    [text["member organisations today"], N(view.MemberCounts.LastOrDefault()?.Count ?? 0)],
                    [text["tenders reported"], N(view.Tenders.Tenders)],
                    [text["% of tenders apply the shared criteria"], N(view.Tenders.SharePercent)],
                    [text["devices bought under the criteria"], N(view.Tenders.DevicesUnderCriteria)],
                    [text["kg CO2e avoided (estimate)"], N(view.Tenders.AvoidedKgCo2e)],
                ]));
            if (view.TendersReadAt is { } readAt)
            {
                body.Append(Paragraph(text["Pact-wide tender figures as read at {0} UTC; the tenders are read again after a minute, or at "
                    + "once when a tender is saved on this server.", readAt.ToString("g", CultureInfo.CurrentCulture)]));
            }

            body.Append(Heading(text["Progress towards the 2030 ambition"]));
            body.Append(Paragraph(text["The portal shows this as a trend chart; in this document it is the table below."]));
            body.Append(Table(
                [
                    text["Year"],
                    text["Member organisations"],
                    text["Tenders"],
                    text["% applying the shared criteria"],
                    text["Path to 2030 (%)"],
                    text["Average self-assessment score (0–4)"],
                ],
                ImpactLabels.Trend(view).Select(row => (IReadOnlyList<string>)
                [
                    row.Year.ToString(CultureInfo.InvariantCulture), N(row.Members), N(row.Tenders), row.Tenders == 0
                        ? "–"
                        : N(row.SharePercent),
                    N(row.PathPercent), row.AssessmentAverage is { } average ? N(average, "N1") : "–",
                ]).ToList()));

            body.Append(Heading(text["Devices bought and emissions avoided"]));
            body.Append(Table(
                [
                    text["Device type"],
                    text["Awarded tenders"],
                    text["Devices"],
                    text["Under the shared criteria"],
                    text["Average expected years of use"],
                    text["kg CO2e avoided (estimate)"],
                ],
                view.Tenders.Devices.Select(d => (IReadOnlyList<string>)
                [
                    ImpactLabels.Device(text, d.Type), N(d.AwardedTenders), N(d.Devices), N(d.DevicesUnderCriteria), N(
                        d.AverageExpectedYears,
                        "N1"), N(d.AvoidedKgCo2e),
                ]).ToList()));

            body.Append(Heading(text["Self-assessment {0}", view.Year]));
            body.Append(Paragraph(text[
                "{0} of {1} active member organisations submitted ({2} %).",
                view.Assessment.Submitted,
                view.Assessment.ActiveMembers,
                N(view.Assessment.ResponseRate * 100)]));
            body.Append(Table(
                [text["Theme"], text["Average score (0–4)"]],
                Enum.GetValues<AssessmentTheme>().Select(theme => (IReadOnlyList<string>)
                [
                    ImpactLabels.Theme(text, theme), view.Assessment.Themes.FirstOrDefault(t => t.Theme == theme) is { } average
                        ? N(average.Average, "N1")
                        : "–",
                ]).ToList()));
            if (view.Assessment.Groups.Count > 1)
            {
                body.Append(Table(
                    [text["Buyer group"], text["Active members"], text["Submitted"], text["Average score (0–4)"]],
                    view.Assessment.Groups.Select(g => (IReadOnlyList<string>)
                    [
                        g.BuyerGroup, N(g.ActiveMembers), N(g.Submitted), g.AverageScore is { } average ? N(average, "N1") : "–",
                    ]).ToList()));
            }

            body.Append(Heading(text["Assumptions"]));
            foreach (var line in ImpactLabels.Assumptions(text))
            {
                body.Append(Paragraph(line));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>GET /impact/report.docx?group=&amp;year=: the report for the caller's scope (403 for another group).</summary>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(
            "/impact/report.docx",
            (Guid? group, int? year, HttpContext context, ImpactFigures figures, IStringLocalizer<ImpactText> text, TimeProvider clock) =>
            Downloads.RunAsync(context, async user =>
            {
                var view = await figures.GetAsync(user, group, year, context.RequestAborted);
                var name = $"impact-report-{view.Year}-{(view.BuyerGroupId is null ? "pact" : "group")}.docx";
                return Results.File(
                    ToDocx(view, text, clock.GetUtcNow()),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    name);
            })).RequireAuthorization(PortalPolicies.CoordinatorOrSecretariat).ExcludeFromDescription();

    private static Paragraph Heading(string value) => Paragraph(value, bold: true, size: 28);

    private static Paragraph Paragraph(string value, bool bold = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (size is { } halfPoints)
        {
            properties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        }

        return new Paragraph(new Run(properties, new Text(value) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(header, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold)
    {
        var row = new TableRow();
        if (bold)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            row.Append(new TableCell(Paragraph(cell, bold)));
        }

        return row;
    }
}
