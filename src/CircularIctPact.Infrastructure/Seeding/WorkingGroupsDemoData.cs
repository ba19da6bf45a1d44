using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Infrastructure.Seeding;

/// <summary>
/// The laptop working group's first meeting cycle: an NGO stakeholder and a buyer take part, one meeting
/// has minutes and actions (one overdue), the next is planned, and outcomes exist for each audience. The group's
/// description and its outcomes are written in English and partly translated into Dutch, French and German.
/// </summary>
internal static class WorkingGroupsDemoData
{
    public const string StakeholderOrganisation = "Fair Tech Watch";

    public static async Task SeedAsync(
        PortalDbContext db,
        WorkingGroup laptops,
        Func<string, string, string, Guid?, Task<ApplicationUser>> ensureUser,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var stakeholder = await ensureUser(DemoAccounts.Stakeholder, "Amara Okafor", PortalRoles.Stakeholder, null);
        if (laptops.Translations.Count == 0)
        {
            Translate(laptops);
        }

        if (await db.WorkingGroupMeetings.AnyAsync(m => m.WorkingGroupId == laptops.Id, cancellationToken))
        {
            return;
        }

        var chair = laptops.Participants.Single(p => p.Role == ParticipantRole.Chair).UserId;
        var procurer = await db.Users.Where(u => u.Email == DemoAccounts.Procurer).Select(u => u.Id).SingleAsync(cancellationToken);
        laptops.AddParticipant(stakeholder.Id, ParticipantRole.Participant, StakeholderType.Ngo, StakeholderOrganisation);
        laptops.AddParticipant(
            procurer, ParticipantRole.Participant, StakeholderType.MemberOrganisation, DemoDataSeeder.ProcurerOrganisation);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var kickOff = new WorkingGroupMeeting(laptops.Id, "Kick-off: spare parts and batteries",
            today.AddDays(-40).ToDateTime(new TimeOnly(10, 0)), "Europe/Brussels", null, "https://meet.example.org/cfit-laptops",
            "1. Welcome and round of introductions\n2. What the EU already requires: USB-C charging for laptops from April 2026, "
                + "user-replaceable batteries from February 2027\n3. No EU spare-part rule for laptops yet: what should buyers ask for?\n"
                + "4. Planning of the next meetings");
        kickOff.WriteMinutes(
            "Buyers and the NGO agreed that a spare-parts commitment is the most urgent gap for laptops, because the ecodesign rules for "
                + "computers are still being revised.\nRefurbishers report that batteries and keyboards are the parts they replace most. "
                + "The group will ask for a commitment of at least seven years, in line with the smartphone rules.\n"
                + "Next meeting: draft recommendation and a first criteria proposal.");
        kickOff.RecordAttendance([chair, stakeholder.Id, procurer], [chair, stakeholder.Id, procurer]);
        var next = new WorkingGroupMeeting(laptops.Id, "Drafting the spare-parts criterion",
            today.AddDays(14).ToDateTime(new TimeOnly(14, 0)),
            "Europe/Amsterdam",
            "Utrecht, meeting room 2.14",
            "https://meet.example.org/cfit-laptops",
            "1. Comments on the draft recommendation\n2. Proposal for the next laptop criteria set\n3. Any other business");
        db.WorkingGroupMeetings.AddRange(kickOff, next);

        db.ActionItems.AddRange(
            new ActionItem(
                laptops.Id,
                kickOff.Id,
                "Collect refurbishers' experience with battery and keyboard replacement",
                stakeholder.Id,
                today.AddDays(-10)),
            new ActionItem(
                laptops.Id, kickOff.Id, "Check which spare-part terms our current laptop contract contains", procurer, today.AddDays(10)));

        var recommendation = new WorkingGroupOutcome(
            laptops.Id,
            kickOff.Id,
            "Ask for spare parts for at least seven years",
            OutcomeType.Recommendation,
            "Until the EU sets spare-part rules for laptops, buyers ask suppliers to keep key spare parts (battery, display, keyboard, " +
                "charger) available for at least seven years after the model leaves the market, and to deliver them within ten working " +
                    "days.",
            OutcomeVisibility.Public,
            null,
            CriteriaLanguage.En,
            [
                new Translation<OutcomeText>(CriteriaLanguage.Nl, new OutcomeText(
                    "Vraag om reserveonderdelen voor minstens zeven jaar",
                    "Zolang de EU geen regels voor reserveonderdelen van laptops heeft, vragen inkopers leveranciers om belangrijke "
                        + "reserveonderdelen (accu, beeldscherm, toetsenbord, lader) nog minstens zeven jaar nadat het model uit de handel "
                        + "is beschikbaar te houden, en ze binnen tien werkdagen te leveren.")),
                new Translation<OutcomeText>(CriteriaLanguage.Fr, new OutcomeText(
                    "Demander des pièces détachées pendant au moins sept ans",
                    "Tant que l’UE n’a pas fixé de règles sur les pièces détachées des ordinateurs portables, les acheteurs demandent "
                        + "aux fournisseurs de garder les pièces essentielles (batterie, écran, clavier, chargeur) disponibles pendant au "
                        + "moins sept ans après le retrait du modèle du marché, et de les livrer dans un délai de dix jours ouvrables.")),
            ]);
        recommendation.Publish(now.AddDays(-30));
        var workingMethod = new WorkingGroupOutcome(
            laptops.Id,
            kickOff.Id,
            "Working method until the next criteria set",
            OutcomeType.Decision,
            "The group meets every six weeks online. Drafts are shared one week before a meeting; silence within a week counts as consent.",
            OutcomeVisibility.WorkingGroup,
            null);
        workingMethod.Publish(now.AddDays(-39));
        var proposal = new WorkingGroupOutcome(
            laptops.Id,
            null,
            "Proposal: spare-parts availability criterion for laptops",
            OutcomeType.CriteriaProposal,
            "Add a core technical specification: the supplier keeps the battery, display, keyboard and charger available for at least " +
                "seven years after the last unit of the model is sold.",
            OutcomeVisibility.AllMembers,
            null,
            CriteriaLanguage.En,
            [
                new Translation<OutcomeText>(CriteriaLanguage.De, new OutcomeText(
                    "Vorschlag: Kriterium zur Ersatzteilverfügbarkeit für Laptops",
                    "Eine technische Kernspezifikation ergänzen: Der Lieferant hält Akku, Bildschirm, Tastatur und Ladegerät noch "
                        + "mindestens sieben Jahre nach dem Verkauf des letzten Geräts des Modells verfügbar.")),
            ]);
        db.WorkingGroupOutcomes.AddRange(recommendation, workingMethod, proposal);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The group's own description stays as the reference content gives it; the demo adds what its chair translated.</summary>
    private static void Translate(WorkingGroup laptops) =>
        laptops.Describe(
            laptops.Language,
            new WorkingGroupText(laptops.Name, laptops.Topic, laptops.Mandate),
            [
                new Translation<WorkingGroupText>(CriteriaLanguage.Nl, new WorkingGroupText(
                    "Circulaire criteria voor laptops",
                    "Eisen aan levensduur, reparatie en hergebruik van laptops",
                    "De circulaire laptopcriteria van het pact afstemmen met inkopers, fabrikanten, refurbishers en ngo’s, en "
                        + "wijzigingen voorstellen voor de volgende criteriaset.")),
                new Translation<WorkingGroupText>(CriteriaLanguage.Fr, new WorkingGroupText(
                    "Critères circulaires pour les ordinateurs portables",
                    "Exigences de durée de vie, de réparation et de réemploi pour les ordinateurs portables",
                    "Harmoniser les critères circulaires du pacte pour les ordinateurs portables avec les acheteurs, les fabricants, "
                        + "les reconditionneurs et les ONG, et proposer des modifications pour le prochain ensemble de critères.")),
            ]);
}
