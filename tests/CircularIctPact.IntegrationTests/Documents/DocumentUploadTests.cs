using CircularIctPact.Domain.Common;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Documents;

public sealed class DocumentUploadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private DocumentUploads Uploads => portal.Services.GetRequiredService<DocumentUploads>();

    [Fact]
    public async Task Pdf_is_accepted_with_its_detected_type_size_and_checksum()
    {
        var bytes = SecretariatPrincipals.Pdf();

        var document = await Uploads.ReadAsync(new DocumentUpload("Commitment.pdf", new MemoryStream(bytes)), null);

        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(bytes.Length, document.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), document.Sha256);
        Assert.Equal("Commitment.pdf", document.FileName);
    }

    [Theory]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "vision.docx")]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "figures.xlsx")]
    [InlineData("application/vnd.openxmlformats-officedocument.presentationml.presentation", "slides.pptx")]
    public async Task Office_package_is_recognised_by_its_content_types_entry(string contentType, string fileName)
    {
        var document = await Uploads.ReadAsync(
            new DocumentUpload(fileName, new MemoryStream(SecretariatPrincipals.OfficePackage(contentType + ".main+xml"))),
            null);

        Assert.Equal(contentType, document.ContentType);
    }

    [Fact]
    public async Task Html_file_named_pdf_is_refused_by_its_content()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Uploads.ReadAsync(new DocumentUpload("commitment.pdf", new MemoryStream(SecretariatPrincipals.Html())), null));

        Assert.Equal(CommonFields.File, error.Field);
        Assert.Contains("its content is none of these", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zip_without_an_office_manifest_named_docx_is_refused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Uploads.ReadAsync(new DocumentUpload("vision.docx", new MemoryStream(SecretariatPrincipals.PlainZip())), null));

        Assert.Contains("only PDF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Png_named_pdf_is_refused_with_the_real_type_named()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Uploads.ReadAsync(new DocumentUpload("scan.pdf", new MemoryStream(SecretariatPrincipals.Png())), null));

        Assert.Contains("is a PNG image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_over_ten_megabytes_is_refused()
    {
        var big = new byte[(10 * 1024 * 1024) + 1];
        "%PDF-"u8.CopyTo(big);

        var error = await Assert.ThrowsAsync<DomainException>(
            () => Uploads.ReadAsync(new DocumentUpload("big.pdf", new MemoryStream(big)), null));

        Assert.Contains("larger than 10 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_file_is_refused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(
            () => Uploads.ReadAsync(new DocumentUpload("empty.pdf", new MemoryStream()), null));

        Assert.Equal("The file is empty.", error.Message);
    }

    [Theory]
    [InlineData("C:\\fakepath\\Plan: 2026 <final>.pdf", "Plan 2026 final.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("\"quoted\"\r\nname.pdf", "quoted name.pdf")]
    [InlineData(".pdf", "document.pdf")]
    public void File_name_is_sanitised(string given, string expected) =>
        Assert.Equal(expected, DocumentUploads.SanitiseFileName(given));
}
