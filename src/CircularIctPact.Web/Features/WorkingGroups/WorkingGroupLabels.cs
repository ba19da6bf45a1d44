using CircularIctPact.Domain.WorkingGroups;

namespace CircularIctPact.Web.Features.WorkingGroups;

/// <summary>The English texts (also the resource keys) of the working-group enums.</summary>
public static class WorkingGroupLabels
{
    public static string Of(OutcomeType type) => type switch
    {
        OutcomeType.Decision => "Decision",
        OutcomeType.Recommendation => "Recommendation",
        OutcomeType.CriteriaProposal => "Criteria proposal",
        OutcomeType.Report => "Report",
        _ => "Position paper",
    };

    public static string Of(OutcomeVisibility visibility) => visibility switch
    {
        OutcomeVisibility.WorkingGroup => "Working group only",
        OutcomeVisibility.AllMembers => "All members",
        _ => "Public",
    };

    public static string Of(OutcomeStatus status) => status == OutcomeStatus.Draft ? "Draft" : "Published";

    public static string Of(ActionItemStatus status) => status switch
    {
        ActionItemStatus.Open => "Open",
        ActionItemStatus.Done => "Done",
        _ => "Cancelled",
    };

    public static string Of(ParticipantRole role) => role == ParticipantRole.Chair ? "Chair" : "Participant";

    public static string Of(StakeholderType type) => type switch
    {
        StakeholderType.MemberOrganisation => "Member organisation (buyer)",
        StakeholderType.MarketParty => "Market party",
        StakeholderType.Ngo => "NGO",
        StakeholderType.NonProfit => "Non-profit organisation",
        StakeholderType.Policymaker => "Policymaker",
        _ => "Researcher",
    };
}
