namespace CircularIctPact.Domain.Common;

/// <summary>Marks aggregates that carry a PostgreSQL row version used for optimistic concurrency.</summary>
public interface IConcurrencyVersioned
{
    uint Version { get; }
}
