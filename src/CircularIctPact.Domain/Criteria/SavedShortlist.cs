using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>A signed-in procurer's named shortlist of criteria ("my tender"), kept to come back to.</summary>
public sealed class SavedShortlist : Entity, IConcurrencyVersioned
{
    public const int NameMaxLength = 120;
    public const int MaxItems = 100;

    private List<Guid> _criterionIds = [];

    private SavedShortlist()
    {
        Name = string.Empty;
    }

    public SavedShortlist(Guid ownerUserId, string name, IEnumerable<Guid> criterionIds, CriteriaLanguage language, DateTimeOffset at)
    {
        OwnerUserId = ownerUserId;
        Name = Guard.Required(name, SavedShortlistFields.Name, NameMaxLength);
        CreatedAt = at;
        Replace(criterionIds, language, at);
    }

    public Guid OwnerUserId { get; private set; }

    public string Name { get; private set; }

    public CriteriaLanguage Language { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The criteria in the order the procurer put them.</summary>
    public IReadOnlyList<Guid> CriterionIds => _criterionIds.AsReadOnly();

    public void Replace(IEnumerable<Guid> criterionIds, CriteriaLanguage language, DateTimeOffset at)
    {
        var ids = criterionIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new DomainException(SavedShortlistFields.Name, "An empty shortlist cannot be saved; tick some criteria first.");
        }

        if (ids.Count > MaxItems)
        {
            throw new DomainException(SavedShortlistFields.Name, "A shortlist holds at most {0} criteria.", MaxItems);
        }

        _criterionIds = ids;
        Language = language;
        UpdatedAt = at;
    }
}
