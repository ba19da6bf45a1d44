using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.IntegrationTests.Tenders;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Tenders;

namespace CircularIctPact.IntegrationTests.Notifications;

[Collection(FeatureNotificationsCollection.Name)]
public sealed class TenderNotificationTests(PortalFactory portal)
{
    [Fact]
    public async Task Interest_in_a_shared_tender_tells_the_owning_organisations_procurers_naming_only_the_organisation()
    {
        var owner = await portal.DemoProcurerAsync();
        var colleague = await portal.PersonAsync(
            "Cor Colleague",
            PortalRoles.Procurer,
            DemoDataSeeder.ProcurerOrganisation,
            null,
            NotificationMailMode.Immediate);
        var muted = await portal.PersonAsync(
            "Mirte Muted",
            PortalRoles.Procurer,
            DemoDataSeeder.ProcurerOrganisation,
            null,
            NotificationMailMode.Immediate,
            NotificationKind.TenderInterestReceived);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var interested =
            await portal.PersonAsync("Ivo Interested", PortalRoles.Procurer, "Universiteit Leiestad", null, NotificationMailMode.Immediate);
        var interestedColleague =
            await portal.PersonAsync("Iris Leiestad", PortalRoles.Procurer, "Universiteit Leiestad", null, NotificationMailMode.Immediate);
        var title = "Shared laptops " + Guid.NewGuid().ToString("N")[..6];
        var tenderId = await portal.ReportAsync(owner, TenderTestData.Form(await portal.LaptopsAsync(), title: title, shared: true));
        var link = $"/tenders/{tenderId}";

        await Calendar(
            c => c.ExpressInterestAsync(interested, tenderId, TenderInterestKind.Join, "We buy 120 laptops in the same quarter."));
        await Calendar(c => c.ExpressInterestAsync(interested, tenderId, TenderInterestKind.AlignTiming, null));

        var told = await portal.ToldAsync(colleague, NotificationKind.TenderInterestReceived, link);
        Assert.Equal($"Universiteit Leiestad would like to join your planned tender “{title}”", told.Title);
        portal.AssertMailed(colleague, told);
        await portal.ToldAsync(owner, NotificationKind.TenderInterestReceived, link);
        await portal.NotToldAsync(muted, link);
        await portal.NotToldAsync(coordinator, link);
        await portal.NotToldAsync(interested, link);
        await portal.NotToldAsync(interestedColleague, link);
        Assert.Empty(portal.To(FeatureNotifications.Email(muted)));
        Assert.Empty(portal.To(FeatureNotifications.Email(interestedColleague)));
    }

    private Task Calendar(Func<TenderCalendar, Task> action) => portal.WithServiceAsync(action);
}
