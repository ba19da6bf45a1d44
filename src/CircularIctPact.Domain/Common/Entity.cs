namespace CircularIctPact.Domain.Common;

/// <summary>Base for aggregates and entities identified by a time-ordered GUID.</summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}
