namespace CircularIctPact.Domain.Events;

public enum RegistrationStatus
{
    Registered,
    Waiting,
    Cancelled,
}

/// <summary>One person's seat or waiting-list place for an event; changed only through its <see cref="PactEvent"/>.</summary>
public sealed class EventRegistration : Common.Entity
{
    private EventRegistration()
    {
    }

    internal EventRegistration(Guid eventId, Guid userId, RegistrationStatus status, DateTimeOffset at)
    {
        EventId = eventId;
        UserId = userId;
        Status = status;
        RegisteredAt = at;
    }

    public Guid EventId { get; private set; }

    public Guid UserId { get; private set; }

    public RegistrationStatus Status { get; private set; }

    /// <summary>When the person (last) registered; orders the waiting list.</summary>
    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Null until the organiser records attendance.</summary>
    public bool? Attended { get; private set; }

    internal void Renew(RegistrationStatus status, DateTimeOffset at)
    {
        Status = status;
        RegisteredAt = at;
        CancelledAt = null;
        Attended = null;
    }

    internal void Cancel(DateTimeOffset at)
    {
        Status = RegistrationStatus.Cancelled;
        CancelledAt = at;
        Attended = null;
    }

    internal void Promote() => Status = RegistrationStatus.Registered;

    internal void MarkAttended(bool attended) => Attended = attended;
}
