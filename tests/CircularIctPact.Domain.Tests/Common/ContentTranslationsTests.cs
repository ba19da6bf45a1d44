using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Events;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Domain.WorkingGroups;

namespace CircularIctPact.Domain.Tests.Common;

public sealed class ContentTranslationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static readonly LibraryItemText Dutch = new("Terugnameclausule", "Een clausule voor terugname.");

    private static LibraryItemDescription Description(CriteriaLanguage language, params Translation<LibraryItemText>[] translations) =>
        new(
            "Take-back clause", "A clause for take-back.", LibraryItemType.Template, language, null, [], KnowledgeVisibility.Public,
            translations);

    private static LibraryItem Item(CriteriaLanguage language, params Translation<LibraryItemText>[] translations) =>
        new(Description(language, translations), LibraryContent.Link("https://example.org/clause"), null, Guid.NewGuid(), "Sanne", Now);

    [Fact]
    public void A_library_item_keeps_its_original_language_and_its_translations()
    {
        var item = Item(CriteriaLanguage.En, new Translation<LibraryItemText>(CriteriaLanguage.Nl, Dutch));

        Assert.Equal(CriteriaLanguage.En, item.Language);
        Assert.Equal("Take-back clause", item.Title);
        Assert.Equal([new Translation<LibraryItemText>(CriteriaLanguage.Nl, Dutch)], item.Translations);
    }

    [Fact]
    public void A_reader_gets_the_translation_into_their_language()
    {
        var item = Item(CriteriaLanguage.En, new Translation<LibraryItemText>(CriteriaLanguage.Nl, Dutch));

        Assert.Equal(new Translation<LibraryItemText>(CriteriaLanguage.Nl, Dutch), item.TextFor(CriteriaLanguage.Nl));
    }

    [Fact]
    public void A_reader_of_a_language_without_translation_gets_the_original_in_its_language()
    {
        var item = Item(CriteriaLanguage.En, new Translation<LibraryItemText>(CriteriaLanguage.Nl, Dutch));

        var shown = item.TextFor(CriteriaLanguage.De);

        Assert.Equal(CriteriaLanguage.En, shown.Language);
        Assert.Equal("Take-back clause", shown.Text.Title);
    }

    [Fact]
    public void A_translation_into_the_original_language_is_refused()
    {
        var error = Assert.Throws<DomainException>(
            () => Item(CriteriaLanguage.Nl, new Translation<LibraryItemText>(CriteriaLanguage.Nl, Dutch)));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("Translations[nl].Language", violation.Field?.Key);
        Assert.Equal("The text is already written in this language; a translation must be into another language.", violation.Format);
    }

    [Fact]
    public void A_translation_into_a_language_the_portal_does_not_have_is_refused()
    {
        var error = Assert.Throws<DomainException>(
            () => Item(CriteriaLanguage.En, new Translation<LibraryItemText>((CriteriaLanguage)42, Dutch)));

        Assert.Equal("A translation can only be into English, Dutch, French or German.", Assert.Single(error.Violations).Format);
        Assert.Equal(CommonFields.Language, error.Field);
    }

    [Fact]
    public void An_original_in_a_language_the_portal_does_not_have_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Item((CriteriaLanguage)42));

        Assert.Equal("Choose the language the text is written in.", Assert.Single(error.Violations).Format);
    }

    [Fact]
    public void A_second_translation_into_the_same_language_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Item(
            CriteriaLanguage.En,
            new Translation<LibraryItemText>(CriteriaLanguage.Nl, Dutch),
            new Translation<LibraryItemText>(CriteriaLanguage.Nl, Dutch with { Title = "Andere titel" })));

        Assert.Equal("There is already a translation into this language.", Assert.Single(error.Violations).Format);
    }

    [Fact]
    public void A_translation_follows_the_rules_of_the_original_text_with_its_fields_inside_the_translation()
    {
        var error = Assert.Throws<DomainException>(() => Item(
            CriteriaLanguage.En,
            new Translation<LibraryItemText>(
                CriteriaLanguage.Fr,
                new LibraryItemText(" ", new string('x', LibraryItem.DescriptionMaxLength + 1)))));

        Assert.Equal(
            ["Translations[fr].Title", "Translations[fr].Description"],
            error.Violations.Select(violation => violation.Field?.Key));
    }

    [Fact]
    public void The_original_text_stays_required_when_translations_are_given()
    {
        var error = Assert.Throws<DomainException>(() => new LibraryItem(
            Description(CriteriaLanguage.En, new Translation<LibraryItemText>(CriteriaLanguage.Nl, Dutch)) with { Title = null },
            LibraryContent.Link("https://example.org/clause"),
            null,
            Guid.NewGuid(),
            "Sanne",
            Now));

        Assert.Equal(LibraryItemFields.Title, Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Translations_are_kept_trimmed_in_the_portal_order_of_languages()
    {
        var item = Item(
            CriteriaLanguage.En,
            new Translation<LibraryItemText>(CriteriaLanguage.De, new LibraryItemText(" Rücknahmeklausel ", "Eine Klausel.")),
            new Translation<LibraryItemText>(CriteriaLanguage.Nl, Dutch));

        Assert.Equal([CriteriaLanguage.Nl, CriteriaLanguage.De], item.Translations.Select(t => t.Language));
        Assert.Equal("Rücknahmeklausel", item.Translations[1].Text.Title);
    }

    [Fact]
    public void Describing_again_without_translations_removes_them()
    {
        var item = Item(CriteriaLanguage.En, new Translation<LibraryItemText>(CriteriaLanguage.Nl, Dutch));

        item.Describe(Description(CriteriaLanguage.En), Now);

        Assert.Empty(item.Translations);
    }

    [Fact]
    public void An_event_refuses_a_translation_into_its_own_language_together_with_its_other_problems()
    {
        var details = new EventDetails(
            "Repairability in practice", "How buyers ask for spare parts.", EventKind.Webinar, Now, Now.AddHours(-1), "UTC",
            "https://meet.example/repair", null, 30, EventAudience.Public, CriteriaLanguage.Fr,
            [new Translation<EventText>(CriteriaLanguage.Fr, new EventText("La réparabilité", "Comment demander."))]);

        var error = Assert.Throws<DomainException>(() => new PactEvent(details, Guid.NewGuid(), null, null));

        Assert.Equal(
            ["Translations[fr].Language", PactEventFields.EndsAt.Key],
            error.Violations.Select(violation => violation.Field?.Key));
    }

    [Fact]
    public void An_outcome_is_written_in_the_chosen_language_and_read_in_its_translation()
    {
        var outcome = new WorkingGroupOutcome(
            Guid.NewGuid(), null, "Reserveonderdelen zeven jaar", OutcomeType.Recommendation, "Vraag erom.", OutcomeVisibility.Public,
            null, CriteriaLanguage.Nl,
            [new Translation<OutcomeText>(CriteriaLanguage.En, new OutcomeText("Spare parts for seven years", "Ask."))]);

        Assert.Equal(CriteriaLanguage.Nl, outcome.Language);
        Assert.Equal("Spare parts for seven years", outcome.TextFor(CriteriaLanguage.En).Text.Title);
        Assert.Equal(CriteriaLanguage.Nl, outcome.TextFor(CriteriaLanguage.Fr).Language);
    }

    [Fact]
    public void A_working_group_translation_may_leave_out_the_mandate_but_not_the_name()
    {
        var group = new WorkingGroup("Fair supply chains", "Labour rights", "Agree contract clauses.");

        var error = Assert.Throws<DomainException>(() => group.Describe(
            CriteriaLanguage.En,
            new WorkingGroupText(group.Name, group.Topic, group.Mandate),
            [new Translation<WorkingGroupText>(CriteriaLanguage.Nl, new WorkingGroupText(null, "Arbeidsrechten", null))]));

        Assert.Equal("Translations[nl].Name", Assert.Single(error.Violations).Field?.Key);
        Assert.Equal(CriteriaLanguage.En, group.Language);
        Assert.Empty(group.Translations);
    }

    [Fact]
    public void A_good_practice_case_checks_every_section_of_a_translation()
    {
        var content = new GoodPracticeContent(
            "Six years", "Context", "Approach", "Results", "Impact", "Lessons", null, [], "Fatima", "fatima@example.org",
            KnowledgeVisibility.Public, CriteriaLanguage.En,
            [new Translation<GoodPracticeText>(CriteriaLanguage.Nl, new GoodPracticeText("Zes jaar", "Context", null, null, null, null))]);

        var error = Assert.Throws<DomainException>(
            () => new GoodPracticeCase(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), content, Now));

        Assert.Equal(
            ["Translations[nl].Approach", "Translations[nl].Results", "Translations[nl].Impact", "Translations[nl].Lessons learned"],
            error.Violations.Select(violation => violation.Field?.Key));
    }
}
