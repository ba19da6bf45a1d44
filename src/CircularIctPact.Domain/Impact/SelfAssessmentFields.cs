using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Impact;

/// <summary>The form fields that the rules of self-assessments name.</summary>
public static class SelfAssessmentFields
{
    public static readonly FormField Year = new(nameof(SelfAssessment.Year));

    /// <summary>The score input of <paramref name="theme"/>, e.g. <c>DeviceLifetime.Score</c>.</summary>
    public static FormField Score(AssessmentTheme theme) => new($"{theme}.Score");

    /// <summary>The comment input of <paramref name="theme"/>, e.g. <c>DeviceLifetime.Comment</c>.</summary>
    public static FormField Comment(AssessmentTheme theme) => new($"{theme}.Comment");
}
