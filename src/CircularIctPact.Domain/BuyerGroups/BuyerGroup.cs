using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.BuyerGroups;

/// <summary>A national or regional network of buying organisations set up by a signatory.</summary>
public sealed class BuyerGroup : Entity, IConcurrencyVersioned
{
    public const int NameMaxLength = 200;
    public const int OrganisationMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int ArchiveReasonMaxLength = 1000;

    private readonly List<BuyerGroupTier> _tiers = [];
    private readonly List<BuyerGroupCoordinator> _coordinators = [];
    private readonly List<BuyerGroupDocument> _documents = [];

    private BuyerGroup()
    {
        Name = string.Empty;
        CoordinatingOrganisation = string.Empty;
    }

    public BuyerGroup(Guid signatoryId, string name, string coordinatingOrganisation, string? description)
    {
        SignatoryId = signatoryId;
        Name = Guard.Required(name, BuyerGroupFields.Name, NameMaxLength);
        CoordinatingOrganisation =
            Guard.Required(coordinatingOrganisation, BuyerGroupFields.CoordinatingOrganisation, OrganisationMaxLength);
        Description = Guard.Optional(description, BuyerGroupFields.Description, DescriptionMaxLength);
        _tiers.Add(new BuyerGroupTier(Id, BuyerGroupTier.LeadingGroup, 1));
        _tiers.Add(new BuyerGroupTier(Id, BuyerGroupTier.Peloton, 2));
    }

    public Guid SignatoryId { get; private set; }

    public string Name { get; private set; }

    public string CoordinatingOrganisation { get; private set; }

    /// <summary>Organisations that support the coordinator, e.g. a knowledge centre; kept as names.</summary>
    public List<string> SupportingOrganisations { get; private set; } = [];

    public string? Description { get; private set; }

    public bool IsArchived { get; private set; }

    public DateOnly? ArchivedOn { get; private set; }

    public string? ArchiveReason { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<BuyerGroupTier> Tiers => _tiers.AsReadOnly();

    public IReadOnlyCollection<BuyerGroupCoordinator> Coordinators => _coordinators.AsReadOnly();

    public IReadOnlyCollection<BuyerGroupDocument> Documents => _documents.AsReadOnly();

    public void Describe(string name, string coordinatingOrganisation, IEnumerable<string> supportingOrganisations, string? description)
    {
        Name = Guard.Required(name, BuyerGroupFields.Name, NameMaxLength);
        CoordinatingOrganisation =
            Guard.Required(coordinatingOrganisation, BuyerGroupFields.CoordinatingOrganisation, OrganisationMaxLength);
        SupportingOrganisations = [.. supportingOrganisations
            .Select(organisation => Guard.Required(organisation, BuyerGroupFields.SupportingOrganisation, OrganisationMaxLength))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
        Description = Guard.Optional(description, BuyerGroupFields.Description, DescriptionMaxLength);
    }

    public BuyerGroupTier AddTier(string name)
    {
        var trimmed = Guard.Required(name, BuyerGroupFields.Tier, BuyerGroupTier.NameMaxLength);
        if (_tiers.Any(tier => string.Equals(tier.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(BuyerGroupFields.Tier, "The group already has a tier called '{0}'.", trimmed);
        }

        var tier = new BuyerGroupTier(Id, trimmed, _tiers.Count == 0 ? 1 : _tiers.Max(t => t.Order) + 1);
        _tiers.Add(tier);
        return tier;
    }

    public void RenameTier(Guid tierId, string name)
    {
        var tier = FindTier(tierId);
        var trimmed = Guard.Required(name, BuyerGroupFields.Tier, BuyerGroupTier.NameMaxLength);
        if (_tiers.Any(other => other.Id != tierId && string.Equals(other.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(BuyerGroupFields.Tier, "The group already has a tier called '{0}'.", trimmed);
        }

        tier.Rename(trimmed);
    }

    /// <summary>Moves a tier one place up (towards the first) or down the list.</summary>
    public void MoveTier(Guid tierId, bool up)
    {
        var ordered = _tiers.OrderBy(t => t.Order).ToList();
        var index = ordered.IndexOf(FindTier(tierId));
        var neighbour = up ? index - 1 : index + 1;
        if (neighbour < 0 || neighbour >= ordered.Count)
        {
            throw up
                ? new DomainException(BuyerGroupFields.Tier, "This tier is already the first.")
                : new DomainException(BuyerGroupFields.Tier, "This tier is already the last.");
        }

        (ordered[index], ordered[neighbour]) = (ordered[neighbour], ordered[index]);
        Renumber(ordered);
    }

    /// <summary>
    /// Removes a tier that no member organisation is placed in; <paramref name="membersInTier"/> counts members of any status.
    /// </summary>
    public BuyerGroupTier RemoveTier(Guid tierId, int membersInTier)
    {
        var tier = FindTier(tierId);
        if (membersInTier > 0)
        {
            throw membersInTier == 1
                ? new DomainException(
                    BuyerGroupFields.Tier,
                    "The tier '{0}' cannot be removed: 1 member organisation is placed in it. Move them to another tier first.",
                    tier.Name)
                : new DomainException(
                    BuyerGroupFields.Tier,
                    "The tier '{0}' cannot be removed: {1} member organisations are placed in it. Move them to another tier first.",
                    tier.Name,
                    membersInTier);
        }

        _tiers.Remove(tier);
        Renumber([.. _tiers.OrderBy(t => t.Order)]);
        return tier;
    }

    public BuyerGroupDocument AddDocument(string title, Guid storedDocumentId, bool isPublic, DateTimeOffset addedAt)
    {
        var document = new BuyerGroupDocument(
            Id,
            Guard.Required(title, BuyerGroupFields.Title, BuyerGroupDocument.TitleMaxLength),
            storedDocumentId,
            isPublic,
            addedAt);
        _documents.Add(document);
        return document;
    }

    /// <summary>Archives the group instead of deleting it; members, documents and history stay.</summary>
    public void Archive(string reason, DateOnly on)
    {
        if (IsArchived)
        {
            throw new DomainException(BuyerGroupFields.Reason, "The buyer group is already archived.");
        }

        ArchiveReason = Guard.Required(reason, BuyerGroupFields.Reason, ArchiveReasonMaxLength);
        ArchivedOn = on;
        IsArchived = true;
    }

    public void AssignCoordinator(Guid userId)
    {
        if (_coordinators.Any(coordinator => coordinator.UserId == userId))
        {
            throw new DomainException(BuyerGroupFields.Coordinator, "This person already coordinates the group.");
        }

        _coordinators.Add(new BuyerGroupCoordinator(Id, userId));
    }

    public void RemoveCoordinator(Guid userId)
    {
        var coordinator = _coordinators.SingleOrDefault(c => c.UserId == userId)
            ?? throw new DomainException(BuyerGroupFields.Coordinator, "This person does not coordinate the group.");
        _coordinators.Remove(coordinator);
    }

    private BuyerGroupTier FindTier(Guid tierId) =>
        _tiers.SingleOrDefault(t => t.Id == tierId) ?? throw new DomainException(
            BuyerGroupFields.Tier,
            "This tier does not belong to the group.");

    private static void Renumber(List<BuyerGroupTier> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Reorder(i + 1);
        }
    }
}

/// <summary>A level of engagement within a buyer group, such as the leading group or the peloton.</summary>
public sealed class BuyerGroupTier : Entity
{
    public const int NameMaxLength = 100;
    public const string LeadingGroup = "Leading group";
    public const string Peloton = "Peloton";

    private BuyerGroupTier()
    {
        Name = string.Empty;
    }

    internal BuyerGroupTier(Guid buyerGroupId, string name, int order)
    {
        BuyerGroupId = buyerGroupId;
        Name = name;
        Order = order;
    }

    public Guid BuyerGroupId { get; private set; }

    public string Name { get; private set; }

    public int Order { get; private set; }

    internal void Rename(string name) => Name = name;

    internal void Reorder(int order) => Order = order;
}

/// <summary>A document of a buyer group, such as its market vision and strategy; public or for members only.</summary>
public sealed class BuyerGroupDocument : Entity
{
    public const int TitleMaxLength = 200;

    private BuyerGroupDocument()
    {
        Title = string.Empty;
    }

    internal BuyerGroupDocument(Guid buyerGroupId, string title, Guid storedDocumentId, bool isPublic, DateTimeOffset addedAt)
    {
        BuyerGroupId = buyerGroupId;
        Title = title;
        StoredDocumentId = storedDocumentId;
        IsPublic = isPublic;
        AddedAt = addedAt;
    }

    public Guid BuyerGroupId { get; private set; }

    public string Title { get; private set; }

    public Guid StoredDocumentId { get; private set; }

    /// <summary>Anyone may download a public document; otherwise only signed-in people on the buying side.</summary>
    public bool IsPublic { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}

/// <summary>Links a portal user to a buyer group they coordinate; this assignment is the coordinator's scope.</summary>
public sealed class BuyerGroupCoordinator
{
    private BuyerGroupCoordinator()
    {
    }

    internal BuyerGroupCoordinator(Guid buyerGroupId, Guid userId)
    {
        BuyerGroupId = buyerGroupId;
        UserId = userId;
    }

    public Guid BuyerGroupId { get; private set; }

    public Guid UserId { get; private set; }
}
