using System.Security.Claims;
using Bunit;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Members;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.ComponentTests.Members;

// The editor validates its MudForm before it saves, which on a busy machine finishes after the click returned:
// assertions on what a click caused wait for it.
public sealed class MemberEditorTests : PortalComponentTest
{
    private static readonly TierOption LeadingGroup = new(Guid.NewGuid(), "Leading group");
    private static readonly GroupOption DutchGroup = new(Guid.NewGuid(), "Dutch buyer group", [LeadingGroup]);
    private static readonly GroupOption FlemishGroup = new(Guid.NewGuid(), "Flemish buyer group", []);

    private readonly StandInMemberDirectory _directory = new();
    private readonly StandInMemberEditor _editor = new();

    public MemberEditorTests()
    {
        AddAuthorization().SetAuthorized("coordinator@cfit.example").SetRoles(PortalRoles.BuyerGroupCoordinator);
        Services.AddSingleton<MemberDirectory>(_directory);
        Services.AddSingleton<MemberEditor>(_editor);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Member_editor_fills_the_form_from_the_loaded_member()
    {
        var member = Member("Gemeente Utrecht");
        _directory.Stored = member;

        var page = Render<MemberEdit>(parameters => parameters.Add(p => p.Id, member.Id));

        Assert.Equal("Gemeente Utrecht", page.Find("h1").TextContent.Trim());
        Assert.Equal("Gemeente Utrecht", MudInput(page, "Legal name").GetAttribute("value"));
        Assert.Equal("NL", MudInput(page, "Country (ISO code)").GetAttribute("value"));
        Assert.Equal("www.utrecht.nl", MudInput(page, "Website").GetAttribute("value"));
        var contact = Assert.Single(page.FindAll("[data-testid=contact]"));
        Assert.Contains(contact.QuerySelectorAll("input"), input => input.GetAttribute("value") == "anna@utrecht.nl");
        Assert.Contains(page.FindAll("button"), button => button.TextContent.Trim() == "Change status");
    }

    [Fact]
    public void Member_editor_adds_a_member_to_the_only_group_the_coordinator_has_and_opens_it()
    {
        var page = Render<MemberEdit>();

        Assert.Contains("Dutch buyer group", page.Find(".page-lead").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.FindAll("button"), button => button.TextContent.Trim() == "Change status");
        TypeWhenSettled(page, "Legal name", "Provincie Utrecht");
        TypeWhenSettled(page, "Country (ISO code)", "NL");
        ClickWhenSettled(page, p => p.Find("button[data-testid=save-member]"));

        page.WaitForAssertion(() => Assert.Single(_editor.Created));
        var (groupId, form) = Assert.Single(_editor.Created);
        Assert.Equal(DutchGroup.Id, groupId);
        Assert.Equal(("Provincie Utrecht", "NL"), (form.LegalName, form.Country));
        Assert.Empty(form.Contacts);
        Assert.EndsWith($"members/{_editor.CreatedId}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Member_editor_shows_a_refused_contact_field_beside_that_contact()
    {
        _editor.Refusal = new DomainException(
            MemberOrganisationFields.Contact(0, MemberOrganisationFields.RowEmail),
            "Give a valid e-mail address.");
        var page = Render<MemberEdit>();
        page.WaitForElement("button[data-testid=save-member]");
        TypeWhenSettled(page, "Legal name", "Provincie Utrecht");
        ClickWhenSettled(page, p => p.FindAll("button").Single(button => button.TextContent.Trim() == "Add contact person"));
        page.WaitForElement("[data-testid=contact]");
        TypeWhenSettled(page, "E-mail", "anna-at-utrecht");

        ClickWhenSettled(page, p => p.Find("button[data-testid=save-member]"));

        page.WaitForAssertion(() => Assert.Contains(
            "Give a valid e-mail address.",
            MudField(page, "E-mail").TextContent,
            StringComparison.Ordinal));
        Assert.DoesNotContain("Give a valid e-mail address.", MudField(page, "Legal name").TextContent, StringComparison.Ordinal);
        Assert.Equal("anna-at-utrecht", Assert.Single(Assert.Single(_editor.Created).Form.Contacts).Email);
        Assert.Equal("Provincie Utrecht", MudInput(page, "Legal name").GetAttribute("value"));
    }

    [Fact]
    public void Member_editor_lists_every_refused_field_in_a_summary_that_links_to_each_input()
    {
        _editor.Refusal = new DomainException(
        [
            new RuleViolation(MemberOrganisationFields.LegalName, "{0} is required.", MemberOrganisationFields.LegalName),
            new RuleViolation(CommonFields.Country, "{0} is required.", CommonFields.Country),
            new RuleViolation(null, "Someone added this organisation to the group already."),
        ]);
        var page = Render<MemberEdit>();

        ClickWhenSettled(page, p => p.Find("button[data-testid=save-member]"));

        page.WaitForElement("[data-testid=error-summary]");
        var summary = page.Find("[data-testid=error-summary]");
        var links = summary.QuerySelectorAll("a[data-testid=error-summary-link]");
        Assert.Equal(["Legal name is required.", "Country is required."], links.Select(link => link.TextContent.Trim()));
        foreach (var link in links)
        {
            Assert.Single(page.FindAll($"[id='{link.GetAttribute("href")!.TrimStart('#')}']"));
        }

        Assert.Contains("Someone added this organisation to the group already.", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("Legal name is required.", MudField(page, "Legal name").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Member_editor_shows_a_refusal_without_a_field_above_the_form()
    {
        _editor.Refusal = new ForbiddenException("You coordinate another buyer group.");
        var page = Render<MemberEdit>();

        ClickWhenSettled(page, p => p.Find("button[data-testid=save-member]"));

        page.WaitForAssertion(() => Assert.Contains(
            page.FindAll(".mud-alert"),
            alert => alert.TextContent.Contains("You coordinate another buyer group.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Member_editor_shows_the_other_version_after_a_conflict_and_loads_it_on_request()
    {
        var mine = Member("Gemeente Utrecht");
        _directory.Stored = mine;
        _editor.Refusal = new ConcurrencyConflictException(
            mine with { LegalName = "Gemeente Utrecht (municipality)", Version = mine.Version + 1 });
        var page = Render<MemberEdit>(parameters => parameters.Add(p => p.Id, mine.Id));

        TypeWhenSettled(page, "Legal name", "Utrecht");
        ClickWhenSettled(page, p => p.Find("button[data-testid=save-member]"));

        var conflict = page.WaitForElement("[data-testid=conflict]");
        Assert.Contains(ConcurrencyConflictException.DefaultMessage, conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gemeente Utrecht (municipality)", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal((mine.Id, mine.Version), Assert.Single(_editor.Updated));
        Assert.Equal("Utrecht", MudInput(page, "Legal name").GetAttribute("value"));

        conflict.QuerySelector("button")!.Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=conflict]")));
        Assert.Equal("Gemeente Utrecht (municipality)", MudInput(page, "Legal name").GetAttribute("value"));
    }

    [Fact]
    public void Member_editor_asks_a_coordinator_of_several_groups_in_dutch_to_choose_one_first()
    {
        _directory.Groups = [DutchGroup, FlemishGroup];

        var page = RenderInDutch(() => Render<MemberEdit>());

        Assert.Contains(
            "Kies eerst op de ledenlijst een buyer group die u coördineert.",
            page.Find(".mud-alert").TextContent,
            StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=member-form]"));
    }

    [Fact]
    public void Member_editor_labels_its_fields_in_dutch()
    {
        var member = Member("Gemeente Utrecht");
        _directory.Stored = member;

        var page = RenderInDutch(() => Render<MemberEdit>(parameters => parameters.Add(p => p.Id, member.Id)));

        Assert.Equal("Gemeente Utrecht", MudInput(page, "Juridische naam").GetAttribute("value"));
    }

    private static MemberDetails Member(string legalName) => new(
        Guid.NewGuid(), DutchGroup.Id, DutchGroup.Name, legalName, Sector.RegionalOrLocalGovernment, "NL", "www.utrecht.nl", null, null,
        LeadingGroup.Id, LeadingGroup.Name, new DateOnly(2025, 1, 15), MembershipStatus.Active, null, null,
        [new ContactView(Guid.NewGuid(), "Anna de Vries", "anna@utrecht.nl", null, "Buyer")], Version: 4);

    private sealed class StandInMemberDirectory() : MemberDirectory(null!, null!)
    {
        public IReadOnlyList<GroupOption> Groups { get; set; } = [DutchGroup];

        public MemberDetails? Stored { get; set; }

        public override Task<IReadOnlyList<GroupOption>> GroupsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            Task.FromResult(Groups);

        public override Task<MemberDetails> GetAsync(ClaimsPrincipal user, Guid memberId, CancellationToken cancellationToken = default) =>
            Stored is { } stored && stored.Id == memberId
                ? Task.FromResult(stored)
                : Task.FromException<MemberDetails>(new NotFoundException("This member organisation does not exist."));
    }

    private sealed class StandInMemberEditor() : MemberEditor(null!, null!, null!, null!)
    {
        public Guid CreatedId { get; } = Guid.NewGuid();

        public Exception? Refusal { get; set; }

        public List<(Guid GroupId, MemberForm Form)> Created { get; } = [];

        public List<(Guid MemberId, uint LoadedVersion)> Updated { get; } = [];

        public override Task<Guid> CreateAsync(
            ClaimsPrincipal user,
            Guid buyerGroupId,
            MemberForm form,
            CancellationToken cancellationToken = default)
        {
            Created.Add((buyerGroupId, form));
            return Refusal is null ? Task.FromResult(CreatedId) : Task.FromException<Guid>(Refusal);
        }

        public override Task<uint> UpdateAsync(
            ClaimsPrincipal user,
            Guid memberId,
            uint loadedVersion,
            MemberForm form,
            CancellationToken cancellationToken = default)
        {
            Updated.Add((memberId, loadedVersion));
            return Refusal is null ? Task.FromResult(loadedVersion + 1) : Task.FromException<uint>(Refusal);
        }
    }
}
