using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Content;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Hosting;

/// <summary>As in production: the reference content loaded on the first start, no demo data.</summary>
public sealed class ContentImportPortal : PortalFactory
{
    protected override bool StartsFromSeededCopy => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class ContentImportTests(ContentImportPortal portal) : IClassFixture<ContentImportPortal>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cfit-content-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_shipped_content_imported_again_adds_nothing_because_the_first_start_loaded_it()
    {
        var folder = await portal.WithServiceAsync<ReferenceContentImport, string>(i => Task.FromResult(i.ConfiguredFolder));

        var report = await ImportAsync(folder);

        Assert.True(report.Succeeded);
        Assert.Empty(report.Added);
        Assert.Contains("criteria laptops 2.0", report.Kept);
        Assert.Contains("signatory Netherlands", report.Kept);
        Assert.Contains($"buyer group {DemoDataSeeder.DutchBuyerGroup}", report.Kept);
        Assert.Contains($"working group {DemoDataSeeder.ChairedWorkingGroup}", report.Kept);
    }

    [Fact]
    public async Task Importing_the_same_folder_twice_adds_nothing_the_second_time()
    {
        var slug = UniqueSlug();
        var signatory = $"Region {Guid.NewGuid():N}";
        await WriteCriteriaAsync("criteria/tablets.json", Criteria(slug, ("1.0", "Battery endurance", "2026-01-15")));
        await WriteAsync("signatories.json", $$"""
            { "signatories": [ { "name": "{{signatory}}", "kind": "RegionalGovernment", "role": "Participant", "countryCode": "FR",
                "statusHistory": [ { "status": "InTalks", "on": "2026-02-01" },
                                   { "status": "Signed", "on": "2026-03-01", "note": "Signed at the annual meeting." } ] } ] }
            """);
        var auditBefore = await CountAuditEntriesAsync();

        var first = await ImportAsync(_folder);
        var rowsAfterFirst = await CountRowsAsync();
        var second = await ImportAsync(_folder);

        Assert.True(first.Succeeded);
        Assert.Equal([$"signatory {signatory}", $"product group {slug}", $"criteria {slug} 1.0"], first.Added);
        Assert.True(second.Succeeded);
        Assert.Empty(second.Added);
        Assert.Equal([$"signatory {signatory}", $"product group {slug}", $"criteria {slug} 1.0"], second.Kept);
        Assert.Equal(rowsAfterFirst, await CountRowsAsync());
        Assert.Equal(auditBefore + 1, await CountAuditEntriesAsync());

        await using var db = portal.CreateDbContext();
        var added = await db.Signatories.AsNoTracking().SingleAsync(s => s.Name == signatory);
        Assert.Equal(new DateOnly(2026, 3, 1), added.SignedOn);
        Assert.Equal(2, added.StatusHistory.Count);
    }

    [Fact]
    public async Task A_file_with_a_new_version_adds_it_and_supersedes_the_published_one()
    {
        var slug = UniqueSlug();
        await ImportCriteriaAsync(Criteria(slug, ("1.0", "Battery endurance", "2026-01-15")));

        var report = await ImportCriteriaAsync(
            Criteria(slug, ("1.0", "Battery endurance", "2026-01-15"), ("1.1", "Battery endurance and replacement", "2026-06-01")));

        Assert.Equal([$"criteria {slug} 1.1"], report.Added);
        Assert.Contains($"criteria {slug} 1.0", report.Kept);
        var versions = await VersionsAsync(slug);
        Assert.Equal(CriteriaSetStatus.Superseded, versions["1.0"].Status);
        Assert.Equal(CriteriaSetStatus.Published, versions["1.1"].Status);
        Assert.Equal(new DateOnly(2026, 6, 1), versions["1.1"].PublishedOn);
    }

    [Fact]
    public async Task Different_texts_for_a_published_version_number_are_kept_out()
    {
        var slug = UniqueSlug();
        await ImportCriteriaAsync(Criteria(slug, ("1.0", "Battery endurance", "2026-01-15")));

        var report = await ImportCriteriaAsync(Criteria(slug, ("1.0", "A rewritten title", "2026-01-15")));

        Assert.True(report.Succeeded);
        Assert.Empty(report.Added);
        Assert.Contains($"criteria {slug} 1.0", report.Kept);
        await using var db = portal.CreateDbContext();
        var titles = await db.CriterionTexts.AsNoTracking()
            .Where(t => t.Language == CriteriaLanguage.En && db.Criteria.Any(c => c.Id == t.CriterionId && db.CriteriaSets.Any(
                s => s.Id == c.CriteriaSetId && db.ProductGroups.Any(g => g.Id == s.ProductGroupId && g.Slug == slug))))
            .Select(t => t.Title).ToListAsync();
        Assert.Equal(["Battery endurance"], titles);
    }

    [Fact]
    public async Task A_buyer_group_description_edited_in_the_portal_is_kept()
    {
        const string Edited = "Edited by the secretariat: more than 100 organisations buy ICT together.";
        await using (var db = portal.CreateDbContext())
        {
            var group = await db.BuyerGroups.SingleAsync(g => g.Name == DemoDataSeeder.DutchBuyerGroup);
            group.Describe(group.Name, group.CoordinatingOrganisation, group.SupportingOrganisations, Edited);
            await db.SaveChangesAsync();
        }

        var folder = await portal.WithServiceAsync<ReferenceContentImport, string>(i => Task.FromResult(i.ConfiguredFolder));
        var report = await ImportAsync(Path.Combine(folder, "buyer-groups.json"));

        Assert.True(report.Succeeded);
        Assert.Contains($"buyer group {DemoDataSeeder.DutchBuyerGroup}", report.Kept);
        await using var check = portal.CreateDbContext();
        Assert.Equal(
            Edited,
            await check.BuyerGroups.Where(g => g.Name == DemoDataSeeder.DutchBuyerGroup).Select(g => g.Description).SingleAsync());
    }

    [Fact]
    public async Task A_new_buyer_group_gets_its_signatory_and_tiers_from_the_files()
    {
        var name = $"Buyer group {Guid.NewGuid():N}";
        await WriteAsync("buyer-groups.json", $$"""
            { "buyerGroups": [ { "name": "{{name}}", "signatory": "Austria", "coordinatingOrganisation": "Federal Procurement Agency",
                "supportingOrganisations": [ "A knowledge centre" ], "description": "Austrian buyers.",
                "tiers": [ "Pioneers", "Peloton", "Observers" ] } ] }
            """);

        var report = await ImportAsync(_folder);

        Assert.Equal([$"buyer group {name}"], report.Added);
        await using var db = portal.CreateDbContext();
        var group = await db.BuyerGroups.AsNoTracking().Include(g => g.Tiers).SingleAsync(g => g.Name == name);
        Assert.Equal(await db.Signatories.Where(s => s.Name == "Austria").Select(s => s.Id).SingleAsync(), group.SignatoryId);
        Assert.Equal(["Pioneers", "Peloton", "Observers"], group.Tiers.OrderBy(t => t.Order).Select(t => t.Name));
        Assert.Equal(["A knowledge centre"], group.SupportingOrganisations);
    }

    [Fact]
    public async Task A_malformed_file_changes_nothing_and_names_the_file_and_the_problem()
    {
        var signatory = $"Region {Guid.NewGuid():N}";
        var slug = UniqueSlug();
        await WriteAsync("signatories.json", $$"""
            { "signatories": [ { "name": "{{signatory}}", "kind": "RegionalGovernment", "role": "Participant",
                "statusHistory": [ { "status": "Signed", "on": "2026-03-01" } ] } ] }
            """);
        await WriteAsync("buyer-groups.json", """
            { "buyerGroups": [ { "name": "Nowhere buyers", "signatory": "Atlantis", "coordinatingOrganisation": "Nobody" } ] }
            """);
        var criteria = Criteria(slug, ("1.0", "Battery endurance", "2026-01-15"));
        criteria.Versions[0].Criteria[0] = criteria.Versions[0].Criteria[0] with { Theme = "Batteries" };
        await WriteCriteriaAsync("criteria/tablets.json", criteria);
        var rowsBefore = await CountRowsAsync();
        using var output = new StringWriter();

        var exitCode = await ContentImportCommand.RunAsync(portal.Services, [_folder], output, CancellationToken.None);

        Assert.Equal(1, exitCode);
        var printed = output.ToString();
        Assert.Contains(
            $"{Path.Combine(_folder, "buyer-groups.json")}: buyer group Nowhere buyers: The signatory 'Atlantis' is neither in the portal "
                + "nor in the imported files.",
            printed,
            StringComparison.Ordinal);
        Assert.Contains(
            $"{Path.Combine(_folder, "criteria", "tablets.json")}: {slug} version 1.0, criterion TAB-BAT-01: theme 'Batteries' is not one "
                + "of",
            printed,
            StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await CountRowsAsync());
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Signatories.AnyAsync(s => s.Name == signatory));
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused_with_its_name()
    {
        await WriteAsync("working-groups.json", """{ "workingGroups": [ { "name": "Unfinished", """);
        using var output = new StringWriter();

        var exitCode = await ContentImportCommand.RunAsync(portal.Services, [_folder], output, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains(
            $"{Path.Combine(_folder, "working-groups.json")}: The JSON cannot be read:",
            output.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_field_is_refused_instead_of_ignored()
    {
        await WriteAsync(
            "working-groups.json",
            """{ "workingGroups": [ { "name": "Spelling", "topic": "Typos", "mandat": "A purpose" } ] }""");

        var report = await ImportAsync(_folder);

        Assert.False(report.Succeeded);
        Assert.Contains("mandat", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_version_is_refused_because_reference_content_is_published()
    {
        var slug = UniqueSlug();
        var criteria = Criteria(slug, ("1.0", "Battery endurance", "2026-01-15"));
        criteria.Versions[0] = criteria.Versions[0] with { Status = "Draft" };

        var report = await ImportCriteriaAsync(criteria);

        Assert.False(report.Succeeded);
        Assert.Contains(
            "reference content holds published versions only",
            Assert.Single(report.Problems).Message,
            StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.ProductGroups.AnyAsync(g => g.Slug == slug));
    }

    [Fact]
    public async Task The_command_without_a_path_prints_its_usage()
    {
        using var output = new StringWriter();

        var exitCode = await ContentImportCommand.RunAsync(portal.Services, [], output, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: content import <file or folder>", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_prints_what_it_added_and_kept()
    {
        var name = $"Working group {Guid.NewGuid():N}";
        await WriteAsync("working-groups.json", $$"""
            { "workingGroups": [ { "name": "{{name}}", "topic": "Refurbished smartphones" },
                                 { "name": "{{DemoDataSeeder.ChairedWorkingGroup}}", "topic": "Changed topic" } ] }
            """);
        using var output = new StringWriter();

        var exitCode = await ContentImportCommand.RunAsync(portal.Services, [_folder], output, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Contains($"added working group {name}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"kept  working group {DemoDataSeeder.ChairedWorkingGroup}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 added, 1 kept", output.ToString(), StringComparison.Ordinal);
    }

    private static string UniqueSlug() => $"tablets-{Guid.NewGuid():N}";

    private static CriteriaSetDocument Criteria(string slug, params (string Version, string Title, string PublishedOn)[] versions) => new(
        new ProductGroupDocument(slug, new() { ["en"] = "Tablets", ["nl"] = "Tablets" }),
        [.. versions.Select(v => new CriteriaVersionDocument(
            v.Version,
            "Published",
            v.PublishedOn,
            new() { ["en"] = $"Version {v.Version}." },
        [
            new CriterionDocument("TAB-BAT-01", "Battery", "Core", "TechnicalSpecification", "UseLonger", null, new()
            {
                ["en"] = new CriterionTextDocument(
                    v.Title,
                    "The battery keeps 80 % of its capacity after 500 cycles.",
                    "A test report.",
                    null,
                    null,
                    null),
                ["nl"] = new CriterionTextDocument(
                    "Accuduur",
                    "De accu houdt 80 % van zijn capaciteit na 500 cycli.",
                    null,
                    null,
                    null,
                    null),
            }),
        ]))]);

    private async Task<ReferenceContentReport> ImportCriteriaAsync(CriteriaSetDocument document)
    {
        var path = Path.Combine(_folder, $"criteria-{Guid.NewGuid():N}.json");
        await using (var file = File.Create(path))
        {
            await document.WriteAsync(file);
        }

        return await ImportAsync(path);
    }

    private async Task WriteCriteriaAsync(string name, CriteriaSetDocument document)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await document.WriteAsync(file);
    }

    private Task WriteAsync(string name, string json) => File.WriteAllTextAsync(Path.Combine(_folder, name), json);

    private Task<ReferenceContentReport> ImportAsync(string path) =>
        portal.WithServiceAsync<ReferenceContentImport, ReferenceContentReport>(i => i.ImportAsync(path));

    private async Task<Dictionary<string, (CriteriaSetStatus Status, DateOnly? PublishedOn)>> VersionsAsync(string slug)
    {
        await using var db = portal.CreateDbContext();
        var sets = await db.CriteriaSets.AsNoTracking()
            .Where(s => db.ProductGroups.Any(g => g.Id == s.ProductGroupId && g.Slug == slug))
            .ToListAsync();
        return sets.ToDictionary(s => s.Number.ToString(), s => (s.Status, s.PublishedOn));
    }

    private async Task<int> CountAuditEntriesAsync()
    {
        await using var db = portal.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.EntityType == ReferenceContentImport.AuditEntityType);
    }

    private async Task<(int Signatories, int BuyerGroups, int WorkingGroups, int ProductGroups, int Sets, int Criteria, int Audit)>
        CountRowsAsync()
    {
        await using var db = portal.CreateDbContext();
        return (
            await db.Signatories.CountAsync(),
            await db.BuyerGroups.CountAsync(),
            await db.WorkingGroups.CountAsync(),
            await db.ProductGroups.CountAsync(),
            await db.CriteriaSets.CountAsync(),
            await db.Criteria.CountAsync(),
            await db.AuditEntries.CountAsync());
    }
}
