using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Domain.WorkingGroups;

public enum ParticipantRole
{
    Chair,
    Participant,
}

/// <summary>Which side of the market or society a participant speaks for.</summary>
public enum StakeholderType
{
    MemberOrganisation,
    MarketParty,
    Ngo,
    NonProfit,
    Policymaker,
    Researcher,
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
        Translations = [];
    }

    /// <summary>A new group described in English; <see cref="Describe"/> writes it in another language or adds translations.</summary>
    public WorkingGroup(string name, string topic, string? mandate)
        : this()
    {
        Describe(CriteriaLanguage.En, new WorkingGroupText(name, topic, mandate), []);
    }

    public string Name { get; private set; }

    public string Topic { get; private set; }

    public string? Mandate { get; private set; }

    /// <summary>The language <see cref="Name"/>, <see cref="Topic"/> and <see cref="Mandate"/> are written in.</summary>
    public CriteriaLanguage Language { get; private set; }

    /// <summary>Name, topic and mandate in other portal languages.</summary>
    public IReadOnlyList<Translation<WorkingGroupText>> Translations { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<WorkingGroupParticipant> Participants => _participants.AsReadOnly();

    /// <summary>The name, topic and mandate a reader of <paramref name="reader"/> gets, with the language they are in.</summary>
    public Translation<WorkingGroupText> TextFor(CriteriaLanguage reader) =>
        ContentTranslations.For(reader, Language, new WorkingGroupText(Name, Topic, Mandate), Translations);

    /// <summary>Says what the group is about in <paramref name="language"/>, with its translations into other portal languages.</summary>
    public void Describe(CriteriaLanguage language, WorkingGroupText text, IReadOnlyList<Translation<WorkingGroupText>>? translations)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new RuleViolations();
        var original = text.Checked(rules, null);
        var checkedTranslations = ContentTranslations.Checked(rules, language, translations);
        rules.ThrowIfAny();
        Name = original.Name!;
        Topic = original.Topic!;
        Mandate = original.Mandate;
        Language = language;
        Translations = checkedTranslations;
    }

    public void AddParticipant(
        Guid userId,
        ParticipantRole role,
        StakeholderType stakeholderType = StakeholderType.MemberOrganisation,
        string? organisation = null)
    {
        if (_participants.Any(p => p.UserId == userId))
        {
            throw new DomainException(WorkingGroupFields.Participant, "This person already takes part in the working group.");
        }

        _participants.Add(new WorkingGroupParticipant(Id, userId, role, stakeholderType, organisation));
    }

    public bool IsChair(Guid userId) => _participants.Any(p => p.UserId == userId && p.Role == ParticipantRole.Chair);

    /// <summary>Makes the person a chair: an existing participant is promoted, anyone else joins as chair.</summary>
    public void AssignChair(Guid userId, string? organisation)
    {
        var participant = _participants.SingleOrDefault(p => p.UserId == userId);
        if (participant is null)
        {
            AddParticipant(userId, ParticipantRole.Chair, StakeholderType.MemberOrganisation, organisation);
        }
        else if (participant.Role == ParticipantRole.Chair)
        {
            throw new DomainException(WorkingGroupFields.Chair, "This person already chairs the working group.");
        }
        else
        {
            participant.ChangeRole(ParticipantRole.Chair);
        }
    }

    /// <summary>The person stays in the group as an ordinary participant.</summary>
    public void RemoveChair(Guid userId)
    {
        var participant = _participants.SingleOrDefault(p => p.UserId == userId && p.Role == ParticipantRole.Chair)
            ?? throw new DomainException(WorkingGroupFields.Chair, "This person does not chair the working group.");
        participant.ChangeRole(ParticipantRole.Participant);
    }

    public void DescribeParticipant(Guid userId, StakeholderType stakeholderType, string? organisation)
    {
        var participant = _participants.SingleOrDefault(p => p.UserId == userId)
            ?? throw new DomainException(WorkingGroupFields.Participant, "This person does not take part in the working group.");
        participant.Describe(stakeholderType, organisation);
    }

    public void RemoveParticipant(Guid userId)
    {
        var participant = _participants.SingleOrDefault(p => p.UserId == userId)
            ?? throw new DomainException(WorkingGroupFields.Participant, "This person does not take part in the working group.");
        _participants.Remove(participant);
    }
}

/// <summary>A portal user taking part in a working group, as chair or participant.</summary>
public sealed class WorkingGroupParticipant
{
    private WorkingGroupParticipant()
    {
    }

    public const int OrganisationMaxLength = 200;

    internal WorkingGroupParticipant(
        Guid workingGroupId,
        Guid userId,
        ParticipantRole role,
        StakeholderType stakeholderType,
        string? organisation)
    {
        WorkingGroupId = workingGroupId;
        UserId = userId;
        Role = role;
        Describe(stakeholderType, organisation);
    }

    public Guid WorkingGroupId { get; private set; }

    public Guid UserId { get; private set; }

    public ParticipantRole Role { get; private set; }

    public StakeholderType StakeholderType { get; private set; }

    public string? Organisation { get; private set; }

    internal void ChangeRole(ParticipantRole role) => Role = role;

    internal void Describe(StakeholderType stakeholderType, string? organisation)
    {
        if (!Enum.IsDefined(stakeholderType))
        {
            throw new DomainException(WorkingGroupFields.StakeholderType, "Choose a stakeholder type.");
        }

        StakeholderType = stakeholderType;
        Organisation = Guard.Optional(organisation, WorkingGroupFields.Organisation, OrganisationMaxLength);
    }
}
