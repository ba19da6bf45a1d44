using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>
/// One version of the criteria for a product group. It moves Draft → InReview → Published → Superseded;
/// once published it never changes again: a change means a new draft version.
/// </summary>
public sealed class CriteriaSet : Entity, IConcurrencyVersioned
{
    public const int ReleaseNotesMaxLength = 4000;

    private readonly List<Criterion> _criteria = [];
    private readonly List<ReleaseNote> _releaseNotes = [];

    private CriteriaSet()
    {
        Number = null!;
    }

    private CriteriaSet(Guid productGroupId, CriteriaVersion number, Guid? basedOnSetId)
    {
        ProductGroupId = productGroupId;
        Number = number;
        BasedOnSetId = basedOnSetId;
        Status = CriteriaSetStatus.Draft;
    }

    public Guid ProductGroupId { get; private set; }

    public CriteriaVersion Number { get; private set; }

    public CriteriaSetStatus Status { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    /// <summary>The version this draft was copied from, if any.</summary>
    public Guid? BasedOnSetId { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<Criterion> Criteria => _criteria.AsReadOnly();

    public IReadOnlyCollection<ReleaseNote> ReleaseNotes => _releaseNotes.AsReadOnly();

    public bool IsPublic => Status is CriteriaSetStatus.Published or CriteriaSetStatus.Superseded;

    /// <summary>An empty first draft for a product group.</summary>
    public static CriteriaSet NewDraft(ProductGroup productGroup, CriteriaVersion number) => new(productGroup.Id, number, null);

    /// <summary>A new draft that starts as a copy of <paramref name="source"/>, with a higher version number.</summary>
    public static CriteriaSet DraftFrom(CriteriaSet source, CriteriaVersion number)
    {
        if (!source.IsPublic)
        {
            throw new DomainException(
                CriteriaSetFields.Version,
                "Version {0} is not published; a new draft starts from a published version.",
                source.Number);
        }

        if (number <= source.Number)
        {
            throw new DomainException(CriteriaSetFields.Version, "The new version must be higher than {0}.", source.Number);
        }

        var draft = new CriteriaSet(source.ProductGroupId, number, source.Id);
        draft._criteria.AddRange(source._criteria.Select(c => c.CopyInto(draft.Id)));
        return draft;
    }

    public Criterion? CriterionWith(CriterionCode code) => _criteria.FirstOrDefault(c => c.Code == code);

    public Criterion AddCriterion(CriterionCode code, CriterionClassification classification, CriterionContent english)
    {
        EnsureEditable();
        if (CriterionWith(code) is not null)
        {
            throw new DomainException(CriteriaSetFields.Code, "Version {0} already has a criterion {1}.", Number, code);
        }

        var criterion = new Criterion(Id, code, classification, english);
        _criteria.Add(criterion);
        return criterion;
    }

    public void Classify(Guid criterionId, CriterionClassification classification)
    {
        EnsureEditable();
        Find(criterionId).Classify(classification);
    }

    /// <summary>Writes the texts of a criterion in one language; changing English marks earlier translations outdated.</summary>
    public void Write(Guid criterionId, CriteriaLanguage language, CriterionContent content)
    {
        EnsureEditable();
        Find(criterionId).Write(language, content);
    }

    public void RemoveTranslation(Guid criterionId, CriteriaLanguage language)
    {
        EnsureEditable();
        Find(criterionId).RemoveTranslation(language);
    }

    /// <summary>Takes a criterion out of this draft (earlier published versions keep it).</summary>
    public void RemoveCriterion(Guid criterionId)
    {
        EnsureEditable();
        _criteria.Remove(Find(criterionId));
    }

    public void SubmitForReview()
    {
        if (Status != CriteriaSetStatus.Draft)
        {
            throw new DomainException(
                CriteriaSetFields.Status,
                "Only a draft can go to review; version {0} is {1}.",
                Number,
                Describe(Status));
        }

        if (_criteria.Count == 0)
        {
            throw new DomainException(CriteriaSetFields.Status, "A version needs at least one criterion before it goes to review.");
        }

        Status = CriteriaSetStatus.InReview;
    }

    public void ReturnToDraft()
    {
        if (Status != CriteriaSetStatus.InReview)
        {
            throw new DomainException(
                CriteriaSetFields.Status,
                "Only a version in review can go back to draft; version {0} is {1}.",
                Number,
                Describe(Status));
        }

        Status = CriteriaSetStatus.Draft;
    }

    /// <summary>
    /// Publishes this reviewed version on <paramref name="on"/> with release notes (English required) and
    /// supersedes <paramref name="currentlyPublished"/>, the product group's published version until now.
    /// </summary>
    public void Publish(DateOnly on, IReadOnlyDictionary<CriteriaLanguage, string> releaseNotes, CriteriaSet? currentlyPublished)
    {
        if (Status != CriteriaSetStatus.InReview)
        {
            throw new DomainException(
                CriteriaSetFields.Status,
                "Version {0} is {1}; only a version in review can be published.",
                Number,
                Describe(Status));
        }

        if (!releaseNotes.TryGetValue(CriteriaLanguages.Source, out var english) || string.IsNullOrWhiteSpace(english))
        {
            throw new DomainException(CriteriaSetFields.ReleaseNotes, "Release notes in English are required to publish.");
        }

        if (currentlyPublished is not null)
        {
            if (currentlyPublished.ProductGroupId != ProductGroupId || currentlyPublished.Status != CriteriaSetStatus.Published)
            {
                throw new DomainException(CriteriaSetFields.Status, "Only the product group's published version can be superseded.");
            }

            if (currentlyPublished.Number >= Number)
            {
                throw new DomainException(
                    CriteriaSetFields.Version,
                    "Version {0} is not newer than the published version {1}.",
                    Number,
                    currentlyPublished.Number);
            }

            if (currentlyPublished.PublishedOn > on)
            {
                throw new DomainException(
                    CriteriaSetFields.PublishedOn,
                    "The publication date cannot be before that of version {0} ({1:yyyy-MM-dd}).",
                    currentlyPublished.Number,
                    currentlyPublished.PublishedOn);
            }

            currentlyPublished.Status = CriteriaSetStatus.Superseded;
        }

        _releaseNotes.Clear();
        foreach (var (language, text) in releaseNotes)
        {
            var note = Guard.Optional(text, CriteriaSetFields.ReleaseNote, ReleaseNotesMaxLength);
            if (note is not null)
            {
                _releaseNotes.Add(new ReleaseNote(language, note));
            }
        }

        PublishedOn = on;
        Status = CriteriaSetStatus.Published;
    }

    private Criterion Find(Guid criterionId) =>
        _criteria.FirstOrDefault(c => c.Id == criterionId)
        ?? throw new DomainException(CriteriaSetFields.Criterion, "Version {0} has no such criterion.", Number);

    private void EnsureEditable()
    {
        switch (Status)
        {
            case CriteriaSetStatus.Published:
                throw new DomainException(
                    CriteriaSetFields.Status,
                    "Published version {0} cannot be changed; create a new draft version.",
                    Number);
            case CriteriaSetStatus.Superseded:
                throw new DomainException(
                    CriteriaSetFields.Status,
                    "Superseded version {0} cannot be changed; create a new draft version.",
                    Number);
            case CriteriaSetStatus.InReview:
                throw new DomainException(CriteriaSetFields.Status, "Version {0} is in review; return it to draft to change it.", Number);
        }
    }

    private static string Describe(CriteriaSetStatus status) => status switch
    {
        CriteriaSetStatus.InReview => "in review",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>What changed in a version, in one language.</summary>
public sealed record ReleaseNote(CriteriaLanguage Language, string Text);
