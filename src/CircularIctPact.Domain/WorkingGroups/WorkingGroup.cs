using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.WorkingGroups;

public enum ParticipantRole
{
    Chair,
    Participant,
}

/// <summary>An international group of buyers, market parties, NGOs and policymakers working on one topic.</summary>
public sealed class WorkingGroup : Entity, IConcurrencyVersioned
{
    public const int NameMaxLength = 200;
    public const int TopicMaxLength = 300;
    public const int MandateMaxLength = 4000;

    private readonly List<WorkingGroupParticipant> _participants = [];

    private WorkingGroup()
    {
        Name = string.Empty;
        Topic = string.Empty;
    }

    public WorkingGroup(string name, string topic, string? mandate)
    {
        Name = Guard.Required(name, "Name", NameMaxLength);
        Topic = Guard.Required(topic, "Topic", TopicMaxLength);
        Mandate = Guard.Optional(mandate, "Mandate", MandateMaxLength);
    }

    public string Name { get; private set; }

    public string Topic { get; private set; }

    public string? Mandate { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<WorkingGroupParticipant> Participants => _participants.AsReadOnly();

    public void AddParticipant(Guid userId, ParticipantRole role)
    {
        if (_participants.Any(p => p.UserId == userId))
        {
            throw new DomainException("This person already takes part in the working group.", "Participant");
        }

        _participants.Add(new WorkingGroupParticipant(Id, userId, role));
    }

    public void RemoveParticipant(Guid userId)
    {
        var participant = _participants.SingleOrDefault(p => p.UserId == userId)
            ?? throw new DomainException("This person does not take part in the working group.", "Participant");
        _participants.Remove(participant);
    }
}

/// <summary>A portal user taking part in a working group, as chair or participant.</summary>
public sealed class WorkingGroupParticipant
{
    private WorkingGroupParticipant()
    {
    }

    internal WorkingGroupParticipant(Guid workingGroupId, Guid userId, ParticipantRole role)
    {
        WorkingGroupId = workingGroupId;
        UserId = userId;
        Role = role;
    }

    public Guid WorkingGroupId { get; private set; }

    public Guid UserId { get; private set; }

    public ParticipantRole Role { get; private set; }
}
