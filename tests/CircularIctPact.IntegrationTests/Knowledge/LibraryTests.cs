using System.Net;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.Knowledge;

namespace CircularIctPact.IntegrationTests.Knowledge;

public sealed class LibraryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<LibrarySearchResult> SearchAsync(string? email, LibraryQuery query) =>
        await portal.WithServiceAsync<LibraryCatalogue, LibrarySearchResult>(async l => await l.SearchAsync(query, await portal.As(email)));

    private async Task<Guid> AddAsync(
        string email,
        string title,
        KnowledgeVisibility visibility,
        DocumentUpload? file = null,
        string? link = null,
        string tag = "library test") =>
        await portal.WithServiceAsync<LibraryCatalogue, Guid>(async l => await l.AddAsync(
            await portal.As(email),
            new LibraryItemDescription(title, "A description of "
                + title, LibraryItemType.Report, CriteriaLanguage.En, null, [tag], visibility),
            file,
            link));

    [Fact]
    public async Task Visitors_see_public_items_and_the_buying_side_sees_members_only_items_too()
    {
        var stakeholder = await portal.StakeholderAsync();
        foreach (var outsider in new[] { null, stakeholder })
        {
            Assert.Equal(
                ["Electronics Watch: contract conditions for public buyers"],
                (await SearchAsync(outsider, new LibraryQuery("Electronics Watch"))).Items.Select(i => i.Title));
            Assert.Empty((await SearchAsync(outsider, new LibraryQuery("clause"))).Items);
            Assert.Empty((await SearchAsync(outsider, new LibraryQuery("erasure"))).Items);
        }

        Assert.Equal(
            [KnowledgeDemoData.TakeBackTemplate],
            (await SearchAsync(DemoAccounts.Procurer, new LibraryQuery("data erasure"))).Items.Select(i => i.Title));
        Assert.Equal(
            [KnowledgeDemoData.TakeBackTemplate],
            (await SearchAsync(DemoAccounts.CoordinatorBelgium, new LibraryQuery("contract clause"))).Items.Select(i => i.Title));
        Assert.Contains(
            "Marktvisie en strategie circulaire en eerlijke ICT (samenvatting)",
            (await KnowledgeTestData.ReadingIn(
                "nl",
                () => SearchAsync(DemoAccounts.Procurer, new LibraryQuery("samenvattingen", Language: CriteriaLanguage.Nl))))
                .Items.Select(i => i.Title));
        Assert.All(
            (await SearchAsync(DemoAccounts.Procurer, new LibraryQuery(Type: LibraryItemType.Guide))).Items,
            i => Assert.Equal(LibraryItemType.Guide, i.Type));
        Assert.All((await SearchAsync(null, new LibraryQuery(ProductGroup: "laptops"))).Items, i => Assert.NotNull(i.ProductGroupId));

        var template = (await SearchAsync(DemoAccounts.Procurer, new LibraryQuery("erasure"))).Items.Single();
        await Assert.ThrowsAsync<NotFoundException>(() => portal.WithServiceAsync<LibraryCatalogue, LibraryItemDetails>(
            l => l.GetAsync(template.Id, PortalFactoryExtensions.Anonymous)));
        var anonymous = await portal.ClientAsync(null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/library/{template.Id}")).StatusCode);
        Assert.DoesNotContain(
            KnowledgeDemoData.TakeBackTemplate,
            await anonymous.GetStringAsync("/library?q=erasure"),
            StringComparison.Ordinal);
        Assert.Contains(
            KnowledgeDemoData.TakeBackTemplate,
            await (await portal.ClientAsync(DemoAccounts.Procurer)).GetStringAsync($"/library/{template.Id}"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_only_library_files_are_downloaded_by_the_buying_side_only()
    {
        var id =
            await AddAsync(DemoAccounts.Chair, "Members-only report", KnowledgeVisibility.MembersOnly, KnowledgeTestData.Pdf("report.pdf"));
        var item = await portal.WithServiceAsync<LibraryCatalogue, LibraryItemDetails>(
            async l => await l.GetAsync(id, await portal.As(DemoAccounts.Procurer)));
        var document = item.Versions.Single().DocumentId;
        var path = $"/documents/{document}";
        var stakeholder = await portal.StakeholderAsync();

        Assert.Equal("sign-in", await portal.AccessAsync(null, path));
        Assert.Equal("denied", await portal.AccessAsync(stakeholder, path));
        var member = await (await portal.ClientAsync(DemoAccounts.CoordinatorBelgium)).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal("report.pdf", member.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var publicId = await AddAsync(DemoAccounts.Chair, "Public report", KnowledgeVisibility.Public, KnowledgeTestData.Pdf("public.pdf"));
        var publicItem = await portal.WithServiceAsync<LibraryCatalogue, LibraryItemDetails>(
            l => l.GetAsync(publicId, PortalFactoryExtensions.Anonymous));
        var publicDocument = publicItem.Versions.Single().DocumentId;
        Assert.Equal(HttpStatusCode.OK, (await (await portal.ClientAsync(null)).GetAsync($"/documents/{publicDocument}")).StatusCode);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example.org/guide.pdf")]
    [InlineData("/library/elsewhere")]
    [InlineData("www.example.org/guide")]
    [InlineData("")]
    public async Task Links_must_be_absolute_web_addresses(string link)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(
            () => AddAsync(DemoAccounts.CoordinatorNetherlands, "Bad link", KnowledgeVisibility.Public, link: link));

        Assert.Equal(LibraryItemFields.Link, refused.Field);
    }

    [Fact]
    public async Task A_web_link_is_kept_and_only_curators_add_items()
    {
        var id = await AddAsync(
            DemoAccounts.CoordinatorNetherlands,
            "Guide on the web",
            KnowledgeVisibility.Public,
            link: "https://guides.example.org/circular-ict?lang=en");
        var item = await portal.WithServiceAsync<LibraryCatalogue, LibraryItemDetails>(
            l => l.GetAsync(id, PortalFactoryExtensions.Anonymous));
        Assert.Equal("https://guides.example.org/circular-ict?lang=en", item.Versions.Single().Url);

        await Assert.ThrowsAsync<ForbiddenException>(
            () => AddAsync(DemoAccounts.Procurer, "By a procurer", KnowledgeVisibility.Public, link: "https://example.org/"));
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await AddAsync(await portal.StakeholderAsync(), "By a stakeholder", KnowledgeVisibility.Public, link: "https://example.org/"));
        var both = await Assert.ThrowsAsync<DomainException>(() =>
            AddAsync(DemoAccounts.Chair, "Both", KnowledgeVisibility.Public, KnowledgeTestData.Pdf("both.pdf"), "https://example.org/"));
        Assert.Equal(LibraryItemFields.Link, both.Field);
    }

    [Fact]
    public async Task New_versions_keep_earlier_ones_listed_and_downloadable()
    {
        var chair = await portal.As(DemoAccounts.Chair);
        var id = await AddAsync(
            DemoAccounts.Chair,
            "Versioned template",
            KnowledgeVisibility.Public,
            KnowledgeTestData.Pdf("template-v1.pdf", "one"));
        var first = await portal.WithServiceAsync<LibraryCatalogue, LibraryItemDetails>(l => l.GetAsync(id, chair));

        var noNote = await Assert.ThrowsAsync<DomainException>(() => portal.WithServiceAsync<LibraryCatalogue>(
            l => l.AddVersionAsync(chair, id, first.RowVersion, KnowledgeTestData.Pdf("template-v2.pdf", "two"), null, " ")));
        Assert.Equal(LibraryItemFields.ChangeNote, noNote.Field);
        await portal.WithServiceAsync<LibraryCatalogue>(l => l.AddVersionAsync(
            chair,
            id,
            first.RowVersion,
            KnowledgeTestData.Pdf("template-v2.pdf", "two"),
            null,
            "Adds a section on batteries."));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => portal.WithServiceAsync<LibraryCatalogue>(
            l => l.AddVersionAsync(chair, id, first.RowVersion, null, "https://example.org/v3", "Stale page.")));

        var item = await portal.WithServiceAsync<LibraryCatalogue, LibraryItemDetails>(
            l => l.GetAsync(id, PortalFactoryExtensions.Anonymous));
        Assert.Equal(
            [(2, "template-v2.pdf", "Adds a section on batteries."), (1, "template-v1.pdf", "First version.")],
            item.Versions.Select(v => (v.Number, v.FileName!, v.ChangeNote)));
        Assert.All(item.Versions, v => Assert.Equal("Lars Nilsen", v.UploadedBy));
        var anonymous = await portal.ClientAsync(null);
        foreach (var version in item.Versions)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/documents/{version.DocumentId}")).StatusCode);
        }

        Assert.Equal(2, (await SearchAsync(null, new LibraryQuery("Versioned template"))).Items.Single().Latest.Number);
        var page = await anonymous.GetStringAsync($"/library/{id}");
        Assert.Contains("template-v1.pdf", page, StringComparison.Ordinal);
        Assert.Contains("Adds a section on batteries.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_pages_through_many_items()
    {
        for (var i = 0; i < LibraryCatalogue.PageSize + 3; i++)
        {
            await AddAsync(
                DemoAccounts.CoordinatorNetherlands,
                $"Paging item {i:D2}",
                KnowledgeVisibility.Public,
                link: $"https://example.org/{i}",
                tag: "paging");
        }

        var first = await SearchAsync(null, new LibraryQuery("paging"));
        var second = await SearchAsync(null, new LibraryQuery("paging", Page: 2));
        Assert.Equal((LibraryCatalogue.PageSize + 3, 2, LibraryCatalogue.PageSize), (first.Total, first.PageCount, first.Items.Count));
        Assert.Equal(3, second.Items.Count);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        Assert.Equal(2, (await SearchAsync(null, new LibraryQuery("paging", Page: 99))).Page);
    }
}
