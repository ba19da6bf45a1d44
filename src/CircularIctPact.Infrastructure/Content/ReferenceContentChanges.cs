using System.Globalization;
using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Infrastructure.Content;

/// <summary>
/// Adds to a context what reference content files hold and the database does not: signatories, buyer groups and working
/// groups (found again by name), product groups (by address name) and criteria set versions (by number), each through
/// the domain's own rules. A record that exists already is never changed, since people may have edited it; a criteria
/// version that exists is never rewritten, since it is published. Those are listed in <see cref="Kept"/>. Every problem
/// is collected in <see cref="Problems"/> with the file it is in; the caller saves only when there is none.
/// </summary>
public sealed class ReferenceContentChanges
{
    // The content file's properties, as the domain's checks of their values name them.
    private static readonly FormField CountryCodeProperty = new("countryCode");
    private static readonly FormField VersionProperty = new("version");
    private static readonly FormField CodeProperty = new("code");
    private static readonly FormField NamesProperty = new("names");
    private static readonly FormField ReleaseNotesProperty = new("releaseNotes");
    private static readonly FormField TextsProperty = new("texts");

    private readonly PortalDbContext _db;
    private readonly Func<string?, string?> _sanitiseRichText;
    private readonly Dictionary<string, Guid> _signatoryIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _importedNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProductGroupState> _productGroups = new(StringComparer.Ordinal);

    private ReferenceContentChanges(PortalDbContext db, Func<string?, string?> sanitiseRichText)
    {
        _db = db;
        _sanitiseRichText = sanitiseRichText;
    }

    /// <summary>What is added, e.g. "signatory Canada" or "criteria laptops 3.0".</summary>
    public List<string> Added { get; } = [];

    /// <summary>What the files hold that the database has already, and that stays as it is.</summary>
    public List<string> Kept { get; } = [];

    public List<ContentProblem> Problems { get; } = [];

    /// <summary>
    /// Compares <paramref name="files"/> with the database and adds what is new to <paramref name="db"/> without saving.
    /// <paramref name="sanitiseRichText"/> cleans the formatted fields of criteria and release notes, as the editor does.
    /// </summary>
    public static async Task<ReferenceContentChanges> PrepareAsync(
        PortalDbContext db, ReferenceContentFiles files, Func<string?, string?> sanitiseRichText, CancellationToken cancellationToken)
    {
        var changes = new ReferenceContentChanges(db, sanitiseRichText);
        await changes.AddSignatoriesAsync(files.Signatories, cancellationToken);
        await changes.AddBuyerGroupsAsync(files.BuyerGroups, cancellationToken);
        await changes.AddWorkingGroupsAsync(files.WorkingGroups, cancellationToken);
        foreach (var file in files.Criteria)
        {
            await changes.AddCriteriaAsync(file, cancellationToken);
        }

        return changes;
    }

    private async Task AddSignatoriesAsync(List<ContentFile<SignatoriesDocument>> files, CancellationToken cancellationToken)
    {
        foreach (var signatory in await _db.Signatories.AsNoTracking().Select(s => new { s.Name, s.Id }).ToListAsync(cancellationToken))
        {
            _signatoryIds[signatory.Name] = signatory.Id;
        }

        foreach (var file in files)
        {
            foreach (var (entry, index) in file.Document.Signatories.Select((entry, index) => (entry, index)))
            {
                Attempt(file.Path, $"signatory {entry?.Name ?? $"#{index + 1}"}", () =>
                {
                    var name = RequiredName(entry?.Name);
                    if (!IsNew("signatory", name, _signatoryIds.ContainsKey(name)))
                    {
                        return;
                    }

                    var history = entry!.StatusHistory is { Count: > 0 } steps
                        ? steps
                        : throw new InvalidDataException("statusHistory needs at least one status.");
                    if (history.Any(step => step is null))
                    {
                        throw new InvalidDataException("statusHistory holds an empty step.");
                    }

                    if (history[0].Note is not null)
                    {
                        throw new InvalidDataException("The first status carries no note.");
                    }

                    var signatory = new Signatory(
                        name,
                        ParseName<SignatoryKind>(entry.Kind, "kind"),
                        ParseName<SignatoryRole>(entry.Role, "role"),
                        entry.CountryCode is null ? null : CountryCode.Parse(entry.CountryCode, CountryCodeProperty),
                        ParseDate(history[0].On, "statusHistory[1].on"),
                        ParseName<SignatoryStatus>(history[0].Status, "statusHistory[1].status"));
                    foreach (var (step, number) in history.Select((step, i) => (step, i + 1)).Skip(1))
                    {
                        signatory.ChangeStatus(
                            ParseName<SignatoryStatus>(step.Status, $"statusHistory[{number}].status"),
                            ParseDate(step.On, $"statusHistory[{number}].on"),
                            step.Note);
                    }

                    _db.Signatories.Add(signatory);
                    _signatoryIds[name] = signatory.Id;
                    Added.Add($"signatory {name}");
                });
            }
        }
    }

    private async Task AddBuyerGroupsAsync(List<ContentFile<BuyerGroupsDocument>> files, CancellationToken cancellationToken)
    {
        var existing = (await _db.BuyerGroups.AsNoTracking().Select(g => g.Name).ToListAsync(cancellationToken)).ToHashSet(
            StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (entry, index) in file.Document.BuyerGroups.Select((entry, index) => (entry, index)))
            {
                Attempt(file.Path, $"buyer group {entry?.Name ?? $"#{index + 1}"}", () =>
                {
                    var name = RequiredName(entry?.Name);
                    if (!IsNew("buyer group", name, existing.Contains(name)))
                    {
                        return;
                    }

                    var signatoryId = _signatoryIds.TryGetValue(entry!.Signatory ?? string.Empty, out var id)
                        ? id
                        : throw new InvalidDataException(
                            $"The signatory '{entry.Signatory}' is neither in the portal nor in the imported files.");
                    var group = new BuyerGroup(signatoryId, name, entry.CoordinatingOrganisation, entry.Description);
                    group.Describe(name, entry.CoordinatingOrganisation, entry.SupportingOrganisations ?? [], entry.Description);
                    if (entry.Tiers is not null)
                    {
                        ArrangeTiers(group, entry.Tiers);
                    }

                    _db.BuyerGroups.Add(group);
                    existing.Add(name);
                    Added.Add($"buyer group {name}");
                });
            }
        }
    }

    /// <summary>Gives a new group exactly the listed tiers in the listed order, starting from the domain's default tiers.</summary>
    private static void ArrangeTiers(BuyerGroup group, List<string> tiers)
    {
        var wanted = tiers.Select(tier => tier?.Trim() ?? string.Empty).ToList();
        if (wanted.Count == 0 || wanted.Any(tier => tier.Length == 0))
        {
            throw new InvalidDataException("tiers needs at least one tier, each with a name.");
        }

        if (wanted.Distinct(StringComparer.OrdinalIgnoreCase).Count() != wanted.Count)
        {
            throw new InvalidDataException("tiers names a tier twice.");
        }

        foreach (var tier in group.Tiers.Where(t => !wanted.Contains(t.Name, StringComparer.OrdinalIgnoreCase)).ToList())
        {
            group.RemoveTier(tier.Id, membersInTier: 0);
        }

        for (var position = 0; position < wanted.Count; position++)
        {
            var tier = group.Tiers.SingleOrDefault(t => string.Equals(t.Name, wanted[position], StringComparison.OrdinalIgnoreCase))
                ?? group.AddTier(wanted[position]);
            group.RenameTier(tier.Id, wanted[position]);
            while (group.Tiers.OrderBy(t => t.Order).ToList().IndexOf(tier) > position)
            {
                group.MoveTier(tier.Id, up: true);
            }
        }
    }

    private async Task AddWorkingGroupsAsync(List<ContentFile<WorkingGroupsDocument>> files, CancellationToken cancellationToken)
    {
        var existing = (await _db.WorkingGroups.AsNoTracking().Select(g => g.Name).ToListAsync(cancellationToken)).ToHashSet(
            StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (entry, index) in file.Document.WorkingGroups.Select((entry, index) => (entry, index)))
            {
                Attempt(file.Path, $"working group {entry?.Name ?? $"#{index + 1}"}", () =>
                {
                    var name = RequiredName(entry?.Name);
                    if (!IsNew("working group", name, existing.Contains(name)))
                    {
                        return;
                    }

                    _db.WorkingGroups.Add(new WorkingGroup(name, entry!.Topic, entry.Mandate));
                    existing.Add(name);
                    Added.Add($"working group {name}");
                });
            }
        }
    }

    private async Task AddCriteriaAsync(ContentFile<CriteriaSetDocument> file, CancellationToken cancellationToken)
    {
        var document = file.Document;
        var slug = document.ProductGroup?.Slug?.Trim().ToLowerInvariant();
        ProductGroupState? state = null;
        await AttemptAsync(file.Path, $"product group {slug}", async () =>
        {
            if (document.ProductGroup is null || slug is null)
            {
                throw new InvalidDataException("productGroup needs a slug (its address name, e.g. laptops).");
            }

            state = await ProductGroupAsync(slug, document.ProductGroup, cancellationToken);
        });
        if (state is null)
        {
            return;
        }

        if (document.Versions is not { Count: > 0 })
        {
            Problems.Add(new ContentProblem(file.Path, $"product group {slug}: versions lists no version."));
            return;
        }

        var numbered = new List<(CriteriaVersion Number, CriteriaVersionDocument Version)>();
        foreach (var version in document.Versions)
        {
            Attempt(file.Path, $"{slug} version {version?.Version}", () =>
            {
                var number = CriteriaVersion.Parse(version?.Version, VersionProperty);
                if (numbered.Any(v => v.Number == number))
                {
                    throw new InvalidDataException("The file holds this version twice.");
                }

                numbered.Add((number, version!));
            });
        }

        foreach (var (number, version) in numbered.OrderBy(v => v.Number))
        {
            if (state.Numbers.Contains(number))
            {
                Kept.Add($"criteria {slug} {number}");
                continue;
            }

            Attempt(file.Path, $"{slug} version {number}", () => AddVersion(file.Path, state, number, version));
        }
    }

    private async Task<ProductGroupState> ProductGroupAsync(string slug, ProductGroupDocument document, CancellationToken cancellationToken)
    {
        if (_productGroups.TryGetValue(slug, out var known))
        {
            return known;
        }

        var existing = await _db.ProductGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Slug == slug, cancellationToken);
        ProductGroupState state;
        if (existing is null)
        {
            var names = document.Names ?? [];
            var group = new ProductGroup(
                slug, names.GetValueOrDefault("en") ?? throw new InvalidDataException("names needs the English name (en)."));
            foreach (var (language, name) in names)
            {
                group.Name(CriteriaLanguages.Parse(language, NamesProperty), name);
            }

            _db.ProductGroups.Add(group);
            Added.Add($"product group {slug}");
            state = new ProductGroupState(group, null, []);
        }
        else
        {
            Kept.Add($"product group {slug}");
            var numbers = await _db.CriteriaSets.AsNoTracking()
                .Where(s => s.ProductGroupId == existing.Id)
                .Select(s => s.Number)
                .ToListAsync(cancellationToken);
            var published = await _db.CriteriaSets.SingleOrDefaultAsync(
                s => s.ProductGroupId == existing.Id && s.Status == CriteriaSetStatus.Published, cancellationToken);
            state = new ProductGroupState(existing, published, [.. numbers]);
        }

        _productGroups[slug] = state;
        return state;
    }

    /// <summary>
    /// Builds the version as a draft, reviews and publishes it; the product group's published version becomes superseded.
    /// </summary>
    private void AddVersion(string path, ProductGroupState state, CriteriaVersion number, CriteriaVersionDocument version)
    {
        if (version.Status is not (nameof(CriteriaSetStatus.Published) or nameof(CriteriaSetStatus.Superseded)))
        {
            throw new InvalidDataException(
                $"status is '{version.Status}'; reference content holds published versions only (Published or Superseded).");
        }

        var publishedOn = ParseDate(version.PublishedOn, "publishedOn");
        if (version.Criteria is not { Count: > 0 })
        {
            throw new InvalidDataException("criteria lists no criterion.");
        }

        var releaseNotes = (version.ReleaseNotes ?? []).ToDictionary(
            note => CriteriaLanguages.Parse(note.Key, ReleaseNotesProperty),
            note => _sanitiseRichText(note.Value) ?? string.Empty);

        var set = CriteriaSet.NewDraft(state.Group, number);
        var problemsBefore = Problems.Count;
        foreach (var (criterion, index) in version.Criteria.Select((criterion, index) => (criterion, index)))
        {
            Attempt(
                path,
                $"{state.Group.Slug} version {number}, criterion {criterion?.Code ?? $"#{index + 1}"}",
                () => AddCriterion(set, criterion));
        }

        if (Problems.Count > problemsBefore)
        {
            return;
        }

        set.SubmitForReview();
        set.Publish(publishedOn, releaseNotes, state.Published);
        _db.CriteriaSets.Add(set);
        state.Published = set;
        state.Numbers.Add(number);
        Added.Add($"criteria {state.Group.Slug} {number}");
    }

    private void AddCriterion(CriteriaSet set, CriterionDocument? criterion)
    {
        if (criterion is null)
        {
            throw new InvalidDataException("The criterion is empty.");
        }

        var texts = criterion.Texts ?? [];
        var english = texts.GetValueOrDefault("en") ?? throw new InvalidDataException("texts needs the English text (en).");
        var added = set.AddCriterion(
            CriterionCode.Parse(criterion.Code, CodeProperty),
            new CriterionClassification(
                ParseName<CriterionTheme>(criterion.Theme, "theme"),
                ParseName<AmbitionLevel>(criterion.AmbitionLevel, "ambitionLevel"),
                ParseName<CriterionType>(criterion.Type, "type"),
                ParseName<PactStrategy>(criterion.Strategy, "strategy"),
                criterion.References),
            Content(english));
        foreach (var (language, text) in texts.Where(t => t.Key != "en"))
        {
            set.Write(
                added.Id,
                CriteriaLanguages.Parse(language, TextsProperty),
                Content(text ?? throw new InvalidDataException($"texts.{language} is empty.")));
        }
    }

    private CriterionContent Content(CriterionTextDocument text) => new(
        text.Title,
        _sanitiseRichText(text.Requirement)!,
        _sanitiseRichText(text.Verification),
        _sanitiseRichText(text.ContractManagement),
        _sanitiseRichText(text.ExplanatoryNote),
        _sanitiseRichText(text.MarketReadiness));

    /// <summary>Whether a named record is to be added: not when the database has it (kept), and never twice from the files.</summary>
    private bool IsNew(string kind, string name, bool exists)
    {
        var key = $"{kind}\n{name}";
        if (_importedNames.Contains(key))
        {
            throw new InvalidDataException($"The imported files hold the {kind} '{name}' twice.");
        }

        if (exists)
        {
            Kept.Add($"{kind} {name}");
            return false;
        }

        _importedNames.Add(key);
        return true;
    }

    private void Attempt(string path, string subject, Action change)
    {
        try
        {
            change();
        }
        catch (Exception exception) when (exception is DomainException or InvalidDataException)
        {
            Problems.Add(new ContentProblem(path, $"{subject}: {exception.Message}"));
        }
    }

    private async Task AttemptAsync(string path, string subject, Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (Exception exception) when (exception is DomainException or InvalidDataException)
        {
            Problems.Add(new ContentProblem(path, $"{subject}: {exception.Message}"));
        }
    }

    private static string RequiredName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new InvalidDataException("name is missing.") : name.Trim();

    /// <summary>An enum value by its exact name as the domain writes it (never a number).</summary>
    private static TEnum ParseName<TEnum>(string? value, string field)
        where TEnum : struct, Enum =>
        value is not null && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal)
            ? Enum.Parse<TEnum>(value)
            : throw new InvalidDataException($"{field} '{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");

    private static DateOnly ParseDate(string? value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidDataException($"{field} '{value}' is not a date written as yyyy-MM-dd.");

    /// <summary>A product group as the import goes along: its published version and the version numbers it has.</summary>
    private sealed class ProductGroupState(ProductGroup group, CriteriaSet? published, HashSet<CriteriaVersion> numbers)
    {
        public ProductGroup Group { get; } = group;

        public CriteriaSet? Published { get; set; } = published;

        public HashSet<CriteriaVersion> Numbers { get; } = numbers;
    }
}
