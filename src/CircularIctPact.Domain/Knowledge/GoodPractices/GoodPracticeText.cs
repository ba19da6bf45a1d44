using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Knowledge.GoodPractices;

/// <summary>The sections of a good-practice case, in the language its author wrote them in or a translation.</summary>
public sealed record GoodPracticeText(
    string? Title,
    string? Context,
    string? Approach,
    string? Results,
    string? Impact,
    string? LessonsLearned) : IContentText<GoodPracticeText>
{
    public GoodPracticeText Checked(RuleViolations rules, FormField? group)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(
            rules.Required(Title, GoodPracticeCaseFields.Title.Within(group), GoodPracticeCase.TitleMaxLength),
            rules.Required(Context, GoodPracticeCaseFields.Context.Within(group), GoodPracticeCase.TextMaxLength),
            rules.Required(Approach, GoodPracticeCaseFields.Approach.Within(group), GoodPracticeCase.TextMaxLength),
            rules.Required(Results, GoodPracticeCaseFields.Results.Within(group), GoodPracticeCase.TextMaxLength),
            rules.Required(Impact, GoodPracticeCaseFields.Impact.Within(group), GoodPracticeCase.TextMaxLength),
            rules.Required(LessonsLearned, GoodPracticeCaseFields.LessonsLearned.Within(group), GoodPracticeCase.TextMaxLength));
    }
}
