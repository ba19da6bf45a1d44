using System.Net;
using System.Security.Claims;
using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Consultations;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Consultations;

/// <summary>
/// The comment and answer forms post back to the consultation page: refused text comes back in its box with the message beside it.
/// </summary>
public sealed class ConsultationFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_refused_comment_comes_back_in_its_box_and_a_valid_one_is_added_at_its_criterion()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var id = await SeededConsultationAsync();
        var page = $"/consultations/{id}";
        using var client = await SignedInClientAsync(DemoAccounts.Procurer);
        var tooLong = string.Concat(Enumerable.Repeat("Our contracts run until 2028. ", 140));

        var refused = await FormSignIn.PostFormAsync(
            client,
            page,
            "comment-LAP-BAT-01",
            new Dictionary<string, string> { ["Input.Criterion"] = "LAP-BAT-01", ["Input.Text"] = tooLong });
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            "name=\"Input.Text\" class=\"form-control\" rows=\"3\" maxlength=\"4000\" required aria-invalid=\"true\" "
                + $"aria-describedby=\"e-comment-LAP-BAT-01\">{tooLong}</textarea>",
            html,
            StringComparison.Ordinal);
        Assert.Contains(
            "<div id=\"e-comment-LAP-BAT-01\" class=\"validation-message\" role=\"alert\" data-testid=\"field-error\">Comment can be at "
                + "most 4000 characters.</div>",
            html,
            StringComparison.Ordinal);
        Assert.Contains($"action=\"/consultations/{id}#criterion-LAP-BAT-01\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(
            await CommentsAsync(id, procurer),
            c => c.Text.StartsWith("Our contracts run until 2028.", StringComparison.Ordinal));

        var added = await FormSignIn.PostFormAsync(
            client,
            page,
            "comment-LAP-BAT-01",
            new Dictionary<string, string> { ["Input.Criterion"] = "LAP-BAT-01", ["Input.Text"] = "Our contracts run until 2028." });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/consultations/{id}?done=commented", added.Headers.Location?.PathAndQuery);
        Assert.Equal("#criterion-LAP-BAT-01", added.Headers.Location?.Fragment);
        Assert.Single(await CommentsAsync(id, procurer), c => c.Text == "Our contracts run until 2028." && c.CriterionCode == "LAP-BAT-01");
    }

    [Fact]
    public async Task A_refused_answer_keeps_its_text_and_decision_and_a_conflict_shows_the_other_answer_beside_the_typed_one()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var id = await SeededConsultationAsync();
        var commentId = await portal.WithServiceAsync<CriteriaConsultations, Guid>(
            s => s.CommentAsync(id, "LAP-REP-01", "Add the hinge to the parts list.", procurer));
        var loaded = (await CommentsAsync(id, admin))
            .Single(c => c.Id == commentId)
            .RowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var page = $"/consultations/{id}";
        var form = $"answer-{commentId}";
        using var client = await SignedInClientAsync(DemoAccounts.Chair);

        var noReason = await FormSignIn.PostFormAsync(client, page, form, Answer(commentId, "Rejected", string.Empty, loaded));
        var noReasonHtml = await noReason.Content.ReadAsStringAsync();
        Assert.Contains(
            $"<div id=\"e-answer-{commentId}\" class=\"validation-message\" role=\"alert\" data-testid=\"field-error\">Give the reason for "
                + "rejecting this comment.</div>",
            noReasonHtml,
            StringComparison.Ordinal);
        Assert.Contains("<option value=\"Rejected\" selected", noReasonHtml, StringComparison.Ordinal);

        var tooLong = string.Concat(Enumerable.Repeat("Hinges wear out first. ", 200));
        var refused = await FormSignIn.PostFormAsync(client, page, form, Answer(commentId, "Answered", tooLong, loaded));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"aria-describedby=\"e-answer-{commentId}\">{tooLong}</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Answer can be at most 4000 characters.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Answered\" selected", refusedHtml, StringComparison.Ordinal);

        await portal.WithServiceAsync<CriteriaConsultations>(s => s.RespondAsync(
            commentId,
            uint.Parse(loaded, System.Globalization.CultureInfo.InvariantCulture),
            CommentState.Accepted,
            "Taken up in LAP-REP-03.",
            admin));
        var conflict =
            await FormSignIn.PostFormAsync(client, page, form, Answer(commentId, "Rejected", "Hinges are out of scope.", loaded));
        var conflictHtml = await conflict.Content.ReadAsStringAsync();

        Assert.Contains(
            "Someone else answered or changed this first; their version is shown now. Review it and try again.",
            conflictHtml,
            StringComparison.Ordinal);
        Assert.Contains(">Taken up in LAP-REP-03.</span></p>", conflictHtml, StringComparison.Ordinal);
        Assert.Contains(">Hinges are out of scope.</textarea>", conflictHtml, StringComparison.Ordinal);
        var current = (await CommentsAsync(id, admin)).Single(c => c.Id == commentId);
        Assert.Equal(CommentState.Accepted, current.State);

        var answered = await FormSignIn.PostFormAsync(client, page, form, Answer(
            commentId,
            "Rejected",
            "Hinges are out of scope.",
            current.RowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal($"#comment-{commentId}", answered.Headers.Location?.Fragment);
        var saved = (await CommentsAsync(id, admin)).Single(c => c.Id == commentId);
        Assert.Equal(CommentState.Rejected, saved.State);
        Assert.Equal("Hinges are out of scope.", saved.Answer);
    }

    [Fact]
    public async Task A_procurer_posting_an_answer_is_refused_and_nothing_changes()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var id = await SeededConsultationAsync();
        var commentId = await portal.WithServiceAsync<CriteriaConsultations, Guid>(
            s => s.CommentAsync(id, "LAP-REP-02", "Name the screw types.", procurer));
        var version = (await CommentsAsync(id, procurer))
            .Single(c => c.Id == commentId)
            .RowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var client = await SignedInClientAsync(DemoAccounts.Procurer);

        var response = await FormSignIn.PostFormAsync(
            client,
            $"/consultations/{id}",
            $"answer-{commentId}",
            Answer(commentId, "Accepted", "Accepted by myself.", version));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Only the secretariat and working-group chairs answer comments.", html, StringComparison.Ordinal);
        Assert.Equal(CommentState.Open, (await CommentsAsync(id, procurer)).Single(c => c.Id == commentId).State);
    }

    [Fact]
    public async Task A_refused_end_date_for_a_new_consultation_comes_back_as_typed_with_its_draft_still_chosen()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var setId = await NewDraftAsync("consult-form-open", admin);
        using var client = await SignedInClientAsync(DemoAccounts.Admin, DemoAccounts.AdminAuthenticatorKey);
        var yesterday = Day(-1);

        var refused = await FormSignIn.PostFormAsync(client, "/consultations", "open-consultation", Opening(setId, yesterday));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"<option value=\"{setId}\" selected", html, StringComparison.Ordinal);
        Assert.Contains(
            $"name=\"Opening.ClosesOn\" class=\"form-control\" required value=\"{yesterday}\" aria-invalid=\"true\" "
                + "aria-describedby=\"e-closes\" />",
            html,
            StringComparison.Ordinal);
        Assert.Contains(
            "<div id=\"e-closes\" class=\"validation-message\" role=\"alert\" data-testid=\"field-error\">The end date must lie in the "
                + "future.</div>",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"e-set\"", html, StringComparison.Ordinal);
        Assert.Null(await portal.WithServiceAsync<CriteriaConsultations, Guid?>(s => s.ForCriteriaSetAsync(setId)));

        var opened = await FormSignIn.PostFormAsync(client, "/consultations", "open-consultation", Opening(setId, Day(21)));

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var id = await portal.WithServiceAsync<CriteriaConsultations, Guid?>(s => s.ForCriteriaSetAsync(setId));
        Assert.Equal($"/consultations/{id}?done=opened", opened.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_refused_new_end_date_stays_in_its_field_and_a_conflict_is_told_beside_it()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var setId = await NewDraftAsync("consult-form-extend", admin);
        var id = await portal.WithServiceAsync<CriteriaConsultations, Guid>(
            s => s.OpenAsync(setId, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(14), admin));
        var loaded = await ConsultationAsync(id, admin);
        var page = $"/consultations/{id}";
        using var client = await SignedInClientAsync(DemoAccounts.Admin, DemoAccounts.AdminAuthenticatorKey);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var earlier = Day(3);

        var refused = await FormSignIn.PostFormAsync(client, page, "extend", Extension(earlier, loaded.RowVersion));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            $"name=\"Input.ClosesOn\" class=\"form-control\" required value=\"{earlier}\" aria-invalid=\"true\" "
                + "aria-describedby=\"e-extend\" />",
            html,
            StringComparison.Ordinal);
        Assert.Contains(
            "<div id=\"e-extend\" class=\"validation-message\" role=\"alert\" data-testid=\"field-error\">La nouvelle date de fin doit "
                + "être postérieure à la fin actuelle et se situer dans le futur.</div>",
            WebUtility.HtmlDecode(html),
            StringComparison.Ordinal);
        Assert.Contains($"action=\"/consultations/{id}#manage-heading\"", html, StringComparison.Ordinal);
        Assert.Equal(loaded.ClosesAt, (await ConsultationAsync(id, admin)).ClosesAt);

        await portal.WithServiceAsync<CriteriaConsultations>(
            s => s.ExtendAsync(id, loaded.RowVersion, DateTimeOffset.UtcNow.AddDays(20), admin));
        var later = Day(30);
        var conflict = await FormSignIn.PostFormAsync(client, page, "extend", Extension(later, loaded.RowVersion));
        var conflictHtml = await conflict.Content.ReadAsStringAsync();

        Assert.Contains(
            $"required value=\"{later}\" aria-invalid=\"true\" aria-describedby=\"e-extend\" />",
            conflictHtml,
            StringComparison.Ordinal);
        Assert.Contains(
            "<div id=\"e-extend\" class=\"validation-message\" role=\"alert\" data-testid=\"field-error\">Quelqu'un d'autre a répondu ou "
                + "modifié ceci avant vous ; sa version est affichée maintenant. Vérifiez-la et réessayez.</div>",
            WebUtility.HtmlDecode(conflictHtml),
            StringComparison.Ordinal);
        var current = await ConsultationAsync(id, admin);
        Assert.True(current.ClosesAt < DateTimeOffset.UtcNow.AddDays(21));
        Assert.Contains($"name=\"Input.RowVersion\" value=\"{current.RowVersion}\"", conflictHtml, StringComparison.Ordinal);

        var extended = await FormSignIn.PostFormAsync(client, page, "extend", Extension(later, current.RowVersion));

        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        Assert.Equal($"/consultations/{id}?done=extended", extended.Headers.Location?.PathAndQuery);
        Assert.True((await ConsultationAsync(id, admin)).ClosesAt > DateTimeOffset.UtcNow.AddDays(29));
    }

    private static string Day(int fromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddDays(fromToday)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Opening(Guid setId, string closesOn) => new()
    {
        ["Opening.SetId"] = setId.ToString(),
        ["Opening.ClosesOn"] = closesOn,
    };

    private static Dictionary<string, string> Extension(string closesOn, uint rowVersion) => new()
    {
        ["Input.ClosesOn"] = closesOn,
        ["Input.RowVersion"] = rowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A product group of the test's own with a first draft, so no other test sees its consultation.</summary>
    private async Task<Guid> NewDraftAsync(string slug, ClaimsPrincipal admin)
    {
        await portal.WithServiceAsync<CriteriaEditor, Guid>(e => e.AddProductGroupAsync(
            slug,
            new Dictionary<CriteriaLanguage, string?> { [CriteriaLanguage.En] = "Tablets " + slug },
            admin));
        return await portal.WithServiceAsync<CriteriaEditor, Guid>(e => e.CreateDraftAsync(slug, null, admin));
    }

    private Task<ConsultationView> ConsultationAsync(Guid id, ClaimsPrincipal reader) =>
        portal.WithServiceAsync<CriteriaConsultations, ConsultationView>(
            s => s.GetAsync(id, CriteriaLanguage.En, new CommentFilter(), reader));

    private static Dictionary<string, string> Answer(Guid commentId, string state, string answer, string rowVersion) => new()
    {
        ["Input.CommentId"] = commentId.ToString(),
        ["Input.State"] = state,
        ["Input.Answer"] = answer,
        ["Input.RowVersion"] = rowVersion,
    };

    private async Task<HttpClient> SignedInClientAsync(string email, string? authenticatorKey = null)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(client, email, authenticatorKey: authenticatorKey);
        return client;
    }

    private async Task<Guid> SeededConsultationAsync()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var all = await portal.WithServiceAsync<CriteriaConsultations, IReadOnlyList<ConsultationSummary>>(s => s.ListAsync(admin));
        return all.Single(c => c.ProductGroup == "Laptops" && c.Version == ConsultationDemoData.DraftVersion).Id;
    }

    private async Task<IReadOnlyList<CommentView>> CommentsAsync(Guid id, ClaimsPrincipal reader)
    {
        var consultation = await portal.WithServiceAsync<CriteriaConsultations, ConsultationView>(
            s => s.GetAsync(id, CriteriaLanguage.En, new CommentFilter(), reader));
        return [.. consultation.Criteria.SelectMany(c => c.Comments)];
    }
}
