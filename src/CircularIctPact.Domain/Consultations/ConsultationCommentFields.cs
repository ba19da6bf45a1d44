using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Consultations;

/// <summary>The form fields that the rules of comments given in a consultation and their answers name.</summary>
public static class ConsultationCommentFields
{
    public static readonly FormField Text = new("Text");
    public static readonly FormField Criterion = new("Criterion");
    public static readonly FormField Organisation = new("Organisation");
    public static readonly FormField Comment = new("Comment");
    public static readonly FormField State = new("State");
    public static readonly FormField Answer = new("Answer");
}
