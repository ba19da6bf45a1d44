using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.WorkingGroups;

public enum ActionItemStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>Something a participant agreed to do at a meeting, by a date.</summary>
public sealed class ActionItem : Entity, IConcurrencyVersioned
{
    public const int DescriptionMaxLength = 1000;

    private ActionItem()
    {
        Description = string.Empty;
    }

    public ActionItem(Guid workingGroupId, Guid meetingId, string description, Guid ownerUserId, DateOnly dueOn)
    {
        WorkingGroupId = workingGroupId;
        MeetingId = meetingId;
        Description = string.Empty;
        Edit(description, ownerUserId, dueOn);
    }

    public Guid WorkingGroupId { get; private set; }

    public Guid MeetingId { get; private set; }

    public string Description { get; private set; }

    public Guid OwnerUserId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public ActionItemStatus Status { get; private set; }

    public uint Version { get; private set; }

    public bool IsOverdue(DateOnly today) => Status == ActionItemStatus.Open && DueOn < today;

    public void Edit(string description, Guid ownerUserId, DateOnly dueOn)
    {
        Description = Guard.Required(description, ActionItemFields.Description, DescriptionMaxLength);
        if (ownerUserId == Guid.Empty)
        {
            throw new DomainException(ActionItemFields.Owner, "Choose who owns this action.");
        }

        if (dueOn == default)
        {
            throw new DomainException(ActionItemFields.DueOn, "Choose a due date.");
        }

        OwnerUserId = ownerUserId;
        DueOn = dueOn;
    }

    public void ChangeStatus(ActionItemStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainException(ActionItemFields.Status, "Choose open, done or cancelled.");
        }

        Status = status;
    }
}
