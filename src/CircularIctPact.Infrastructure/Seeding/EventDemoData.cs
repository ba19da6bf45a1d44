using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Events;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Infrastructure.Seeding;

/// <summary>
/// Two coming events (one public, one for members) and one past meeting with its material, written in English and
/// translated into Dutch, French or German. Running it again changes nothing.
/// </summary>
public static class EventDemoData
{
    public const string PublicSession = "Learning session: repairability in laptop tenders";
    public const string MembersWebinar = "Members' webinar: replaceable batteries from February 2027";

    public static async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Events.AnyAsync(cancellationToken))
        {
            return;
        }

        var secretariat = await db.Users.Where(u => u.Email == DemoAccounts.Admin).Select(u => u.Id).SingleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        db.Events.Add(new PactEvent(
            new EventDetails(
                PublicSession,
                "Buyers from the Dutch and Belgian groups show how they asked for repair manuals, standard screws and spare parts in "
                    + "recent laptop tenders, and what the market offered in return. Open to everyone who buys ICT for a public "
                    + "organisation.",
                EventKind.LearningSession,
                At(today.AddDays(21), 14, "Europe/Amsterdam"),
                At(today.AddDays(21), 15, "Europe/Amsterdam").AddMinutes(30),
                "Europe/Amsterdam",
                "https://meet.cfit.example/repairability",
                null,
                60,
                EventAudience.Public,
                CriteriaLanguage.En,
                [
                    new Translation<EventText>(CriteriaLanguage.Nl, new EventText(
                        "Leersessie: repareerbaarheid in aanbestedingen voor laptops",
                        "Inkopers uit de Nederlandse en Belgische groepen laten zien hoe ze in recente laptopaanbestedingen vroegen om "
                            + "reparatiehandleidingen, standaardschroeven en reserveonderdelen, en wat de markt daartegenover stelde. "
                            + "Open voor iedereen die ICT inkoopt voor een publieke organisatie.")),
                    new Translation<EventText>(CriteriaLanguage.Fr, new EventText(
                        "Session d’apprentissage : la réparabilité dans les marchés d’ordinateurs portables",
                        "Des acheteurs des groupes néerlandais et belge montrent comment ils ont demandé des manuels de réparation, des "
                            + "vis standard et des pièces détachées dans de récents marchés d’ordinateurs portables, et ce que le marché a "
                            + "proposé en retour. Ouvert à toute personne qui achète des TIC pour un organisme public.")),
                ]),
            secretariat, null, null));
        db.Events.Add(new PactEvent(
            new EventDetails(
                MembersWebinar,
                "From 18 February 2027 batteries of portable devices must be removable and replaceable by the user. We go through what " +
                    "this means for the pact's battery criteria and for contracts that run beyond that date.",
                EventKind.Webinar,
                At(today.AddDays(35), 10, "Europe/Brussels"),
                At(today.AddDays(35), 11, "Europe/Brussels"),
                "Europe/Brussels",
                "https://meet.cfit.example/batteries",
                null,
                25,
                EventAudience.MembersOnly,
                CriteriaLanguage.En,
                [
                    new Translation<EventText>(CriteriaLanguage.De, new EventText(
                        "Webinar für Mitglieder: austauschbare Akkus ab Februar 2027",
                        "Ab dem 18. Februar 2027 müssen Akkus tragbarer Geräte von den Nutzern entnommen und ausgetauscht werden können. "
                            + "Wir besprechen, was das für die Akku-Kriterien des Pakts bedeutet und für Verträge, die über dieses Datum "
                            + "hinaus laufen.")),
                ]),
            secretariat, null, null));
        var past = new PactEvent(
            new EventDetails(
                "Buyer group meeting: first circular laptop tenders",
                "Members compared their first tenders with the pact's laptop criteria: which requirements the market met easily, where " +
                    "bids fell short, and what to change in the next version.",
                EventKind.Meeting,
                At(today.AddDays(-30), 13, "Europe/Amsterdam"),
                At(today.AddDays(-30), 16, "Europe/Amsterdam"),
                "Europe/Amsterdam",
                null,
                "Utrecht, meeting centre near the central station",
                30,
                EventAudience.MembersOnly,
                CriteriaLanguage.En,
                [
                    new Translation<EventText>(CriteriaLanguage.Nl, new EventText(
                        "Bijeenkomst van de inkopersgroep: de eerste circulaire laptopaanbestedingen",
                        "Leden vergeleken hun eerste aanbestedingen met de laptopcriteria van het pact: aan welke eisen de markt "
                            + "gemakkelijk voldeed, waar de inschrijvingen tekortschoten en wat er in de volgende versie moet "
                            + "veranderen.")),
                ]),
            secretariat, null, null);
        past.AddMaterial("Summary of the discussion", "https://cfit.example/notes/first-laptop-tenders", null, clock.GetUtcNow());
        db.Events.Add(past);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTimeOffset At(DateOnly day, int hour, string timeZoneId)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId).GetUtcOffset(local));
    }
}
