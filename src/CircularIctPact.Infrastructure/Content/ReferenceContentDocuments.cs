namespace CircularIctPact.Infrastructure.Content;

/// <summary>
/// <c>content/signatories.json</c>: the countries, regions and organisations that signed (or may sign) the pact.
/// Enum values are written as the domain names them (NationalGovernment, CoLead, InTalks, …).
/// </summary>
public sealed record SignatoriesDocument(List<SignatoryEntry> Signatories);

/// <summary>
/// A signatory, found again by its name; <see cref="CountryCode"/> is ISO 3166-1 alpha-2 (required for a national government).
/// </summary>
public sealed record SignatoryEntry(string Name, string Kind, string Role, string? CountryCode, List<SignatoryStatusEntry> StatusHistory);

/// <summary>One step of a signatory's status history; <see cref="On"/> is ISO 8601 (yyyy-MM-dd). The first step carries no note.</summary>
public sealed record SignatoryStatusEntry(string Status, string On, string? Note);

/// <summary><c>content/buyer-groups.json</c>: the national and regional buyer groups.</summary>
public sealed record BuyerGroupsDocument(List<BuyerGroupEntry> BuyerGroups);

/// <summary>
/// A buyer group, found again by its name; <see cref="Signatory"/> is the name of the signatory that set it up, and
/// <see cref="Tiers"/> its levels of engagement in order (e.g. Leading group, Peloton).
/// </summary>
public sealed record BuyerGroupEntry(
    string Name,
    string Signatory,
    string CoordinatingOrganisation,
    List<string> SupportingOrganisations,
    string? Description,
    List<string> Tiers);

/// <summary><c>content/working-groups.json</c>: the pact's international working groups.</summary>
public sealed record WorkingGroupsDocument(List<WorkingGroupEntry> WorkingGroups);

/// <summary>A working group, found again by its name; <see cref="Mandate"/> is its purpose.</summary>
public sealed record WorkingGroupEntry(string Name, string Topic, string? Mandate);
