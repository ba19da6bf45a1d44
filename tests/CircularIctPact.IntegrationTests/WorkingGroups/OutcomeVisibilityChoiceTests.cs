using System.Globalization;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.WorkingGroups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.IntegrationTests.WorkingGroups;

/// <summary>Who may read a published outcome is chosen on purpose, and the confirmation of publishing says who that is.</summary>
public sealed class OutcomeVisibilityChoiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_outcome_without_a_chosen_audience_is_refused_beside_the_choice()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        var draft = new OutcomeDraft("Undecided audience", OutcomeType.Decision, "Text", null, null, null);

        var error = await Assert.ThrowsAsync<DomainException>(() => s.Workspace(w => w.CreateOutcomeAsync(s.Chair, s.GroupA, draft)));

        Assert.Equal(WorkingGroupOutcomeFields.Visibility, error.Field);
        Assert.Equal("Choose who may read the outcome once it is published.", error.Message);
    }

    [Fact]
    public async Task Editing_an_outcome_cannot_drop_its_audience()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        var outcomeId = await s.OutcomeAsync("Chosen audience", OutcomeVisibility.AllMembers, publish: false);
        var outcome = await s.Directory(d => d.GetOutcomeAsync(outcomeId, s.Chair));
        var draft = new OutcomeDraft("Chosen audience", OutcomeType.Decision, "Text", null, null, null);

        var error = await Assert.ThrowsAsync<DomainException>(
            () => s.Workspace(w => w.EditOutcomeAsync(s.Chair, outcomeId, outcome.RowVersion, draft)));

        Assert.Equal(WorkingGroupOutcomeFields.Visibility, error.Field);
    }

    [Theory]
    [InlineData(OutcomeVisibility.WorkingGroup, "Only the participants of this working group", "Alleen de deelnemers van deze werkgroep")]
    [InlineData(OutcomeVisibility.AllMembers, "the people of all member organisations", "de mensen van alle lidorganisaties")]
    [InlineData(OutcomeVisibility.Public, "Everyone can now read it", "Iedereen kan het nu lezen")]
    public void The_confirmation_of_publishing_says_who_can_now_read_the_outcome(OutcomeVisibility visibility, string english, string dutch)
    {
        var texts = portal.Services.GetRequiredService<IStringLocalizer<WorkingGroupsText>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Contains(english, texts[WorkspacePage.PublishedNotice(visibility)].Value, StringComparison.Ordinal);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");
            Assert.Contains(dutch, texts[WorkspacePage.PublishedNotice(visibility)].Value, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
