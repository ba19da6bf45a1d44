using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.BuyerGroups;

/// <summary>A national or regional network of buying organisations set up by a signatory.</summary>
public sealed class BuyerGroup : Entity, IConcurrencyVersioned
{
    public const int NameMaxLength = 200;
    public const int OrganisationMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    private readonly List<BuyerGroupTier> _tiers = [];
    private readonly List<BuyerGroupCoordinator> _coordinators = [];

    private BuyerGroup()
    {
        Name = string.Empty;
        CoordinatingOrganisation = string.Empty;
    }

    public BuyerGroup(Guid signatoryId, string name, string coordinatingOrganisation, string? description)
    {
        SignatoryId = signatoryId;
        Name = Guard.Required(name, "Name", NameMaxLength);
        CoordinatingOrganisation = Guard.Required(coordinatingOrganisation, "Coordinating organisation", OrganisationMaxLength);
        Description = Guard.Optional(description, "Description", DescriptionMaxLength);
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

    public uint Version { get; private set; }

    public IReadOnlyCollection<BuyerGroupTier> Tiers => _tiers.AsReadOnly();

    public IReadOnlyCollection<BuyerGroupCoordinator> Coordinators => _coordinators.AsReadOnly();

    public void Describe(string name, string coordinatingOrganisation, IEnumerable<string> supportingOrganisations, string? description)
    {
        Name = Guard.Required(name, "Name", NameMaxLength);
        CoordinatingOrganisation = Guard.Required(coordinatingOrganisation, "Coordinating organisation", OrganisationMaxLength);
        SupportingOrganisations = [.. supportingOrganisations
            .Select(organisation => Guard.Required(organisation, "Supporting organisation", OrganisationMaxLength))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
        Description = Guard.Optional(description, "Description", DescriptionMaxLength);
    }

    public BuyerGroupTier AddTier(string name)
    {
        var trimmed = Guard.Required(name, "Tier", BuyerGroupTier.NameMaxLength);
        if (_tiers.Any(tier => string.Equals(tier.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"The group already has a tier called '{trimmed}'.", "Tier");
        }

        var tier = new BuyerGroupTier(Id, trimmed, _tiers.Count == 0 ? 1 : _tiers.Max(t => t.Order) + 1);
        _tiers.Add(tier);
        return tier;
    }

    public void AssignCoordinator(Guid userId)
    {
        if (_coordinators.Any(coordinator => coordinator.UserId == userId))
        {
            throw new DomainException("This person already coordinates the group.", "Coordinator");
        }

        _coordinators.Add(new BuyerGroupCoordinator(Id, userId));
    }

    public void RemoveCoordinator(Guid userId)
    {
        var coordinator = _coordinators.SingleOrDefault(c => c.UserId == userId)
            ?? throw new DomainException("This person does not coordinate the group.", "Coordinator");
        _coordinators.Remove(coordinator);
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
