using System.Net;
using System.Security.Claims;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.Signatories;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Signatories;

public sealed class PublicSignatoriesAndDownloadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Public_page_lists_signed_signatories_with_their_buyer_groups_and_no_others()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        await CreateAsync(admin, "Prospectland");
        var withdrawn = await CreateAsync(admin, "Withdrawnia");
        await ChangeStatusAsync(admin, withdrawn, SignatoryStatus.Signed);
        await ChangeStatusAsync(admin, withdrawn, SignatoryStatus.Withdrawn);
        var signed = await CreateAsync(admin, "Signedovia");
        await ChangeStatusAsync(admin, signed, SignatoryStatus.Signed);

        var response = await NewClient().GetAsync("/signatories");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Signedovia", html, StringComparison.Ordinal);
        Assert.Contains("Netherlands", html, StringComparison.Ordinal);
        Assert.Contains(DemoDataSeeder.DutchBuyerGroup, html, StringComparison.Ordinal);
        Assert.Contains("Rijkswaterstaat", html, StringComparison.Ordinal);
        Assert.Contains("10 active members", html, StringComparison.Ordinal);
        Assert.Contains("14 June 2021", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Prospectland", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdrawnia", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Canada", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_page_names_each_country_in_the_readers_language()
    {
        var html = await NewClient().GetStringAsync("/signatories?culture=de");

        Assert.Contains(">Niederlande<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">NL<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commitment_of_a_signed_signatory_downloads_as_an_attachment_for_anyone()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var id = await CreateAsync(admin, "Downloadia");
        await ChangeStatusAsync(admin, id, SignatoryStatus.Signed);
        var documentId = await UploadAsync(admin, id, "Signed commitment (final).pdf");

        var response = await NewClient().GetAsync($"/documents/{documentId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Signed commitment (final).pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(SecretariatPrincipals.Pdf(), await response.Content.ReadAsByteArrayAsync());

        var page = await NewClient().GetStringAsync("/signatories");
        Assert.Contains($"documents/{documentId}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commitment_of_a_signatory_not_signed_is_not_public()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var id = await CreateAsync(admin, "Talksland");
        var documentId = await UploadAsync(admin, id, "draft.pdf");

        var anonymous = await NewClient().GetAsync($"/documents/{documentId}");
        var procurer = NewClient();
        await FormSignIn.SignInAsync(procurer, DemoAccounts.Procurer);
        var asProcurer = await procurer.GetAsync($"/documents/{documentId}");
        var secretariat = NewClient();
        await FormSignIn.SignInAsync(secretariat, DemoAccounts.Admin, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
        var asAdmin = await secretariat.GetAsync($"/documents/{documentId}");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asProcurer.StatusCode);
        Assert.Contains("/Account/AccessDenied", asProcurer.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal("attachment", asAdmin.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Unknown_document_is_not_found()
    {
        var response = await NewClient().GetAsync($"/documents/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private HttpClient NewClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private Task<Guid> CreateAsync(ClaimsPrincipal admin, string name) =>
        portal.WithServiceAsync<SignatoryAdministration, Guid>(s => s.CreateAsync(admin, new SignatoryForm
        {
            Name = name + " " + Guid.NewGuid().ToString("N")[..6],
            Kind = SignatoryKind.RegionalGovernment,
            Role = SignatoryRole.Participant,
            Country = "IT",
            Since = new DateOnly(2024, 1, 1),
        }));

    private Task ChangeStatusAsync(ClaimsPrincipal admin, Guid id, SignatoryStatus status) =>
        portal.WithServiceAsync<SignatoryAdministration>(async s =>
        {
            var details = await s.GetAsync(admin, id);
            await s.ChangeStatusAsync(admin, id, status, DateOnly.FromDateTime(DateTime.UtcNow), null, details.Version);
        });

    private Task<Guid> UploadAsync(ClaimsPrincipal admin, Guid id, string fileName) =>
        portal.WithServiceAsync<SignatoryAdministration, Guid>(async s =>
        {
            var details = await s.GetAsync(admin, id);
            await s.UploadCommitmentAsync(
                admin,
                id,
                new DocumentUpload(fileName, new MemoryStream(SecretariatPrincipals.Pdf())),
                details.Version);
            return (await s.GetAsync(admin, id)).CommitmentDocument!.Id;
        });
}
