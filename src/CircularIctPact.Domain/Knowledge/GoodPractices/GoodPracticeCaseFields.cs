using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Knowledge.GoodPractices;

/// <summary>The form fields that the rules of good-practice cases and their review name.</summary>
public static class GoodPracticeCaseFields
{
    public static readonly FormField Title = new("Title");
    public static readonly FormField Context = new("Context");
    public static readonly FormField Approach = new("Approach");
    public static readonly FormField Results = new("Results");
    public static readonly FormField Impact = new("Impact");
    public static readonly FormField LessonsLearned = new("Lessons learned");
    public static readonly FormField ContactName = new("Contact name");
    public static readonly FormField ContactEmail = new("Contact e-mail");
    public static readonly FormField Status = new("Status");
    public static readonly FormField Comment = new("Comment");
}
