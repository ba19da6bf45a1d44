using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Domain.Tests.Criteria;

public sealed class CriteriaSetTests
{
    private static readonly CriterionClassification Classification = new(
        CriterionTheme.Battery, AmbitionLevel.Core, CriterionType.TechnicalSpecification, PactStrategy.UseLonger, null);
    private static readonly CriterionContent English = new("Replaceable battery", "The battery can be replaced.", null, null, null, null);
    private static readonly Dictionary<CriteriaLanguage, string> Notes = new() { [CriteriaLanguage.En] = "Notes." };

    [Theory]
    [InlineData("1.10", "1.9")]
    [InlineData("2.0", "1.10")]
    [InlineData("10.0", "9.5")]
    public void Version_numbers_order_numerically(string higher, string lower)
    {
        Assert.True(CriteriaVersion.Parse(higher) > CriteriaVersion.Parse(lower));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("v2.0")]
    [InlineData("0.9")]
    [InlineData("2.0.1")]
    public void Malformed_version_numbers_are_refused(string value)
    {
        Assert.Equal(CriteriaSetFields.Version, Assert.Throws<DomainException>(() => CriteriaVersion.Parse(value)).Field);
    }

    [Theory]
    [InlineData("lap-rep-02", "LAP-REP-02")]
    [InlineData(" PHO-BAT-101 ", "PHO-BAT-101")]
    public void Criterion_codes_are_normalised(string input, string expected)
    {
        Assert.Equal(expected, CriterionCode.Parse(input).Value);
    }

    [Theory]
    [InlineData("LAP-REP-2")]
    [InlineData("LAPREP02")]
    [InlineData("LAP-REP-XX")]
    [InlineData("")]
    public void Invalid_criterion_codes_are_refused(string input)
    {
        Assert.Equal(CriteriaSetFields.Code, Assert.Throws<DomainException>(() => CriterionCode.Parse(input)).Field);
    }

    [Fact]
    public void Publishing_supersedes_the_previous_version_and_freezes_both()
    {
        var group = new ProductGroup("tablets", "Tablets");
        var first = Published(group, "1.0", new DateOnly(2025, 1, 1), null);
        var second = CriteriaSet.DraftFrom(first, CriteriaVersion.Parse("2.0"));
        second.SubmitForReview();

        second.Publish(new DateOnly(2026, 1, 1), Notes, first);

        Assert.Equal(CriteriaSetStatus.Superseded, first.Status);
        Assert.Equal(CriteriaSetStatus.Published, second.Status);
        var published = Assert.Throws<DomainException>(() => second.AddCriterion(
            CriterionCode.Parse("TAB-BAT-02"), Classification, English));
        Assert.Equal("Published version 2.0 cannot be changed; create a new draft version.", published.Message);
        Assert.Throws<DomainException>(() => first.Write(first.Criteria.First().Id, CriteriaLanguage.Nl, English));
    }

    [Fact]
    public void A_version_cannot_supersede_a_newer_one_or_skip_review()
    {
        var group = new ProductGroup("phones", "Phones");
        var newer = Published(group, "2.0", new DateOnly(2025, 1, 1), null);
        var older = CriteriaSet.NewDraft(group, CriteriaVersion.Parse("1.5"));
        older.AddCriterion(CriterionCode.Parse("PHO-BAT-01"), Classification, English);

        Assert.Throws<DomainException>(() => older.Publish(new DateOnly(2026, 1, 1), Notes, newer));
        older.SubmitForReview();
        Assert.Throws<DomainException>(() => older.Publish(new DateOnly(2026, 1, 1), Notes, newer));
        Assert.Equal(CriteriaSetStatus.Published, newer.Status);
    }

    [Fact]
    public void Draft_copies_criteria_and_translations_but_not_the_identity()
    {
        var group = new ProductGroup("tablets", "Tablets");
        var first = Published(group, "1.0", new DateOnly(2025, 1, 1), null);

        var draft = CriteriaSet.DraftFrom(first, CriteriaVersion.Parse("1.1"));

        var original = first.Criteria.Single();
        var copy = draft.Criteria.Single();
        Assert.NotEqual(original.Id, copy.Id);
        Assert.Equal(original.Code, copy.Code);
        Assert.Equal(original.TextIn(CriteriaLanguage.Nl)!.Content, copy.TextIn(CriteriaLanguage.Nl)!.Content);
        Assert.Equal(TranslationStatus.UpToDate, copy.TranslationStatusIn(CriteriaLanguage.Nl));
        Assert.Equal(TranslationStatus.Missing, copy.TranslationStatusIn(CriteriaLanguage.De));
        Assert.Throws<DomainException>(() => CriteriaSet.DraftFrom(first, CriteriaVersion.Parse("1.0")));
    }

    private static CriteriaSet Published(ProductGroup group, string version, DateOnly on, CriteriaSet? previous)
    {
        var set = CriteriaSet.NewDraft(group, CriteriaVersion.Parse(version));
        var criterion = set.AddCriterion(CriterionCode.Parse("TAB-BAT-01"), Classification, English);
        set.Write(
            criterion.Id,
            CriteriaLanguage.Nl,
            new CriterionContent("Vervangbare batterij", "De batterij is vervangbaar.", null, null, null, null));
        set.SubmitForReview();
        set.Publish(on, Notes, previous);
        return set;
    }
}
