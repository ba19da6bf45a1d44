using System.Security.Claims;
using CircularIctPact.Infrastructure.Content;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Hosting;

/// <summary>What an import added and kept, or the problems that stopped it (then nothing changed).</summary>
public sealed record ReferenceContentReport(
    string Source,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Kept,
    IReadOnlyList<ContentProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Loads the pact's reference content (criteria sets, product groups, signatories, buyer groups, working groups) from
/// the versioned files of <c>content/</c>: on the first start of an empty database, and by the <c>content import</c>
/// command. An import only adds; see <see cref="ReferenceContentChanges"/> for what it keeps.
/// </summary>
public sealed class ReferenceContentImport(
    IDbContextFactory<PortalDbContext> contextFactory,
    AuditTrail audit,
    IConfiguration configuration,
    PortalPaths paths,
    ILogger<ReferenceContentImport> logger)
{
    public const string AuditEntityType = "ReferenceContent";

    // Several instances may start on a new database at once, or an operator may import while one starts: the imports
    // take turns on this PostgreSQL advisory lock, so the second sees what the first added.
    private const long ImportLockKey = 0x4346_4954_434F_4E54;

    /// <summary>
    /// <c>Content:Folder</c> (default <c>content</c>) as an absolute path, resolved as a shipped folder
    /// (<see cref="PortalPaths.ResolveShipped"/>): the repository's <c>content/</c> in Development, the copy beside the app otherwise.
    /// </summary>
    public string ConfiguredFolder =>
        paths.ResolveShipped(configuration["Content:Folder"] is { Length: > 0 } folder ? folder : "content");

    /// <summary>
    /// Imports the configured folder when the database holds no reference content yet (no signatory, buyer group,
    /// working group or product group); returns null when it held some. Throws when the files cannot be loaded, so a
    /// portal never starts empty by accident.
    /// </summary>
    public async Task<ReferenceContentReport?> LoadOnFirstStartAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await HoldsReferenceContentAsync(db, cancellationToken))
            {
                return null;
            }
        }

        var folder = ConfiguredFolder;
        var report = await ImportAsync(folder, Actor("first start"), onlyIntoEmptyDatabase: true, cancellationToken);
        if (report is { Succeeded: false })
        {
            throw new InvalidOperationException(
                $"The reference content in {folder} cannot be loaded (set Content:Folder, or Content:LoadOnFirstStart=false to start "
                    + "empty): "
                + string.Join(" ", report.Problems.Select(p => $"{p.File}: {p.Message}")));
        }

        if (report is not null)
        {
            logger.LogInformation("Loaded the reference content from {Folder}: {Added}", folder, string.Join(", ", report.Added));
        }

        return report;
    }

    /// <summary>Imports a reference content file or folder; the report says what was added and kept, or why nothing was.</summary>
    public async Task<ReferenceContentReport> ImportAsync(string path, CancellationToken cancellationToken = default) =>
        (await ImportAsync(path, Actor($"content import on {Environment.MachineName}"), onlyIntoEmptyDatabase: false, cancellationToken))!;

    private async Task<ReferenceContentReport?> ImportAsync(
        string path,
        ClaimsPrincipal actor,
        bool onlyIntoEmptyDatabase,
        CancellationToken cancellationToken)
    {
        var files = await ReferenceContentFiles.ReadAsync(path, cancellationToken);
        if (files.Problems.Count > 0)
        {
            return new ReferenceContentReport(path, [], [], files.Problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLockKey})", cancellationToken);
            if (onlyIntoEmptyDatabase && await HoldsReferenceContentAsync(db, cancellationToken))
            {
                return null;
            }

            var changes = await ReferenceContentChanges.PrepareAsync(db, files, RichText.Sanitise, cancellationToken);
            if (changes.Problems.Count > 0)
            {
                return new ReferenceContentReport(path, [], [], changes.Problems);
            }

            if (changes.Added.Count > 0)
            {
                audit.Record(db, actor, AuditEntityType, Guid.CreateVersion7(), null, "Imported",
                    $"Reference content from {path}: {changes.Added.Count} added, {changes.Kept.Count} kept",
                    null, new { Source = path, changes.Added, changes.Kept });
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return new ReferenceContentReport(path, changes.Added, changes.Kept, []);
        });
    }

    private static async Task<bool> HoldsReferenceContentAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Signatories.AnyAsync(cancellationToken)
        || await db.BuyerGroups.AnyAsync(cancellationToken)
        || await db.WorkingGroups.AnyAsync(cancellationToken)
        || await db.ProductGroups.AnyAsync(cancellationToken);

    /// <summary>Who the audit log names for an import: no person, but how it ran.</summary>
    private static ClaimsPrincipal Actor(string how) =>
        new(new ClaimsIdentity([new Claim(PortalClaims.DisplayName, $"Reference content ({how})")], "ReferenceContent"));
}
