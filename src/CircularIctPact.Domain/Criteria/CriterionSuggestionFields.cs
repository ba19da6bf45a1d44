using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>The form fields that the rules of suggested changes to published criteria name.</summary>
public static class CriterionSuggestionFields
{
    public static readonly FormField Proposal = new("Proposal");
    public static readonly FormField Reason = new("Reason");
    public static readonly FormField Draft = new("Draft");
    public static readonly FormField Note = new("Note");
    public static readonly FormField Status = new("Status");
}
