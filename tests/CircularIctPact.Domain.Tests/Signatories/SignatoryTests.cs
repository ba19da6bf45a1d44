using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Signatories;

namespace CircularIctPact.Domain.Tests.Signatories;

public sealed class SignatoryTests
{
    [Fact]
    public void Every_status_change_is_kept_with_its_date()
    {
        var signatory = new Signatory(
            "Canada", SignatoryKind.NationalGovernment, SignatoryRole.Participant, CountryCode.Parse("CA"), new DateOnly(2021, 3, 1));

        signatory.ChangeStatus(SignatoryStatus.InTalks, new DateOnly(2021, 5, 1), null);
        signatory.ChangeStatus(SignatoryStatus.Signed, new DateOnly(2022, 1, 10), "Signed at the pact meeting.");

        Assert.Equal(SignatoryStatus.Signed, signatory.Status);
        Assert.Equal(new DateOnly(2022, 1, 10), signatory.SignedOn);
        Assert.Equal(
            [SignatoryStatus.Prospect, SignatoryStatus.InTalks, SignatoryStatus.Signed],
            signatory.StatusHistory.Select(change => change.Status));
    }

    [Fact]
    public void Status_change_dated_before_the_previous_one_is_refused()
    {
        var signatory = new Signatory(
            "Norway", SignatoryKind.NationalGovernment, SignatoryRole.Participant, CountryCode.Parse("NO"), new DateOnly(2021, 6, 14));

        var error = Assert.Throws<DomainException>(() => signatory.ChangeStatus(SignatoryStatus.InTalks, new DateOnly(2021, 1, 1), null));

        Assert.Equal(SignatoryFields.Date, error.Field);
        Assert.Equal(SignatoryStatus.Prospect, signatory.Status);
    }

    [Fact]
    public void National_government_without_country_code_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            new Signatory("Somewhere", SignatoryKind.NationalGovernment, SignatoryRole.Participant, null, new DateOnly(2021, 6, 14)));

        Assert.Equal(CommonFields.Country, error.Field);
    }

    [Fact]
    public void Empty_name_is_refused() =>
        Assert.Throws<DomainException>(() =>
            new Signatory("  ", SignatoryKind.Organisation, SignatoryRole.Participant, null, new DateOnly(2021, 6, 14)));
}
