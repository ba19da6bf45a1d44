using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Consultations;

/// <summary>The form fields that the rules of consultations on a draft criteria set name.</summary>
public static class ConsultationFields
{
    public static readonly FormField CriteriaSet = new("CriteriaSet");
    public static readonly FormField ClosesAt = new("ClosesAt");
}
