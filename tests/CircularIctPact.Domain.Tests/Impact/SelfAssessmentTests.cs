using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Impact;

namespace CircularIctPact.Domain.Tests.Impact;

public sealed class SelfAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Procurer = Guid.NewGuid();

    private static IEnumerable<ThemeAnswer> AllThemes(int score) =>
        Enum.GetValues<AssessmentTheme>().Select(theme => new ThemeAnswer(theme, score, null));

    [Fact]
    public void A_submitted_self_assessment_can_no_longer_be_changed()
    {
        var assessment = new SelfAssessment(Guid.NewGuid(), 2026, Now);
        assessment.Answer(AllThemes(3), Procurer, Now);
        assessment.Submit(Procurer, Now);

        var error = Assert.Throws<DomainException>(() => assessment.Answer(AllThemes(4), Procurer, Now));

        Assert.Contains("submitted", error.Message, StringComparison.Ordinal);
        Assert.Equal(SelfAssessmentStatus.Submitted, assessment.Status);
    }

    [Fact]
    public void Submitting_with_an_unanswered_theme_names_that_theme()
    {
        var assessment = new SelfAssessment(Guid.NewGuid(), 2026, Now);
        assessment.Answer(AllThemes(2).Where(a => a.Theme != AssessmentTheme.FairSupplyChain), Procurer, Now);

        var error = Assert.Throws<DomainException>(() => assessment.Submit(Procurer, Now));

        Assert.Equal(SelfAssessmentFields.Score(AssessmentTheme.FairSupplyChain), error.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Scores_outside_the_scale_are_rejected(int score)
    {
        var assessment = new SelfAssessment(Guid.NewGuid(), 2026, Now);

        var error = Assert.Throws<DomainException>(() => assessment.Answer(
            [new ThemeAnswer(AssessmentTheme.DeviceLifetime, score, null)], Procurer, Now));

        Assert.Equal(SelfAssessmentFields.Score(AssessmentTheme.DeviceLifetime), error.Field);
    }

    [Fact]
    public void A_future_year_is_rejected() =>
        Assert.Throws<DomainException>(() => new SelfAssessment(Guid.NewGuid(), 2027, Now));
}
