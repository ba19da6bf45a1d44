using System.Net;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Criteria;

/// <summary>Suggestions work on smartphones only, so the laptop sets stay as seeded for other assertions in this database.</summary>
public sealed class SuggestionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Member_suggests_a_change_and_the_secretariat_links_it_to_the_next_draft()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);

        var id = await Suggestions(s => s.SubmitAsync(
            "smartphones",
            "2.0",
            "PHO-REP-02",
            "Require class A instead of B.",
            "Class A models are now on the market.",
            procurer));
        var open = (await Suggestions(s => s.ListAsync(admin))).Single(s => s.Id == id);
        Assert.Equal(SuggestionStatus.Open, open.Status);
        Assert.Equal("Fatima El Amrani", open.Author);

        var noDraft = await Assert.ThrowsAsync<DomainException>(() => Suggestions(s => s.AcceptAsync(id, open.RowVersion, null, admin)));
        Assert.Contains("no draft version", noDraft.Message, StringComparison.Ordinal);

        var draftId = await portal.WithServiceAsync<CriteriaEditor, Guid>(e => e.CreateDraftAsync("smartphones", null, admin));
        await Suggestions(s => s.AcceptAsync(id, open.RowVersion, "Taken up in 2.1.", admin));

        var linked = await Suggestions(s => s.ListAsync(admin, draftId));
        var accepted = Assert.Single(linked);
        Assert.Equal(SuggestionStatus.Accepted, accepted.Status);
        Assert.Equal("PHO-REP-02", accepted.Code);
        Assert.Equal("Taken up in 2.1.", accepted.TriageNote);
        await Assert.ThrowsAsync<DomainException>(
            () => Suggestions(s => s.RejectAsync(id, accepted.RowVersion, "Changed my mind.", admin)));
    }

    [Fact]
    public async Task Rejecting_needs_a_note_and_only_the_secretariat_triages()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var id = await Suggestions(
            s => s.SubmitAsync("smartphones", "2.0", "PHO-BAT-01", "Longer battery life.", "Users complain.", procurer));
        var open = (await Suggestions(s => s.ListAsync(admin))).Single(s => s.Id == id);

        await Assert.ThrowsAsync<ForbiddenException>(() => Suggestions(s => s.RejectAsync(id, open.RowVersion, "No.", procurer)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Suggestions(s => s.ListAsync(procurer)));
        var noNote = await Assert.ThrowsAsync<DomainException>(() => Suggestions(s => s.RejectAsync(id, open.RowVersion, " ", admin)));
        Assert.Equal(CriterionSuggestionFields.Note, noNote.Field);
        await Suggestions(s => s.RejectAsync(id, open.RowVersion, "Already covered by PHO-BAT-02.", admin));

        Assert.Equal(SuggestionStatus.Rejected, (await Suggestions(s => s.ListAsync(admin))).Single(s => s.Id == id).Status);
    }

    [Fact]
    public async Task Suggestions_need_a_signed_in_member_a_published_criterion_and_a_reason()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);

        await Assert.ThrowsAsync<ForbiddenException>(
            () => Suggestions(s => s.SubmitAsync("smartphones", "2.0", "PHO-REP-02", "x", "y", PortalFactoryExtensions.Anonymous)));
        await Assert.ThrowsAsync<NotFoundException>(
            () => Suggestions(s => s.SubmitAsync("smartphones", "9.0", "PHO-REP-02", "x", "y", procurer)));
        var unknown = await Assert.ThrowsAsync<DomainException>(
            () => Suggestions(s => s.SubmitAsync("smartphones", "2.0", "PHO-XYZ-01", "x", "y", procurer)));
        var noReason = await Assert.ThrowsAsync<DomainException>(
            () => Suggestions(s => s.SubmitAsync("smartphones", "2.0", "PHO-REP-01", "More parts.", "", procurer)));
        Assert.Equal(CriterionSuggestionFields.Proposal, unknown.Field);
        Assert.Equal(CriterionSuggestionFields.Reason, noReason.Field);
    }

    [Fact]
    public async Task Signed_in_member_suggests_through_the_form_on_the_criterion_page()
    {
        using var client = await SignedInClientAsync(DemoAccounts.CoordinatorBelgium);
        const string page = "/criteria/smartphones/2.0/PHO-LIF-01?lang=fr";

        var response = await FormSignIn.PostFormAsync(
            client,
            page,
            "suggestion",
            Suggestion("Five years of warranty instead of three.", "Belgian buyers already ask for five."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/criteria/smartphones/2.0/PHO-LIF-01?lang=fr&suggested=1", response.Headers.Location?.PathAndQuery);
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        Assert.Contains(await Suggestions(s => s.ListAsync(admin)), s => s.Code == "PHO-LIF-01" && s.Author == "Elise Peeters");
    }

    [Fact]
    public async Task A_refused_suggestion_comes_back_with_both_texts_as_typed_and_the_message_beside_its_field()
    {
        using var client = await SignedInClientAsync(DemoAccounts.CoordinatorBelgium);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        const string page = "/criteria/smartphones/2.0/PHO-REP-01?lang=nl";
        const string proposal = "Ask for spare batteries for seven years.";
        const string reason = "Batteries wear out first & schools keep phones longer.";

        var noReason = await FormSignIn.PostFormAsync(client, page, "suggestion", Suggestion(proposal, "   "));
        var noReasonHtml = await noReason.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains(
            $"name=\"Suggestion.Proposal\" class=\"form-control\" rows=\"4\" maxlength=\"4000\" required>{proposal}</textarea>",
            noReasonHtml,
            StringComparison.Ordinal);
        Assert.Contains(
            "name=\"Suggestion.Reason\" class=\"form-control\" rows=\"3\" maxlength=\"2000\" required aria-invalid=\"true\" "
                + "aria-describedby=\"e-reason\">   </textarea>",
            noReasonHtml,
            StringComparison.Ordinal);
        Assert.Contains(
            "<div id=\"e-reason\" class=\"validation-message\" role=\"alert\" data-testid=\"field-error\">Geef aan waarom dit moet "
                + "veranderen.</div>",
            noReasonHtml,
            StringComparison.Ordinal);
        Assert.Contains("action=\"/criteria/smartphones/2.0/PHO-REP-01?lang=nl#suggest-heading\"", noReasonHtml, StringComparison.Ordinal);

        var tooLong = string.Concat(Enumerable.Repeat("Seven years of batteries. ", 160));
        var refused = await FormSignIn.PostFormAsync(client, page, "suggestion", Suggestion(tooLong, reason));
        var refusedHtml = await refused.Content.ReadAsStringAsync();

        Assert.Contains($"aria-describedby=\"e-proposal\">{tooLong}</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains(
            "<div id=\"e-proposal\" class=\"validation-message\" role=\"alert\" data-testid=\"field-error\">Beschrijf de wijziging in "
                + "hoogstens 4000 tekens.</div>",
            refusedHtml,
            StringComparison.Ordinal);
        Assert.Contains(">Batteries wear out first &amp; schools keep phones longer.</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"e-reason\"", refusedHtml, StringComparison.Ordinal);

        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        Assert.DoesNotContain(await Suggestions(s => s.ListAsync(admin)), s => s.Code == "PHO-REP-01" && s.Author == "Elise Peeters");
    }

    private static Dictionary<string, string> Suggestion(string proposal, string reason) => new()
    {
        ["Suggestion.Proposal"] = proposal,
        ["Suggestion.Reason"] = reason,
    };

    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(client, email);
        return client;
    }

    private Task<T> Suggestions<T>(Func<CriteriaSuggestions, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Suggestions(Func<CriteriaSuggestions, Task> action) => portal.WithServiceAsync(action);
}
