using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;

namespace CircularIctPact.Domain.Tests.Members;

public sealed class MemberOrganisationTests
{
    [Theory]
    [InlineData("https://www.Example.org/about", "example.org")]
    [InlineData("example.org", "example.org")]
    [InlineData("http://intranet.example.org:8080/x", "intranet.example.org")]
    [InlineData(null, null)]
    public void Website_host_folds_case_and_www_for_duplicate_checks(string? website, string? host) =>
        Assert.Equal(host, MemberOrganisation.HostOf(website));

    [Fact]
    public void Legal_name_key_ignores_case_and_repeated_spaces() =>
        Assert.Equal(MemberOrganisation.NameKey("Gemeente  Rivierstad"), MemberOrganisation.NameKey("gemeente rivierstad"));

    [Fact]
    public void Contacts_are_updated_by_id_added_without_id_and_removed_when_left_out()
    {
        var member = NewMember();
        member.SetContacts(
            [
                new ContactDetails(null, "Ann", "ann@example.org", null, null),
                new ContactDetails(null, "Bob", "bob@example.org", null, null)]);
        var ann = member.Contacts.First();

        member.SetContacts(
            [
                new ContactDetails(ann.Id, "Ann Smit", "ann@example.org", "+31 6 1234 5678", "Buyer"),
                new ContactDetails(null, "Cas", "cas@example.org", null, null)]);

        Assert.Equal(["Ann Smit", "Cas"], member.Contacts.Select(c => c.Name));
        Assert.Equal(ann.Id, member.Contacts.First().Id);
        Assert.Equal("+31 6 1234 5678", member.Contacts.First().Phone);
    }

    [Theory]
    [InlineData("", "a@example.org", null, "Contacts[0].Name")]
    [InlineData("Ann", "ann@", null, "Contacts[0].Email")]
    [InlineData("Ann", "ann@example.org", "call me", "Contacts[0].Phone")]
    public void A_bad_contact_names_its_field(string name, string email, string? phone, string field)
    {
        var error = Assert.Throws<DomainException>(() => NewMember().SetContacts([new ContactDetails(null, name, email, phone, null)]));

        Assert.Equal(field, error.Field?.Key);
    }

    [Fact]
    public void The_same_contact_email_twice_is_refused_on_the_second_entry()
    {
        var error = Assert.Throws<DomainException>(() => NewMember().SetContacts(
            [
                new ContactDetails(null, "Ann", "ann@example.org", null, null),
                new ContactDetails(null, "Ann again", "ANN@example.org", null, null)]));

        Assert.Equal(MemberOrganisationFields.Contact(1, MemberOrganisationFields.RowEmail), error.Field);
    }

    [Theory]
    [InlineData(MembershipStatus.Suspended)]
    [InlineData(MembershipStatus.Left)]
    public void Suspending_or_leaving_needs_a_reason(MembershipStatus status)
    {
        var error = Assert.Throws<DomainException>(() => NewMember().ChangeStatus(status, "  ", new DateOnly(2026, 1, 1)));

        Assert.Equal(MemberOrganisationFields.Reason, error.Field);
    }

    private static MemberOrganisation NewMember() =>
        new(
            Guid.NewGuid(),
            "Gemeente Test",
            Sector.RegionalOrLocalGovernment,
            CountryCode.Parse("NL"),
            "test.example.nl",
            null,
            new DateOnly(2025, 1, 1));
}
