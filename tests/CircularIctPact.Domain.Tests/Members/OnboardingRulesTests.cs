using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;

namespace CircularIctPact.Domain.Tests.Members;

public sealed class OnboardingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = new('a', Invitation.TokenHashLength);

    private static ApplicantDetails Valid => new(
        "Gemeente Testdorp",
        Sector.RegionalOrLocalGovernment,
        "nl",
        "testdorp.example.nl",
        null,
        null,
        "Anna",
        "anna@testdorp.example.nl",
        null,
        null);

    [Fact]
    public void Application_normalises_country_and_website_and_starts_pending()
    {
        var application = new MembershipApplication(Guid.NewGuid(), Valid, "en", Now);

        Assert.Equal("NL", application.CountryCode.Value);
        Assert.Equal("https://testdorp.example.nl", application.Website);
        Assert.Equal(ApplicationStatus.Pending, application.Status);
    }

    [Fact]
    public void Application_problems_name_every_bad_field()
    {
        var problems = MembershipApplication.Problems(Valid with { LegalName = "", Country = "ZZ", ContactEmail = "x@y" });

        Assert.Equal(
            [MembershipApplicationFields.LegalName, MembershipApplicationFields.Country, MembershipApplicationFields.ContactEmail],
            problems.Select(p => p.Field));
        Assert.Throws<DomainException>(() => new MembershipApplication(Guid.NewGuid(), Valid with { Country = "ZZ" }, "en", Now));
    }

    [Fact]
    public void Application_is_decided_once_and_a_rejection_needs_a_reason()
    {
        var application = new MembershipApplication(Guid.NewGuid(), Valid, "en", Now);

        Assert.Equal(
            MembershipApplicationFields.Reason, Assert.Throws<DomainException>(() => application.Reject(" ", Guid.NewGuid(), Now)).Field);
        application.Reject("Not a buyer of ICT.", Guid.NewGuid(), Now);
        var again = Assert.Throws<DomainException>(() => application.Reject("Again", Guid.NewGuid(), Now));

        Assert.Contains("already rejected", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approval_links_the_member_of_the_same_group_only()
    {
        var group = Guid.NewGuid();
        var application = new MembershipApplication(group, Valid, "en", Now);
        var elsewhere = new MemberOrganisation(
            Guid.NewGuid(), "Gemeente Testdorp", Sector.Education, CountryCode.Parse("NL"), null, null, new DateOnly(2026, 11, 26));
        var member = new MemberOrganisation(
            group, "Gemeente Testdorp", Sector.Education, CountryCode.Parse("NL"), null, null, new DateOnly(2026, 11, 26));

        Assert.Throws<DomainException>(() => application.Approve(elsewhere, Guid.NewGuid(), Now));
        application.Approve(member, Guid.NewGuid(), Now);

        Assert.Equal(member.Id, application.MemberOrganisationId);
        Assert.Equal(ApplicationStatus.Approved, application.Status);
    }

    [Fact]
    public void Invitation_expires_after_seven_days_and_renewal_restarts_them()
    {
        var invitation = Procurer();

        Assert.Equal(InvitationState.Pending, invitation.StateAt(Now.AddDays(7).AddSeconds(-1)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(Now.AddDays(7)));
        invitation.Renew(new string('b', Invitation.TokenHashLength), Now.AddDays(8));
        Assert.Equal(InvitationState.Pending, invitation.StateAt(Now.AddDays(9)));
    }

    [Fact]
    public void Revoked_invitation_cannot_be_resent_or_revoked_again()
    {
        var invitation = Procurer();
        invitation.Revoke(Now);

        Assert.Equal(InvitationState.Revoked, invitation.StateAt(Now));
        Assert.Throws<DomainException>(() => invitation.Renew(Hash, Now));
        Assert.Throws<DomainException>(() => invitation.Revoke(Now));
    }

    [Fact]
    public void Invitation_needs_the_scope_of_each_role()
    {
        var email = EmailAddress.Parse("x@example.org");

        Assert.Equal(
            InvitationFields.Organisation,
            Assert.Throws<DomainException>(() => new Invitation(
                email, "X", [PortalRoles.Procurer], null, null, [], [], Guid.NewGuid(), Hash, Now)).Field);
        Assert.Equal(
            InvitationFields.BuyerGroups,
            Assert.Throws<DomainException>(() => new Invitation(
                email, "X", [PortalRoles.BuyerGroupCoordinator], null, null, [], [], Guid.NewGuid(), Hash, Now)).Field);
        Assert.Equal(
            InvitationFields.WorkingGroups,
            Assert.Throws<DomainException>(() => new Invitation(
                email, "X", [PortalRoles.WorkingGroupChair], null, null, [], [], Guid.NewGuid(), Hash, Now)).Field);
        Assert.Equal(
            InvitationFields.Roles,
            Assert.Throws<DomainException>(() => new Invitation(
                email, "X", ["Emperor"], null, null, [], [], Guid.NewGuid(), Hash, Now)).Field);
    }

    private static Invitation Procurer() =>
        new(
            EmailAddress.Parse("noor@example.org"),
            "Noor",
            [PortalRoles.Procurer],
            Guid.NewGuid(),
            Guid.NewGuid(),
            [],
            [],
            Guid.NewGuid(),
            Hash,
            Now);
}
