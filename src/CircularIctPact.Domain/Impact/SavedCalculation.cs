using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Impact;

/// <summary>A signed-in person's named life-cycle calculation, kept as the calculator's query (the same text as its share link).</summary>
public sealed class SavedCalculation : Entity, IConcurrencyVersioned
{
    public const int NameMaxLength = 120;
    public const int QueryMaxLength = 4000;

    private SavedCalculation()
    {
        Name = string.Empty;
        Query = string.Empty;
    }

    public SavedCalculation(Guid ownerUserId, string name, string query, DateTimeOffset at)
    {
        OwnerUserId = ownerUserId;
        Name = Guard.Required(name, SavedCalculationFields.Name, NameMaxLength);
        CreatedAt = at;
        Query = string.Empty;
        Replace(query, at);
    }

    public Guid OwnerUserId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The calculator's query string without the leading "?".</summary>
    public string Query { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Replace(string query, DateTimeOffset at)
    {
        Query = Guard.Required(query?.TrimStart('?'), SavedCalculationFields.Calculation, QueryMaxLength);
        UpdatedAt = at;
    }
}
