using System.Globalization;
using System.Security.Claims;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CircularIctPact.Web.Features.Members;

/// <summary>A row of the file as the preview lists it; <see cref="Accepted"/> when it has no problem and can be imported.</summary>
public sealed record ImportRowPreview(
    int Row, string LegalName, string? Sector, string? Country, string? Website, string? Tier, string? ContactEmail, bool Accepted);

/// <summary>The outcome of reading a file: its rows and every problem.</summary>
public sealed record ImportPreview(IReadOnlyList<ImportRowPreview> Rows, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsClean => Problems.Count == 0 && Rows.Count > 0;

    public int AcceptedCount => Rows.Count(row => row.Accepted);

    /// <summary>Some rows are refused and others are good: the coordinator may import the good ones and fix the rest later.</summary>
    public bool CanImportAcceptedRows => !IsClean && AcceptedCount > 0;
}

/// <summary>A row left out of an import: its cells as they were in the file and why it was refused.</summary>
public sealed record RefusedRow(int Row, IReadOnlyList<string?> Cells, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// What an import did: the preview of the file, how many organisations were added and, for an import of the accepted
/// rows, the file's header and the rows left out.
/// </summary>
public sealed record ImportResult(ImportPreview Preview, int Imported, IReadOnlyList<string> Headers, IReadOnlyList<RefusedRow> Refused)
{
    public ImportResult(ImportPreview preview, int imported)
        : this(preview, imported, [], [])
    {
    }
}

/// <summary>
/// Bulk import of member organisations for one buyer group from CSV (UTF-8) or Excel (.xlsx). The preview lists every
/// problem by row and column; the import adds all rows in one transaction, or none, and the import of the accepted
/// rows adds the good rows in one transaction and hands back the refused ones.
/// </summary>
public sealed class MemberImport(
    IDbContextFactory<PortalDbContext> contextFactory,
    BuyerGroupAccess access,
    AuditTrail audit,
    TimeProvider clock)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    public const string LegalName = "LegalName";
    public const string Sector = "Sector";
    public const string Country = "Country";
    public const string Website = "Website";
    public const string SizeBand = "SizeBand";
    public const string IctSpendBand = "IctSpendBand";
    public const string Tier = "Tier";
    public const string JoinedOn = "JoinedOn";
    public const string ContactName = "ContactName";
    public const string ContactEmail = "ContactEmail";
    public const string ContactPhone = "ContactPhone";
    public const string ContactFunction = "ContactFunction";

    /// <summary>The columns of the template, in order; the first three are required.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [
            LegalName,
            Sector,
            Country,
            Website,
            SizeBand,
            IctSpendBand,
            Tier,
            JoinedOn,
            ContactName,
            ContactEmail,
            ContactPhone,
            ContactFunction,
        ];

    private static readonly string[] RequiredColumns = [LegalName, Sector, Country];

    /// <summary>The CSV template: the header and one example row, its values in the words of the interface language.</summary>
    public static byte[] TemplateCsv() =>
        CsvFile.Write(Columns,
        [
            [
                "Gemeente Voorbeeld", MemberFileValues.Sector(Domain.Members.Sector.RegionalOrLocalGovernment), "NL",
                "www.voorbeeld.example.nl", MemberFileValues.Size(Domain.Members.SizeBand.Medium),
                MemberFileValues.Spend(Domain.Members.IctSpendBand.Under1Million), "Peloton", "2026-01-15", "Jan Jansen",
                "jan.jansen@voorbeeld.example.nl", "020 123 4567", "ICT buyer",
            ],
        ]);

    /// <summary>
    /// The refused rows as a CSV file to correct and upload again: the file's own columns and a last column with the
    /// reasons in the person's language.
    /// </summary>
    public static byte[] RefusedRowsCsv(ImportResult result, string reasonColumn)
    {
        ArgumentNullException.ThrowIfNull(result);
        return CsvFile.Write(
            [.. result.Headers, reasonColumn],
            result.Refused.Select(row => (IReadOnlyList<string?>)
            [
                .. Enumerable.Range(0, result.Headers.Count).Select(i => i < row.Cells.Count ? row.Cells[i] : null),
                string.Join(" | ", row.Problems.Select(problem => $"{problem.Column}: {DomainMessageText.Of(problem.Violation)}")),
            ]));
    }

    /// <summary>Reads the file and lists every problem; changes nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(
        ClaimsPrincipal user,
        Guid buyerGroupId,
        string fileName,
        byte[] content,
        CancellationToken cancellationToken = default)
    {
        await access.EnsureAsync(user, buyerGroupId, BuyerGroupOperations.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (preview, _, _) = await ValidateAsync(db, buyerGroupId, fileName, content, cancellationToken);
        return preview;
    }

    /// <summary>
    /// Imports every row in one transaction with one audit entry per organisation, but only when the file has no problem at all.
    /// </summary>
    public async Task<ImportResult> ImportAsync(
        ClaimsPrincipal user,
        Guid buyerGroupId,
        string fileName,
        byte[] content,
        CancellationToken cancellationToken = default)
    {
        await access.EnsureAsync(user, buyerGroupId, BuyerGroupOperations.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (preview, members, _) = await ValidateAsync(db, buyerGroupId, fileName, content, cancellationToken);
        if (!preview.IsClean)
        {
            return new ImportResult(preview, 0);
        }

        return await SaveAsync(db, user, buyerGroupId, fileName, preview, members, [], [], cancellationToken);
    }

    /// <summary>
    /// Imports the rows without problems in one transaction, audited like a whole import, and returns the refused rows
    /// with their reasons. A file whose header or format is wrong imports nothing.
    /// </summary>
    public async Task<ImportResult> ImportAcceptedRowsAsync(
        ClaimsPrincipal user, Guid buyerGroupId, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        await access.EnsureAsync(user, buyerGroupId, BuyerGroupOperations.Manage);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (preview, members, table) = await ValidateAsync(db, buyerGroupId, fileName, content, cancellationToken);
        if (preview.AcceptedCount == 0 || table is null)
        {
            return new ImportResult(preview, 0);
        }

        var refused = table.Rows
            .Select(row => new RefusedRow(row.Row, row.Cells, [.. preview.Problems.Where(problem => problem.Row == row.Row)]))
            .Where(row => row.Problems.Count > 0)
            .ToList();
        return await SaveAsync(db, user, buyerGroupId, fileName, preview, members, table.Headers, refused, cancellationToken);
    }

    private async Task<ImportResult> SaveAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        Guid buyerGroupId,
        string fileName,
        ImportPreview preview,
        List<MemberOrganisation> members,
        IReadOnlyList<string> headers,
        IReadOnlyList<RefusedRow> refused,
        CancellationToken cancellationToken)
    {
        foreach (var member in members)
        {
            db.MemberOrganisations.Add(member);
            audit.Record(db, user, MemberEditor.EntityType, member.Id, buyerGroupId, "Imported", $"Imported {member.LegalName} "
                + $"from {Path.GetFileName(fileName)}", null, MemberSnapshot.Of(member));
        }

        // One SaveChanges is one transaction: all rows and their audit entries, or nothing.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new ImportResult(
                new ImportPreview(preview.Rows, [new ImportProblem(1, null, new RuleViolation(
                    null,
                    "Someone added one of these organisations to the group while you were importing; nothing was imported. "
                    + "Check the file again."))]),
                0);
        }

        return new ImportResult(preview, members.Count, headers, refused);
    }

    private async Task<(ImportPreview Preview, List<MemberOrganisation> Members, RawTable? Table)> ValidateAsync(
        PortalDbContext db, Guid buyerGroupId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var problems = new ImportProblems();
        var table = Read(fileName, content, problems);
        if (table is null)
        {
            return (new ImportPreview([], problems.All), [], null);
        }

        var columnIndex = MapColumns(table.Headers, problems);
        if (problems.Count > 0)
        {
            return (new ImportPreview([], problems.All), [], table);
        }

        if (table.Rows.Count == 0)
        {
            problems.Report(2, null, "The file has a header but no organisations.");
            return (new ImportPreview([], problems.All), [], table);
        }

        if (table.Rows.Count > MaxRows)
        {
            problems.Report(MaxRows + 2, null, "A file can hold at most {0} organisations; split it into several files.", MaxRows);
            return (new ImportPreview([], problems.All), [], table);
        }

        var tiers = await db.BuyerGroupTiers
            .AsNoTracking()
            .Where(t => t.BuyerGroupId == buyerGroupId)
            .Select(t => new { t.Id, t.Name })
            .ToListAsync(cancellationToken);
        var existing = await db.MemberOrganisations.AsNoTracking().Where(m => m.BuyerGroupId == buyerGroupId)
            .Select(m => new { m.LegalName, m.LegalNameKey, m.WebsiteHost }).ToListAsync(cancellationToken);
        var existingNames = existing.ToDictionary(m => m.LegalNameKey, m => m.LegalName, StringComparer.Ordinal);
        var existingHosts = existing.Where(m => m.WebsiteHost is not null)
            .GroupBy(m => m.WebsiteHost!)
            .ToDictionary(g => g.Key, g => g.First().LegalName, StringComparer.Ordinal);
        var namesInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var hostsInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var rows = new List<ImportRowPreview>();
        var members = new List<MemberOrganisation>();
        foreach (var (rowNumber, cells) in table.Rows)
        {
            string? Cell(string column) =>
                columnIndex.TryGetValue(column, out var index) && index < cells.Count ? Clean(cells[index]) : null;
            var problemsBefore = problems.Count;

            var name = Cell(LegalName);
            if (name is null)
            {
                problems.Report(rowNumber, LegalName, "The legal name is empty.");
            }
            else if (name.Length > MemberOrganisation.LegalNameMaxLength)
            {
                problems.Report(
                    rowNumber, LegalName, "The legal name can be at most {0} characters.", MemberOrganisation.LegalNameMaxLength);
            }
            else
            {
                var key = MemberOrganisation.NameKey(name);
                if (existingNames.TryGetValue(key, out var existingName))
                {
                    problems.Report(rowNumber, LegalName, "'{0}' is already a member of this buyer group.", existingName);
                }
                else if (namesInFile.TryGetValue(key, out var earlierRow))
                {
                    problems.Report(rowNumber, LegalName, "'{0}' is also on row {1} of this file.", name, earlierRow);
                }
                else
                {
                    namesInFile[key] = rowNumber;
                }
            }

            var sector = ParseEnum<Sector>(Cell(Sector), Sector, required: true, rowNumber, problems);
            var country = Cell(Country);
            if (country is null)
            {
                problems.Report(rowNumber, Country, "The country is empty; give an ISO 3166 code such as NL or BE, or the country's name.");
            }
            else if (MemberFileValues.TryParseCountry(country, out var code))
            {
                country = code;
            }
            else
            {
                problems.Report(
                    rowNumber, Country, "'{0}' is neither an ISO 3166 country code (NL, BE, DE) nor a country's name.", country);
            }

            var website = Cell(Website);
            string? host = null;
            if (website is not null)
            {
                try
                {
                    host = MemberOrganisation.HostOf(website);
                }
                catch (DomainException error)
                {
                    problems.Report(rowNumber, Website, error);
                }
            }

            if (host is not null)
            {
                if (existingHosts.TryGetValue(host, out var owner))
                {
                    problems.Report(rowNumber, Website, "{0} in this buyer group already has the website {1}.", owner, host);
                }
                else if (hostsInFile.TryGetValue(host, out var earlierRow))
                {
                    problems.Report(rowNumber, Website, "The website {0} is also on row {1} of this file.", host, earlierRow);
                }
                else
                {
                    hostsInFile[host] = rowNumber;
                }
            }

            var size = ParseEnum<SizeBand>(Cell(SizeBand), SizeBand, required: false, rowNumber, problems);
            var spend = ParseEnum<IctSpendBand>(Cell(IctSpendBand), IctSpendBand, required: false, rowNumber, problems);
            Guid? tierId = null;
            if (Cell(Tier) is { } tierName)
            {
                tierId = tiers.FirstOrDefault(t => string.Equals(t.Name, tierName, StringComparison.OrdinalIgnoreCase))?.Id;
                if (tierId is null)
                {
                    problems.Report(
                        rowNumber,
                        Tier,
                        "'{0}' is not a tier of this buyer group; use one of: {1}.",
                        tierName,
                        string.Join(", ", tiers.Select(t => t.Name)));
                }
            }

            var joinedOn = today;
            if (Cell(JoinedOn) is { } joined && !TryParseDate(joined, out joinedOn))
            {
                problems.Report(rowNumber, JoinedOn, "'{0}' is not a date; write it as 2026-01-31.", joined);
            }

            ContactDetails? contact = null;
            var contactName = Cell(ContactName);
            var contactEmail = Cell(ContactEmail);
            var contactPhone = Cell(ContactPhone);
            var contactFunction = Cell(ContactFunction);
            if (contactName is not null || contactEmail is not null || contactPhone is not null || contactFunction is not null)
            {
                contact = new ContactDetails(null, contactName, contactEmail, contactPhone, contactFunction);
                try
                {
                    MemberContact.Validate(contact, 0);
                }
                catch (DomainException error)
                {
                    var column = error.Field == MemberOrganisationFields.Contact(0, MemberOrganisationFields.RowName) ? ContactName
                        : error.Field == MemberOrganisationFields.Contact(0, MemberOrganisationFields.RowEmail) ? ContactEmail
                        : error.Field == MemberOrganisationFields.Contact(0, MemberOrganisationFields.Phone) ? ContactPhone
                        : ContactFunction;
                    problems.Report(rowNumber, column, error);
                }
            }

            var accepted = problems.Count == problemsBefore;
            rows.Add(new ImportRowPreview(
                rowNumber,
                name ?? string.Empty,
                sector is null ? null : MemberFileValues.Sector(sector.Value),
                country?.ToUpperInvariant(),
                website,
                Cell(Tier),
                contactEmail,
                accepted));
            if (accepted)
            {
                var member =
                    new MemberOrganisation(buyerGroupId, name!, sector!.Value, CountryCode.Parse(country), website, tierId, joinedOn);
                member.Profile(size, spend);
                if (contact is not null)
                {
                    member.AddContact(contact);
                }

                members.Add(member);
            }
        }

        return (new ImportPreview(rows, problems.All), members, table);
    }

    private static TEnum? ParseEnum<TEnum>(string? value, string column, bool required, int row, ImportProblems problems)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            if (required)
            {
                problems.Report(
                    row, column, "The column {0} is empty; use one of: {1}.", column, string.Join(", ", MemberFileValues.Words<TEnum>()));
            }

            return null;
        }

        if (MemberFileValues.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        problems.Report(
            row, column, "'{0}' is not a known {1}; use one of: {2}.", value, column, string.Join(", ", MemberFileValues.Words<TEnum>()));
        return null;
    }

    /// <summary>
    /// Trims a cell; a leading apostrophe is Excel's "this is text" marker (also written by our own export), not part of the value.
    /// </summary>
    private static string? Clean(string? cell)
    {
        var trimmed = cell?.Trim();
        if (trimmed is not null && trimmed.StartsWith('\'') && trimmed.Length > 1 && "=@+-".Contains(trimmed[1], StringComparison.Ordinal))
        {
            trimmed = trimmed[1..];
        }

        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static string Fold(string text) =>
        new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(
            text,
            ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out date))
        {
            return true;
        }

        // A date cell without date formatting arrives as Excel's serial day number.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        // Excel cells arrive as a date with a midnight time.
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            date = DateOnly.FromDateTime(dateTime);
            return true;
        }

        return false;
    }

    private static Dictionary<string, int> MapColumns(IReadOnlyList<string> headers, ImportProblems problems)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            if (header.Length == 0)
            {
                continue;
            }

            var known = Columns.FirstOrDefault(c => Fold(c) == Fold(header));
            if (known is null)
            {
                problems.Report(1, header, "Unknown column '{0}'. The columns are: {1}.", header, string.Join(", ", Columns));
            }
            else if (!index.TryAdd(known, i))
            {
                problems.Report(1, header, "The column {0} appears twice.", known);
            }
        }

        foreach (var missing in RequiredColumns.Where(c => !index.ContainsKey(c)))
        {
            problems.Report(1, missing, "The required column {0} is missing. Start from the template.", missing);
        }

        return index;
    }

    private static RawTable? Read(string fileName, byte[] content, ImportProblems problems)
    {
        if (content.Length == 0)
        {
            problems.Report(1, null, "The file is empty.");
            return null;
        }

        if (content.Length > MaxFileBytes)
        {
            problems.Report(1, null, "The file is larger than {0} MB.", MaxFileBytes / 1024 / 1024);
            return null;
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => ReadCsv(content, problems),
            ".xlsx" => ReadXlsx(content, problems),
            _ => Fail(problems, "'{0}' is neither a .csv nor an .xlsx file.", Path.GetFileName(fileName)),
        };
    }

    private static RawTable? ReadCsv(byte[] content, ImportProblems problems)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Fail(problems, "The file is not valid UTF-8 text. In Excel choose 'Save as' → 'CSV UTF-8 (comma delimited) (*.csv)' and "
                + "upload that file.");
        }

        var options = new CsvReaderOptions { TrackLineNumbers = true, SkipEmptyLines = true };
        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), options);
        var rows = new List<(int, IReadOnlyList<string?>)>();
        IReadOnlyList<string> headers;
        try
        {
            headers = [.. csv.Headers];
            if (headers.Count == 0)
            {
                return Fail(problems, "The file is empty.");
            }

            while (csv.Read())
            {
                var record = csv.Current.ToArray();
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                // Row numbers as a spreadsheet shows them: the header is row 1.
                rows.Add(((int)csv.LineNumber, record));
            }
        }
        catch (CsvFormatException error)
        {
            return Fail(problems, "The file is not a readable CSV file: {0}", error.Message);
        }

        return new RawTable(headers, rows);
    }

    private static RawTable? ReadXlsx(byte[] content, ImportProblems problems)
    {
        const string unreadable = "The file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or as 'CSV UTF-8'.";
        if (!XlsxPackage.TryOpen(content, out var workbook, out var refusal))
        {
            return refusal == XlsxRefusal.TooLarge
                ? Fail(problems, XlsxPackage.TooLargeTemplate, XlsxPackage.MaxUncompressedMegabytes, XlsxPackage.MaxEntries)
                : Fail(problems, unreadable);
        }

        try
        {
            using var sheet = workbook.Rows().GetEnumerator();
            if (!sheet.MoveNext())
            {
                return Fail(problems, "The file is empty.");
            }

            var header = sheet.Current;
            var keys = header.Keys.ToList();
            var headers = keys.Select(k => Text(header[k]) ?? string.Empty).ToList();
            var rows = new List<(int, IReadOnlyList<string?>)>();

            // One row beyond MaxRows is enough for the preview to refuse the file; the rest is never read.
            for (var number = 2; rows.Count <= MaxRows && sheet.MoveNext(); number++)
            {
                var record = keys.Select(k => sheet.Current.TryGetValue(k, out var value) ? Text(value) : null).ToList();
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                rows.Add((number, record));
            }

            return new RawTable(headers, rows);
        }
        catch (Exception error) when (XlsxPackage.IsUnreadable(error))
        {
            return Fail(problems, unreadable);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static RawTable? Fail(ImportProblems problems, string format, params object?[] arguments)
    {
        problems.Report(1, null, format, arguments);
        return null;
    }

    private sealed record RawTable(IReadOnlyList<string> Headers, IReadOnlyList<(int Row, IReadOnlyList<string?> Cells)> Rows);
}
