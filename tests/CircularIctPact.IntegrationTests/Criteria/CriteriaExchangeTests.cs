using System.IO.Compression;
using System.Net;
using System.Security.Claims;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Content;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.IntegrationTests.Documents;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using CircularIctPact.Web.Features.Documents;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CircularIctPact.IntegrationTests.Criteria;

/// <summary>
/// Export of criteria set versions as JSON and as a workbook, and their import as a draft through a preview. Each test
/// works on its own product group; the seeded laptops are only read.
/// </summary>
public sealed class CriteriaExchangeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly CriterionClassification Repair = new(
        CriterionTheme.RepairabilityAndSpareParts,
        AmbitionLevel.Core,
        CriterionType.TechnicalSpecification,
        PactStrategy.UseLonger,
        "EU GPP 2021");
    private static readonly CriterionClassification Battery =
        new(CriterionTheme.Battery, AmbitionLevel.Comprehensive, CriterionType.AwardCriterion, PactStrategy.UseLonger, null);

    [Fact]
    public async Task Json_export_holds_the_product_group_and_the_version_with_every_language()
    {
        var admin = await AdminAsync();
        var (slug, setId) = await PublishedGroupAsync("xch-json", admin);

        var export = await Exchange(x => x.ExportJsonAsync(setId, admin));
        var document = await CriteriaSetDocument.ReadAsync(new MemoryStream(export.Content), export.FileName);

        Assert.Equal($"{slug}-1.0-published.json", export.FileName);
        Assert.Equal("application/json", export.ContentType);
        Assert.Equal(slug, document.ProductGroup.Slug);
        Assert.Equal("Tablets xch-json", document.ProductGroup.Names["en"]);
        var version = Assert.Single(document.Versions);
        Assert.Equal(("1.0", "Published", "2026-01-15"), (version.Version, version.Status, version.PublishedOn));
        Assert.Equal("First version.", version.ReleaseNotes["en"]);
        Assert.Equal(["TAB-REP-01", "TAB-BAT-01"], version.Criteria.Select(c => c.Code));
        var repair = version.Criteria[0];
        Assert.Equal(
            ("RepairabilityAndSpareParts", "Core", "TechnicalSpecification", "UseLonger", "EU GPP 2021"),
            (repair.Theme, repair.AmbitionLevel, repair.Type, repair.Strategy, repair.References));
        Assert.Equal(["en", "nl"], repair.Texts.Keys);
        Assert.Equal("Reserveonderdelen", repair.Texts["nl"].Title);
        Assert.Equal("Declaration.", repair.Texts["en"].Verification);
    }

    [Fact]
    public async Task Workbook_export_has_a_row_per_criterion_the_translation_status_the_version_and_the_allowed_values()
    {
        var admin = await AdminAsync();
        var (slug, draftId) = await DraftGroupAsync("xch-book", admin);
        var draft = await Editor(e => e.GetAsync(draftId, admin));
        var repairId = draft.Criteria.Single(c => c.Code == "TAB-REP-01").Id;
        await Editor(e => e.WriteAsync(
            draftId,
            draft.RowVersion,
            repairId,
            CriteriaLanguage.En,
            new CriterionContent("Spare parts", "Spare parts for ten years.", "Declaration.", null, null, null),
            admin));
        draft = await Editor(e => e.GetAsync(draftId, admin));
        var batteryId = draft.Criteria.Single(c => c.Code == "TAB-BAT-01").Id;
        await Editor(e => e.WriteAsync(
            draftId,
            draft.RowVersion,
            batteryId,
            CriteriaLanguage.Fr,
            new CriterionContent("Batterie", "Batterie remplaçable.", null, null, null, null),
            admin));

        var export = await Exchange(x => x.ExportWorkbookAsync(draftId, admin));

        Assert.Equal($"{slug}-1.1-draft.xlsx", export.FileName);
        var rows = Sheet(export.Content, CriteriaWorkbook.CriteriaSheet);
        Assert.Equal(CriteriaColumns.All, rows[0].Keys);
        Assert.Contains("Title (nl)", CriteriaColumns.All);
        var repair = rows.Single(r => (string?)r["Code"] == "TAB-REP-01");
        Assert.Equal("Spare parts for ten years.", repair["Requirement (en)"]);
        Assert.Equal("Reserveonderdelen", repair["Title (nl)"]);
        Assert.Equal("RepairabilityAndSpareParts", repair["Theme"]);
        Assert.Equal("out of date", repair["Translation status (nl)"]);
        Assert.Equal("missing", repair["Translation status (fr)"]);
        var battery = rows.Single(r => (string?)r["Code"] == "TAB-BAT-01");
        Assert.Equal("complete", battery["Translation status (fr)"]);
        Assert.Null(battery["Title (de)"]);

        var about = Sheet(export.Content, CriteriaWorkbook.AboutSheet).ToDictionary(r => (string)r["Field"]!, r => r["Value"] as string);
        Assert.Equal(slug, about["Product group"]);
        Assert.Equal("1.1", about["Version"]);
        Assert.Equal("Draft", about["Status"]);
        var allowed = Sheet(export.Content, CriteriaWorkbook.AllowedValuesSheet);
        Assert.Equal(Enum.GetValues<CriterionTheme>().Length, allowed.Count(r => (string?)r["Column"] == "Theme"));
        Assert.Contains(
            allowed,
            r => (string?)r["Column"] == "Strategy" && (string?)r["Value"] == "UseLonger" && (string?)r["Meaning"] == "Use longer");
    }

    [Fact]
    public async Task Formula_like_text_stays_text_in_the_workbook_and_comes_back_unchanged()
    {
        var admin = await AdminAsync();
        var (slug, draftId) = await DraftGroupAsync("xch-formula", admin);
        var draft = await Editor(e => e.GetAsync(draftId, admin));
        var repairId = draft.Criteria.Single(c => c.Code == "TAB-REP-01").Id;
        const string Formula = "=HYPERLINK(\"https://evil.example\",\"Click\")";
        await Editor(e => e.WriteAsync(
            draftId,
            draft.RowVersion,
            repairId,
            CriteriaLanguage.Nl,
            new CriterionContent("+31 reserveonderdelen", Formula, "@SUM(A1)", "-1", null, null),
            admin));

        var export = await Exchange(x => x.ExportWorkbookAsync(draftId, admin));

        var sheetXml = SheetXml(export.Content);
        Assert.DoesNotContain("<x:f", sheetXml, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheetXml, StringComparison.Ordinal);
        Assert.DoesNotContain("<f ", sheetXml, StringComparison.Ordinal);
        var repair = Sheet(export.Content, CriteriaWorkbook.CriteriaSheet).Single(r => (string?)r["Code"] == "TAB-REP-01");
        Assert.Equal(Formula, repair["Requirement (nl)"]);
        Assert.Equal("-1", repair["Contract management (nl)"]);
        var preview = await Exchange(x => x.PreviewAsync(slug, export.FileName, export.Content, admin));
        Assert.Empty(preview.Problems);
        Assert.Empty(preview.Changes);
    }

    [Fact]
    public async Task Unchanged_json_export_of_the_seeded_laptops_previews_without_differences()
    {
        var admin = await AdminAsync();
        var laptops = await LatestSetIdAsync("laptops");

        var export = await Exchange(x => x.ExportJsonAsync(laptops, admin));
        var preview = await Exchange(x => x.PreviewAsync("laptops", export.FileName, export.Content, admin));

        Assert.Empty(preview.Problems);
        Assert.Empty(preview.Changes);
        Assert.False(preview.CanImport);
        Assert.NotNull(preview.BaseVersion);
    }

    [Fact]
    public async Task Unchanged_workbook_export_of_the_seeded_laptops_previews_without_differences()
    {
        var admin = await AdminAsync();
        var laptops = await LatestSetIdAsync("laptops");

        var export = await Exchange(x => x.ExportWorkbookAsync(laptops, admin));
        var preview = await Exchange(x => x.PreviewAsync("laptops", export.FileName, export.Content, admin));
        var resaved = Rewrite(export.Content, _ => { });
        var resavedPreview = await Exchange(x => x.PreviewAsync("laptops", "laptops.xlsx", resaved, admin));

        Assert.Empty(preview.Problems);
        Assert.Empty(preview.Changes);
        Assert.False(preview.CanImport);
        Assert.Empty(resavedPreview.Problems);
        Assert.Empty(resavedPreview.Changes);
    }

    [Fact]
    public async Task Preview_lists_added_changed_and_removed_criteria_and_stores_nothing()
    {
        var admin = await AdminAsync();
        var (slug, setId) = await PublishedGroupAsync("xch-diff", admin);
        var export = await Exchange(x => x.ExportJsonAsync(setId, admin));
        var changed = await ChangeJsonAsync(export.Content, version =>
        {
            var repair = version.Criteria.Single(c => c.Code == "TAB-REP-01");
            repair.Texts["nl"] = repair.Texts["nl"] with { Title = "Reserveonderdelen en reparatie" };
            repair.Texts["de"] = new CriterionTextDocument("Ersatzteile", "Ersatzteile für sieben Jahre.", null, null, null, null);
            version.Criteria.RemoveAll(c => c.Code == "TAB-BAT-01");
            version.Criteria.Add(
                new CriterionDocument("TAB-SOF-01", "SoftwareSupport", "Frontrunner", "TechnicalSpecification", "UseLonger", null,
                    new Dictionary<string, CriterionTextDocument>
                    {
                        ["en"] = new("Security updates", "Updates for eight years.", null, null, null, null),
                    }));
        });
        var auditBefore = await AuditCountAsync();

        var preview = await Exchange(x => x.PreviewAsync(slug, "back-from-translators.json", changed, admin));

        Assert.Empty(preview.Problems);
        Assert.Equal((1, 1, 1), (preview.Added, preview.Changed, preview.Removed));
        Assert.Equal(("1.0", "1.1", false), (preview.BaseVersion, preview.TargetVersion, preview.UpdatesOpenDraft));
        var repair = preview.Changes.Single(c => c.Code == "TAB-REP-01");
        Assert.Equal(ImportChangeKind.Changed, repair.Kind);
        Assert.Contains(
            new ImportedFieldChange("Title", CriteriaLanguage.Nl, "Reserveonderdelen", "Reserveonderdelen en reparatie"),
            repair.Fields);
        Assert.Contains(new ImportedFieldChange("Title", CriteriaLanguage.De, null, "Ersatzteile"), repair.Fields);
        Assert.Equal(3, repair.Fields.Count);
        var added = preview.Changes.Single(c => c.Code == "TAB-SOF-01");
        Assert.Equal(ImportChangeKind.Added, added.Kind);
        Assert.Contains(new ImportedFieldChange("Theme", null, null, "SoftwareSupport"), added.Fields);
        Assert.Contains(new ImportedFieldChange("Requirement", CriteriaLanguage.En, null, "Updates for eight years."), added.Fields);
        var removed = preview.Changes.Single(c => c.Code == "TAB-BAT-01");
        Assert.Equal(ImportChangeKind.Removed, removed.Kind);
        Assert.True(preview.CanImport);

        Assert.Equal(["1.0"], await VersionsAsync(slug));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Confirmed_import_creates_a_new_draft_and_leaves_the_published_version_untouched()
    {
        var admin = await AdminAsync();
        var (slug, setId) = await PublishedGroupAsync("xch-confirm", admin);
        var published = await Editor(e => e.GetAsync(setId, admin));
        var export = await Exchange(x => x.ExportWorkbookAsync(setId, admin));
        var changed = Rewrite(export.Content, rows =>
        {
            var repair = rows.Single(r => (string?)r["Code"] == "TAB-REP-01");
            repair["Requirement (en)"] = "Spare parts for ten years.";
            repair["Title (fr)"] = "Pièces détachées";
            repair["Requirement (fr)"] = "Pièces détachées pendant dix ans.";
            var battery = rows.Single(r => (string?)r["Code"] == "TAB-BAT-01");
            battery["Ambition level"] = "Frontrunner";
        });
        var preview = await Exchange(x => x.PreviewAsync(slug, "translated.xlsx", changed, admin));

        var result = await Exchange(x => x.ImportAsync(slug, "translated.xlsx", changed, preview.BaseRowVersion, admin));

        Assert.NotNull(result.DraftId);
        Assert.Equal(["1.1", "1.0"], await VersionsAsync(slug));
        var draft = await Editor(e => e.GetAsync(result.DraftId!.Value, admin));
        Assert.Equal(("1.1", CriteriaSetStatus.Draft), (draft.Version, draft.Status));
        var repair = draft.Criteria.Single(c => c.Code == "TAB-REP-01");
        Assert.Equal("Spare parts for ten years.", repair.Texts[CriteriaLanguage.En]!.Requirement);
        Assert.Equal("Pièces détachées", repair.Texts[CriteriaLanguage.Fr]!.Title);
        Assert.Equal(TranslationStatus.UpToDate, repair.Status[CriteriaLanguage.Fr]);
        Assert.Equal(TranslationStatus.Outdated, repair.Status[CriteriaLanguage.Nl]);
        Assert.Equal(AmbitionLevel.Frontrunner, draft.Criteria.Single(c => c.Code == "TAB-BAT-01").Classification.AmbitionLevel);

        var after = await Editor(e => e.GetAsync(setId, admin));
        Assert.Equal(CriteriaSetStatus.Published, after.Status);
        Assert.Equal(published.RowVersion, after.RowVersion);
        Assert.Equal(
            "Spare parts for seven years.",
            after.Criteria.Single(c => c.Code == "TAB-REP-01").Texts[CriteriaLanguage.En]!.Requirement);
        Assert.Null(after.Criteria.Single(c => c.Code == "TAB-REP-01").Texts[CriteriaLanguage.Fr]);

        await using var db = portal.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityId == result.DraftId && a.Action == "Imported");
        Assert.Contains("translated.xlsx", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_from_the_open_draft_updates_that_draft()
    {
        var admin = await AdminAsync();
        var (slug, draftId) = await DraftGroupAsync("xch-update", admin);
        var export = await Exchange(x => x.ExportJsonAsync(draftId, admin));
        var changed = await ChangeJsonAsync(export.Content, version =>
            version.Criteria.Single(c => c.Code == "TAB-BAT-01").Texts["nl"] = new CriterionTextDocument(
                "Batterij",
                "Vervangbare batterij.",
                null,
                null,
                null,
                null));
        var preview = await Exchange(x => x.PreviewAsync(slug, "draft.json", changed, admin));

        var result = await Exchange(x => x.ImportAsync(slug, "draft.json", changed, preview.BaseRowVersion, admin));

        Assert.True(preview.UpdatesOpenDraft);
        Assert.Equal(draftId, result.DraftId);
        Assert.Equal(["1.1", "1.0"], await VersionsAsync(slug));
        var draft = await Editor(e => e.GetAsync(draftId, admin));
        Assert.Equal("Batterij", draft.Criteria.Single(c => c.Code == "TAB-BAT-01").Texts[CriteriaLanguage.Nl]!.Title);
    }

    [Fact]
    public async Task Import_is_refused_when_the_draft_changed_after_the_preview()
    {
        var admin = await AdminAsync();
        var (slug, draftId) = await DraftGroupAsync("xch-conflict", admin);
        var export = await Exchange(x => x.ExportJsonAsync(draftId, admin));
        var changed = await ChangeJsonAsync(export.Content, version =>
            version.Criteria.Single(c => c.Code == "TAB-BAT-01").Texts["nl"] = new CriterionTextDocument(
                "Batterij",
                "Vervangbare batterij.",
                null,
                null,
                null,
                null));
        var preview = await Exchange(x => x.PreviewAsync(slug, "draft.json", changed, admin));
        var draft = await Editor(e => e.GetAsync(draftId, admin));
        var repairId = draft.Criteria.Single(c => c.Code == "TAB-REP-01").Id;
        await Editor(e => e.WriteAsync(
            draftId,
            draft.RowVersion,
            repairId,
            CriteriaLanguage.De,
            new CriterionContent("Ersatzteile", "Sieben Jahre.", null, null, null, null),
            admin));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Exchange(x => x.ImportAsync(slug, "draft.json", changed, preview.BaseRowVersion, admin)));

        var after = await Editor(e => e.GetAsync(draftId, admin));
        Assert.Null(after.Criteria.Single(c => c.Code == "TAB-BAT-01").Texts[CriteriaLanguage.Nl]);
        Assert.Equal("Ersatzteile", after.Criteria.Single(c => c.Code == "TAB-REP-01").Texts[CriteriaLanguage.De]!.Title);
    }

    [Fact]
    public async Task Workbook_problems_name_their_sheet_row_column_and_cell()
    {
        var admin = await AdminAsync();
        var (slug, setId) = await PublishedGroupAsync("xch-cells", admin);
        var export = await Exchange(x => x.ExportWorkbookAsync(setId, admin));
        var broken = Rewrite(export.Content, rows =>
        {
            rows[0]["Theme"] = "Durability";
            rows[0]["Title (en)"] = null;
            rows[1]["Code"] = "TAB-REP-01";
            rows[1]["Requirement (nl)"] = new string('x', CriterionContent.TextMaxLength + 1);
        });

        var preview = await Exchange(x => x.PreviewAsync(slug, "broken.xlsx", broken, admin));

        Assert.False(preview.CanImport);
        Assert.Contains(preview.Problems, p => p.Location == new CellLocation("Criteria", 2, "Theme", "B2")
            && p.Message.StartsWith("'Durability' is not a known theme", StringComparison.Ordinal));
        Assert.Contains(preview.Problems, p => p.Location == new CellLocation("Criteria", 2, "Title (en)", "G2")
            && p.Message == "The title in English is empty; every criterion needs one.");
        Assert.Contains(preview.Problems, p => p.Location == new CellLocation("Criteria", 3, "Code", "A3")
            && p.Message == "The code TAB-REP-01 appears twice; it is also on row 2.");
        Assert.Contains(preview.Problems, p => p.Location.Reference == "N3"
            && p.Message == $"The text is {CriterionContent.TextMaxLength + 1} characters long; "
                + $"at most {CriterionContent.TextMaxLength} are allowed.");
        Assert.Empty(preview.Changes);
    }

    [Fact]
    public async Task Workbook_with_a_column_in_an_unknown_language_is_refused()
    {
        var admin = await AdminAsync();
        var (slug, setId) = await PublishedGroupAsync("xch-lang", admin);
        var export = await Exchange(x => x.ExportWorkbookAsync(setId, admin));
        var spanish = Rewrite(export.Content, rows =>
        {
            foreach (var row in rows)
            {
                row["Title (es)"] = "Piezas de repuesto";
            }
        });

        var preview = await Exchange(x => x.PreviewAsync(slug, "spanish.xlsx", spanish, admin));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal(new CellLocation("Criteria", 1, "Title (es)", $"{ColumnLetter(CriteriaColumns.All.Count)}1"), problem.Location);
        Assert.Equal(
            "The column 'Title (es)' is in a language the portal does not hold; the languages are en, nl, fr and de.",
            problem.Message);
    }

    [Fact]
    public async Task Workbook_without_its_about_sheet_or_with_a_column_removed_is_refused()
    {
        var admin = await AdminAsync();
        var (slug, setId) = await PublishedGroupAsync("xch-shape", admin);
        var export = await Exchange(x => x.ExportWorkbookAsync(setId, admin));
        var withoutColumn = Rewrite(export.Content, rows => rows.ForEach(r => r.Remove("Verification (fr)")));
        using var stream = new MemoryStream();
        stream.SaveAs(
            Sheet(export.Content, CriteriaWorkbook.CriteriaSheet).Select(r => new Dictionary<string, object?>(r)).ToList(),
            sheetName: CriteriaWorkbook.CriteriaSheet,
            excelType: ExcelType.XLSX);

        var column = await Exchange(x => x.PreviewAsync(slug, "columns.xlsx", withoutColumn, admin));
        var about = await Exchange(x => x.PreviewAsync(slug, "about.xlsx", stream.ToArray(), admin));

        var missing = Assert.Single(column.Problems);
        Assert.Equal(new CellLocation("Criteria", 1, "Verification (fr)"), missing.Location);
        Assert.Equal(
            "The column 'Verification (fr)' is missing. Keep every column of the exported workbook; leave a cell empty for no text.",
            missing.Message);
        var sheet = Assert.Single(about.Problems);
        Assert.Equal(new CellLocation("About", null, null), sheet.Location);
        Assert.Equal(
            "The workbook has no sheet called 'About'. Start from a workbook exported from the portal and keep its sheets.",
            sheet.Message);
    }

    [Fact]
    public async Task File_of_another_product_group_is_refused()
    {
        var admin = await AdminAsync();
        var (slug, _) = await PublishedGroupAsync("xch-other", admin);
        var laptops = await PublishedSetIdAsync("laptops");
        var export = await Exchange(x => x.ExportWorkbookAsync(laptops, admin));

        var preview = await Exchange(x => x.PreviewAsync(slug, export.FileName, export.Content, admin));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal(new CellLocation("About", 1 + 1, "Value", "B2"), problem.Location);
        Assert.Equal(
            $"The file holds criteria for 'laptops', not for '{slug}'. Import it on the page of that product group.",
            problem.Message);
        Assert.False(preview.CanImport);
    }

    [Fact]
    public async Task File_from_another_version_is_refused_while_a_draft_is_open()
    {
        var admin = await AdminAsync();
        var (slug, setId) = await PublishedGroupAsync("xch-open", admin);
        var export = await Exchange(x => x.ExportJsonAsync(setId, admin));
        var changed = await ChangeJsonAsync(export.Content, version => version.Criteria.RemoveAt(1));
        await Editor(e => e.CreateDraftAsync(slug, null, admin));

        var preview = await Exchange(x => x.PreviewAsync(slug, "old.json", changed, admin));
        var result = await Exchange(x => x.ImportAsync(slug, "old.json", changed, preview.BaseRowVersion, admin));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal(
            $"Version 1.1 of {slug} is still open; a file exported from 1.0 cannot become another draft. Import a file exported from 1.1, "
                + "or publish 1.1 first.",
            problem.Message);
        Assert.Null(result.DraftId);
        Assert.Equal(["1.1", "1.0"], await VersionsAsync(slug));
    }

    [Fact]
    public async Task File_from_a_version_in_review_is_refused()
    {
        var admin = await AdminAsync();
        var (slug, draftId) = await DraftGroupAsync("xch-review", admin);
        var export = await Exchange(x => x.ExportJsonAsync(draftId, admin));
        var changed = await ChangeJsonAsync(export.Content, version => version.Criteria.RemoveAt(1));
        var draft = await Editor(e => e.GetAsync(draftId, admin));
        await Editor(e => e.SubmitForReviewAsync(draftId, draft.RowVersion, admin));

        var preview = await Exchange(x => x.PreviewAsync(slug, "review.json", changed, admin));

        Assert.Equal(
            "Version 1.1 is in review; return it to draft before importing changes into it.",
            Assert.Single(preview.Problems).Message);
    }

    [Fact]
    public async Task Json_problems_name_the_criterion_and_field()
    {
        var admin = await AdminAsync();
        var (slug, setId) = await PublishedGroupAsync("xch-jsonbad", admin);
        var export = await Exchange(x => x.ExportJsonAsync(setId, admin));
        var unknownVersion = await ChangeJsonAsync(export.Content, version => version.Criteria.Clear(), "9.0");
        var badLanguage = await ChangeJsonAsync(export.Content, version =>
            version.Criteria[1].Texts["es"] = new CriterionTextDocument("Batería", "Batería reemplazable.", null, null, null, null));
        var twoVersions = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(export.Content).Replace(
            "\"versions\": [",
            "\"versions\": [{\"version\":\"0.9\",\"status\":\"Draft\",\"releaseNotes\":{},\"criteria\":[]},",
            StringComparison.Ordinal));

        var version = await Exchange(x => x.PreviewAsync(slug, "a.json", unknownVersion, admin));
        var language = await Exchange(x => x.PreviewAsync(slug, "b.json", badLanguage, admin));
        var two = await Exchange(x => x.PreviewAsync(slug, "c.json", twoVersions, admin));
        var notJson = await Exchange(x => x.PreviewAsync(slug, "d.json", "criteria: yes"u8.ToArray(), admin));

        Assert.Equal("The file holds no criteria.", Assert.Single(version.Problems).Message);
        var languageProblem = Assert.Single(language.Problems);
        Assert.Equal(new CellLocation("JSON", 2, "texts.es"), languageProblem.Location);
        Assert.Equal("'es' is not a language the portal holds; the languages are en, nl, fr and de.", languageProblem.Message);
        Assert.Equal(
            "The file holds 2 versions; an import takes a file with exactly one version, as the portal exports it.",
            Assert.Single(two.Problems).Message);
        Assert.Equal("The JSON is not valid at line 1, position 1.", Assert.Single(notJson.Problems).Message);
    }

    [Fact]
    public async Task Invalid_json_is_refused_with_its_line_and_position_as_a_translatable_template()
    {
        var admin = await AdminAsync();
        var (slug, _) = await PublishedGroupAsync("xch-jsonsyntax", admin);

        var preview = await Exchange(x => x.PreviewAsync(slug, "d.json", "{\n  \"productGroup\": ,\n}"u8.ToArray(), admin));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal("The JSON is not valid at line {0}, position {1}.", problem.Template);
        Assert.Equal(2L, Convert.ToInt64(problem.Arguments[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("System.", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Path:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_of_a_version_the_product_group_does_not_have_is_refused()
    {
        var admin = await AdminAsync();
        var (slug, setId) = await PublishedGroupAsync("xch-noversion", admin);
        var export = await Exchange(x => x.ExportJsonAsync(setId, admin));
        var renumbered = await ChangeJsonAsync(export.Content, _ => { }, "3.0");

        var preview = await Exchange(x => x.PreviewAsync(slug, "future.json", renumbered, admin));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal(new CellLocation("JSON", null, "versions[0].version"), problem.Location);
        Assert.Equal($"{slug} has no version 3.0; import a file exported from one of its versions (1.0).", problem.Message);
    }

    [Fact]
    public async Task Files_that_are_not_a_workbook_or_json_or_too_large_are_refused()
    {
        var admin = await AdminAsync();
        var (slug, _) = await PublishedGroupAsync("xch-files", admin);

        var text = await Exchange(x => x.PreviewAsync(slug, "criteria.xlsx", "Code;Theme"u8.ToArray(), admin));
        var csv = await Exchange(x => x.PreviewAsync(slug, "criteria.csv", "Code,Theme"u8.ToArray(), admin));
        var empty = await Exchange(x => x.PreviewAsync(slug, "criteria.json", [], admin));
        var large = await Exchange(x => x.PreviewAsync(slug, "criteria.json", new byte[(10 * 1024 * 1024) + 1], admin));

        Assert.Equal(
            "'criteria.xlsx' is not an Excel workbook (.xlsx). Start from a workbook exported from the portal and save it from Excel as an "
                + ".xlsx workbook.",
            Assert.Single(text.Problems).Message);
        Assert.Equal(
            "'criteria.csv' is neither an Excel workbook (.xlsx) nor a JSON file (.json) exported from the portal.",
            Assert.Single(csv.Problems).Message);
        Assert.Equal("The file is empty.", Assert.Single(empty.Problems).Message);
        Assert.Equal("The file is larger than 10 MB. Upload a smaller file.", Assert.Single(large.Problems).Message);
        Assert.All([text, csv, empty, large], p => Assert.Equal(CellLocation.File, p.Problems[0].Location));
    }

    [Fact]
    public async Task Workbook_that_unpacks_to_far_more_than_its_upload_is_refused_before_it_is_read()
    {
        var admin = await AdminAsync();
        var (slug, _) = await PublishedGroupAsync("xch-bomb", admin);

        var preview = await Exchange(x => x.PreviewAsync(slug, "criteria.xlsx", CraftedWorkbooks.ZipBomb(), admin));

        var problem = Assert.Single(preview.Problems);
        Assert.Equal(CellLocation.File, problem.Location);
        Assert.Equal(XlsxPackage.TooLargeTemplate, problem.Template);
        Assert.Equal(
            "The workbook unpacks to more than 50 MB or has more than 1000 parts, far more than such a file needs, so it is not read. "
                + "Remove what is not needed or split it into several files.",
            problem.Message);
        Assert.False(preview.CanImport);
    }

    [Fact]
    public async Task Only_the_secretariat_exports_and_imports()
    {
        var admin = await AdminAsync();
        var (slug, setId) = await PublishedGroupAsync("xch-roles", admin);
        var export = await Exchange(x => x.ExportJsonAsync(setId, admin));
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);

        foreach (var user in new[] { procurer, coordinator, PortalFactoryExtensions.Anonymous })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => Exchange(x => x.ExportJsonAsync(setId, user)));
            await Assert.ThrowsAsync<ForbiddenException>(() => Exchange(x => x.ExportWorkbookAsync(setId, user)));
            await Assert.ThrowsAsync<ForbiddenException>(() => Exchange(x => x.PreviewAsync(slug, export.FileName, export.Content, user)));
            await Assert.ThrowsAsync<ForbiddenException>(
                () => Exchange(x => x.ImportAsync(slug, export.FileName, export.Content, 0, user)));
        }
    }

    [Fact]
    public async Task Export_downloads_answer_the_secretariat_and_refuse_everyone_else()
    {
        var admin = await AdminAsync();
        var (slug, setId) = await PublishedGroupAsync("xch-http", admin);
        using var secretariat = NewClient();
        await FormSignIn.SignInAsync(secretariat, DemoAccounts.Admin, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
        using var procurer = NewClient();
        await FormSignIn.SignInAsync(procurer, DemoAccounts.Procurer);
        using var anonymous = NewClient();

        using var workbook = await secretariat.GetAsync($"/admin/criteria/sets/{setId}/export.xlsx");
        using var json = await secretariat.GetAsync($"/admin/criteria/sets/{setId}/export.json");
        using var missing = await secretariat.GetAsync($"/admin/criteria/sets/{Guid.NewGuid()}/export.json");
        using var refused = await procurer.GetAsync($"/admin/criteria/sets/{setId}/export.xlsx");
        using var signIn = await anonymous.GetAsync($"/admin/criteria/sets/{setId}/export.json");

        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal(WorkbookFile.ContentType, workbook.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            $"{slug}-1.0-published.xlsx",
            workbook.Content.Headers.ContentDisposition?.FileNameStar ?? workbook.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains($"\"slug\": \"{slug}\"", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/Account/Login", signIn.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private HttpClient NewClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private Task<ClaimsPrincipal> AdminAsync() => portal.PrincipalForAsync(DemoAccounts.Admin);

    private Task<T> Editor<T>(Func<CriteriaEditor, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Editor(Func<CriteriaEditor, Task> action) => portal.WithServiceAsync(action);

    private Task<T> Exchange<T>(Func<CriteriaExchange, Task<T>> action) => portal.WithServiceAsync(action);

    private async Task<Guid> PublishedSetIdAsync(string slug)
    {
        await using var db = portal.CreateDbContext();
        return await db.CriteriaSets.Where(
            s => s.Status == CriteriaSetStatus.Published && db.ProductGroups.Any(g => g.Id == s.ProductGroupId && g.Slug == slug))
            .Select(s => s.Id).SingleAsync();
    }

    /// <summary>
    /// The version an import of the product group compares with: its open draft when the seed has one, else its published version.
    /// </summary>
    private async Task<Guid> LatestSetIdAsync(string slug)
    {
        await using var db = portal.CreateDbContext();
        return await db.CriteriaSets
            .Where(s => (s.Status == CriteriaSetStatus.Draft || s.Status == CriteriaSetStatus.Published)
                && db.ProductGroups.Any(g => g.Id == s.ProductGroupId && g.Slug == slug))
            .OrderBy(s => s.Status)
            .Select(s => s.Id)
            .FirstAsync();
    }

    private async Task<List<string>> VersionsAsync(string slug)
    {
        var admin = await AdminAsync();
        var overview = await Editor(e => e.OverviewAsync(admin));
        return [.. overview.Single(g => g.Slug == slug).Versions.Select(v => v.Version)];
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = portal.CreateDbContext();
        return await db.AuditEntries.CountAsync();
    }

    /// <summary>A new product group with a published 1.0: TAB-REP-01 in English and Dutch, TAB-BAT-01 in English only.</summary>
    private async Task<(string Slug, Guid SetId)> PublishedGroupAsync(string slug, ClaimsPrincipal admin)
    {
        await Editor(e => e.AddProductGroupAsync(
            slug,
            new Dictionary<CriteriaLanguage, string?> { [CriteriaLanguage.En] = "Tablets " + slug },
            admin));
        var setId = await Editor(e => e.CreateDraftAsync(slug, null, admin));
        var set = await Editor(e => e.GetAsync(setId, admin));
        var repair = await Editor(e => e.AddCriterionAsync(
            setId,
            set.RowVersion,
            "TAB-REP-01",
            Repair,
            new CriterionContent("Spare parts", "Spare parts for seven years.", "Declaration.", null, null, null),
            admin));
        set = await Editor(e => e.GetAsync(setId, admin));
        await Editor(e => e.WriteAsync(
            setId,
            set.RowVersion,
            repair,
            CriteriaLanguage.Nl,
            new CriterionContent("Reserveonderdelen", "Reserveonderdelen gedurende zeven jaar.", null, null, null, null),
            admin));
        set = await Editor(e => e.GetAsync(setId, admin));
        await Editor(e => e.AddCriterionAsync(
            setId,
            set.RowVersion,
            "TAB-BAT-01",
            Battery,
            new CriterionContent("Replaceable battery", "The user can replace the battery.", null, null, null, null),
            admin));
        set = await Editor(e => e.GetAsync(setId, admin));
        await Editor(e => e.SubmitForReviewAsync(setId, set.RowVersion, admin));
        set = await Editor(e => e.GetAsync(setId, admin));
        await Editor(e => e.PublishAsync(
            setId,
            set.RowVersion,
            new DateOnly(2026, 1, 15),
            new Dictionary<CriteriaLanguage, string> { [CriteriaLanguage.En] = "First version." },
            admin));
        return (slug, setId);
    }

    /// <summary>A product group with a published 1.0 and an open draft 1.1 copied from it.</summary>
    private async Task<(string Slug, Guid DraftId)> DraftGroupAsync(string slug, ClaimsPrincipal admin)
    {
        await PublishedGroupAsync(slug, admin);
        return (slug, await Editor(e => e.CreateDraftAsync(slug, null, admin)));
    }

    private static async Task<byte[]> ChangeJsonAsync(byte[] json, Action<CriteriaVersionDocument> change, string? version = null)
    {
        var document = await CriteriaSetDocument.ReadAsync(new MemoryStream(json), "export");
        change(document.Versions[0]);
        return (version is null ? document : document with { Versions = [document.Versions[0] with { Version = version }] }).ToUtf8Json();
    }

    private static List<IDictionary<string, object?>> Sheet(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return [.. MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()];
    }

    /// <summary>
    /// The workbook as a translator's spreadsheet program would save it after <paramref name="edit"/> changed the criteria rows.
    /// </summary>
    private static byte[] Rewrite(byte[] workbook, Action<List<Dictionary<string, object?>>> edit)
    {
        List<Dictionary<string, object?>> Rows(string sheet) => [.. Sheet(workbook, sheet).Select(r => new Dictionary<string, object?>(r))];
        var criteria = Rows(CriteriaWorkbook.CriteriaSheet);
        edit(criteria);
        using var stream = new MemoryStream();
        stream.SaveAs(
            new Dictionary<string, object>
            {
                [CriteriaWorkbook.CriteriaSheet] = criteria,
                [CriteriaWorkbook.AboutSheet] = Rows(CriteriaWorkbook.AboutSheet),
                [CriteriaWorkbook.AllowedValuesSheet] = Rows(CriteriaWorkbook.AllowedValuesSheet),
            },
            excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static string SheetXml(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }));
    }

    private static string ColumnLetter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
