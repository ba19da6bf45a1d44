using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>The form fields that the rules of one criterion of a set: its texts and classification name.</summary>
public static class CriterionFields
{
    public static readonly FormField Title = new("Title");
    public static readonly FormField Requirement = new("Requirement");
    public static readonly FormField Verification = new("Verification");
    public static readonly FormField ContractManagement = new("Contract management");
    public static readonly FormField ExplanatoryNote = new("Explanatory note");
    public static readonly FormField MarketReadiness = new("Market readiness");
    public static readonly FormField References = new("References");
    public static readonly FormField Language = new("Language");
}
