using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Domain.Consultations;

/// <summary>Where a consultation stands at a moment; derived from its dates, never stored.</summary>
public enum ConsultationPhase
{
    NotYetOpen,
    Open,
    Closed,
}

/// <summary>
/// The secretariat asks members and working-group participants to comment on a draft (or in-review) criteria set
/// between two moments. The end can be moved: closed early or extended.
/// </summary>
public sealed class Consultation : Entity, IConcurrencyVersioned
{
    private Consultation()
    {
    }

    public Consultation(CriteriaSet set, DateTimeOffset opensAt, DateTimeOffset closesAt, Guid openedByUserId, DateTimeOffset now)
    {
        if (set.Status is not (CriteriaSetStatus.Draft or CriteriaSetStatus.InReview))
        {
            throw new DomainException(
                ConsultationFields.CriteriaSet,
                "Version {0} is {1}; only a draft or a version in review can be put to consultation.",
                set.Number,
                set.Status.ToString().ToLowerInvariant());
        }

        // A past end date is the likelier mistake, so it is named first.
        if (closesAt <= now)
        {
            throw new DomainException(ConsultationFields.ClosesAt, "The end date must lie in the future.");
        }

        EnsureEndAfter(opensAt, closesAt);

        CriteriaSetId = set.Id;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        OpenedByUserId = openedByUserId;
    }

    public Guid CriteriaSetId { get; private set; }

    public DateTimeOffset OpensAt { get; private set; }

    public DateTimeOffset ClosesAt { get; private set; }

    public Guid OpenedByUserId { get; private set; }

    public uint Version { get; private set; }

    public ConsultationPhase PhaseAt(DateTimeOffset now) =>
        now < OpensAt ? ConsultationPhase.NotYetOpen : now < ClosesAt ? ConsultationPhase.Open : ConsultationPhase.Closed;

    /// <summary>Ends the consultation now, before its planned end.</summary>
    public void CloseEarly(DateTimeOffset now)
    {
        if (PhaseAt(now) == ConsultationPhase.Closed)
        {
            throw new DomainException(ConsultationFields.ClosesAt, "This consultation has already closed.");
        }

        if (OpensAt > now)
        {
            OpensAt = now;
        }

        ClosesAt = now;
    }

    /// <summary>Moves the end to a later moment, also to reopen a consultation that closed.</summary>
    public void Extend(DateTimeOffset closesAt, DateTimeOffset now)
    {
        if (closesAt <= ClosesAt || closesAt <= now)
        {
            throw new DomainException(
                ConsultationFields.ClosesAt,
                "The new end date must be later than the current end and lie in the future.");
        }

        ClosesAt = closesAt;
    }

    private static void EnsureEndAfter(DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        if (closesAt <= opensAt)
        {
            throw new DomainException(ConsultationFields.ClosesAt, "The consultation must end after it opens.");
        }
    }
}
