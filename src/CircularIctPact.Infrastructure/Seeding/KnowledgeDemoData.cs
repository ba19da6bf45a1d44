using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Documents;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Infrastructure.Seeding;

/// <summary>
/// Good-practice cases of the demo member organisations and a first shelf of library items. The cases are
/// written in our own words; the only figures in them are published study estimates, named as such, never
/// results claimed for an organisation. Some are written in Dutch and translated into English, some the other
/// way round, and one library item is translated into French as well. Runs after the criteria seed (product
/// groups) and changes nothing once cases exist.
/// </summary>
public sealed class KnowledgeDemoData(IDbContextFactory<PortalDbContext> contextFactory)
{
    public const string RivierstadLaptopCase = "Laptops in use for six years instead of four, with a battery swap halfway";
    public const string ScheldeveldSubmittedCase = "One framework contract for smartphones with spare parts for five years";
    public const string TakeBackTemplate = "Contract clause: take-back, certified data erasure and reuse report";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.GoodPracticeCases.AnyAsync(cancellationToken) || await db.LibraryItems.AnyAsync(cancellationToken))
        {
            return;
        }

        var users = await db.Users.Where(u => u.Email != null)
            .ToDictionaryAsync(u => u.Email!, u => (Id: u.Id, Name: u.DisplayName), cancellationToken);
        if (!users.ContainsKey(DemoAccounts.Admin))
        {
            return;
        }

        var organisations = await db.MemberOrganisations.ToDictionaryAsync(
            m => m.LegalName, m => (m.Id, m.BuyerGroupId), cancellationToken);
        var productGroups = await db.ProductGroups.ToDictionaryAsync(g => g.Slug, g => g.Id, cancellationToken);
        var admin = users[DemoAccounts.Admin];
        var procurer = users[DemoAccounts.Procurer];
        var coordinatorNl = users[DemoAccounts.CoordinatorNetherlands];
        var coordinatorBe = users[DemoAccounts.CoordinatorBelgium];

        GoodPracticeCase Case(string organisation, (Guid Id, string Name) author, GoodPracticeContent content, DateOnly written)
        {
            var (organisationId, groupId) = organisations[organisation];
            return new GoodPracticeCase(organisationId, groupId, author.Id, content, At(written));
        }

        GoodPracticeCase Published(GoodPracticeCase practice, (Guid Id, string Name) author, DateOnly submitted, DateOnly approved)
        {
            practice.Submit(author.Id, author.Name, At(submitted));
            practice.Approve(null, admin.Id, admin.Name, At(approved));
            return practice;
        }

        Guid? Group(string slug) => productGroups.TryGetValue(slug, out var id) ? id : null;

        var laptops = Published(Case(DemoDataSeeder.ProcurerOrganisation, procurer, new GoodPracticeContent(
            RivierstadLaptopCase,
            "The municipality replaced its office laptops every four years, mostly because batteries had worn out and the devices felt " +
                "slow, not because they were broken. Budgets were under pressure and the council had adopted a circular procurement " +
                    "ambition.",
            "In the new tender the municipality asked for models with a battery that can be replaced without special tools, spare "
                + "batteries and keyboards available for at least six years, and firmware updates for the same period. The service desk "
                + "was trained to replace batteries and to reinstall devices after four years instead of handing out new ones.",
            "The planned replacement cycle moved from four to six years. Battery swaps and a clean reinstallation became a standard step " +
                "in year four, and users were asked about performance before any device was replaced.",
            "Fewer laptops are bought per workplace over the contract period. Published life-cycle studies estimate that keeping one " +
                "laptop for six years instead of buying two for three years each cuts its carbon footprint by roughly a third, mostly " +
                    "because the manufacturing emissions are spread over more years.",
            "Ask for spare-part availability and update support in the tender itself; they are hard to negotiate later. Involve the " +
                "service desk early, because they carry the extra work. Measure user satisfaction before and after the battery swap, so " +
                    "decisions to replace rest on facts.",
            Group("laptops"),
            ["lifespan", "battery", "repair", "laptops"],
            "Fatima El Amrani",
            "fatima@rivierstad.example.nl",
            KnowledgeVisibility.Public,
            CriteriaLanguage.En,
            [
                new Translation<GoodPracticeText>(CriteriaLanguage.Nl, new GoodPracticeText(
                    "Laptops zes jaar in gebruik in plaats van vier, met halverwege een nieuwe accu",
                    "De gemeente verving haar kantoorlaptops elke vier jaar, vooral omdat de accu's versleten waren en de apparaten "
                        + "traag aanvoelden, niet omdat ze kapot waren. De budgetten stonden onder druk en de raad had een ambitie voor "
                        + "circulair inkopen vastgesteld.",
                    "In de nieuwe aanbesteding vroeg de gemeente om modellen met een accu die zonder speciaal gereedschap te vervangen "
                        + "is, om reserveaccu's en toetsenborden die minstens zes jaar leverbaar blijven, en om firmware-updates voor "
                        + "dezelfde periode. De servicedesk leerde accu's te vervangen en apparaten na vier jaar opnieuw te installeren "
                        + "in plaats van nieuwe uit te geven.",
                    "De geplande vervangingscyclus ging van vier naar zes jaar. Een nieuwe accu en een schone herinstallatie werden in "
                        + "het vierde jaar een vaste stap, en gebruikers werd naar de prestaties gevraagd voordat een apparaat werd "
                        + "vervangen.",
                    "Over de looptijd van het contract worden minder laptops per werkplek gekocht. Gepubliceerde levenscyclusstudies "
                        + "schatten dat één laptop zes jaar gebruiken in plaats van twee laptops elk drie jaar de CO2-voetafdruk met "
                        + "ongeveer een derde verkleint, vooral omdat de uitstoot van de productie over meer jaren wordt verdeeld.",
                    "Vraag in de aanbesteding zelf om beschikbaarheid van reserveonderdelen en updates; achteraf is daar moeilijk over "
                        + "te onderhandelen. Betrek de servicedesk vroeg, want die draagt het extra werk. Meet de tevredenheid van "
                        + "gebruikers voor en na de accuvervanging, zodat besluiten over vervanging op feiten berusten.")),
            ]), new DateOnly(2025, 3, 3)), procurer, new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 14));

        var refurbished = Published(Case("Ministerie van Voorbeeldzaken", coordinatorNl, new GoodPracticeContent(
            "Gereviseerde smartphones als standaard voor nieuwe medewerkers",
            "Het ministerie gaf elke nieuwe medewerker een nieuwe smartphone, terwijl de meeste medewerkers alleen bellen, mailen en " +
                "agenderen. Tegelijk wilde de organisatie haar inkoop circulairder maken.",
            "In de aanbesteding werd een perceel voor gereviseerde (refurbished) toestellen opgenomen, met eisen aan het kwaliteitsproces "
                + "van de leverancier, een garantie van minimaal een jaar, een nieuwe accu boven een vastgestelde minimumcapaciteit en "
                + "gecertificeerde dataverwijdering bij inname.",
            "Gereviseerde toestellen werden de standaard voor nieuwe medewerkers; een nieuw toestel blijft mogelijk als de functie daarom "
                + "vraagt. Klachten over de toestellen bleven op het niveau van nieuwe toestellen.",
            "Volgens gepubliceerd onderzoek heeft een gereviseerde smartphone per jaar gebruik een veel kleinere milieu-impact dan een " +
                "nieuwe, omdat de productie van een nieuw toestel het grootste deel van de voetafdruk bepaalt.",
            "Leg de garantie en de accu-eisen vast in het contract en controleer ze bij de eerste leveringen. Communiceer vooraf met " +
                "medewerkers waarom gereviseerd de norm wordt; dan wordt het een keuze waar mensen trots op zijn.",
            Group("smartphones"),
            ["refurbished", "smartphones", "warranty"],
            "Pieter Jansen",
            "pieter@voorbeeldzaken.example.nl",
            KnowledgeVisibility.Public,
            CriteriaLanguage.Nl,
            [
                new Translation<GoodPracticeText>(CriteriaLanguage.En, new GoodPracticeText(
                    "Refurbished smartphones as the standard for new staff",
                    "The ministry gave every new member of staff a new smartphone, although most of them only call, e-mail and keep a "
                        + "calendar. At the same time the organisation wanted to make its purchasing more circular.",
                    "The tender included a lot for refurbished devices, with requirements for the supplier's quality process, a "
                        + "warranty of at least one year, a new battery above a set minimum capacity and certified data erasure when "
                        + "devices are taken back.",
                    "Refurbished devices became the standard for new staff; a new device remains possible when the job calls for it. "
                        + "Complaints about the devices stayed at the level of new ones.",
                    "According to published research, a refurbished smartphone has a much smaller environmental impact per year of use "
                        + "than a new one, because making a new device accounts for most of its footprint.",
                    "Put the warranty and battery requirements in the contract and check them with the first deliveries. Explain to "
                        + "staff beforehand why refurbished becomes the norm; then it becomes a choice people are proud of.")),
            ]), new DateOnly(2025, 5, 12)), coordinatorNl, new DateOnly(2025, 5, 19), new DateOnly(2025, 5, 23));

        var takeBack = Published(Case("Universiteit Polderstad", coordinatorNl, new GoodPracticeContent(
            "A take-back clause that tells us where our old laptops went",
            "Student and staff laptops were collected at the end of their use by whichever party offered the best price, and the " +
                "university could not say whether devices were reused, recycled or exported.",
            "The university added a contract clause to its laptop tender: the supplier takes back the devices at the end of use, erases " +
                "data with a certified method, prepares devices for reuse where possible, has the rest recycled by an approved operator, " +
                    "and reports every year per serial number what happened to each device.",
            "Every returned device now has a documented destination. Data-erasure certificates are kept with the asset register, which " +
                "also satisfied the university's privacy officer.",
            "Reuse became visible and could be steered: the university now asks for a rising reuse share in each new contract.",
            "Ask for reporting per serial number from the start; totals per year are not enough to check. Agree on what happens to devices "
                + "that fail the erasure step.",
            Group("laptops"),
            ["take-back", "end of life", "data erasure", "reuse"],
            "Daan Mulder",
            "daan@uni-polderstad.example.nl",
            KnowledgeVisibility.MembersOnly,
            CriteriaLanguage.En), new DateOnly(2025, 9, 1)), coordinatorNl, new DateOnly(2025, 9, 8), new DateOnly(2025, 9, 12));

        var transparency = Published(Case("Provincie Duinkust", coordinatorNl, new GoodPracticeContent(
            "Supply-chain transparency criteria in a province's laptop and phone contract",
            "The province wanted to know in which factories its laptops and phones were made and whether workers' rights were respected " +
                "there, but had no way to check suppliers' claims.",
            "The contract used the Electronics Watch contract conditions: after signing, the supplier discloses the factories for the " +
                "contracted models and main components and shares compliance findings; when there is evidence of a breach, it cooperates " +
                    "with monitoring and shows how it is remedied. The province became an affiliate so that independent monitors could " +
                        "follow up.",
            "The supplier published its factory list for the contracted models within the agreed period. A finding on working hours at one "
                + "factory was followed by a remediation plan that the province tracks in its contract meetings.",
            "Transparency turned a promise in the tender into something the contract manager can follow up, and the province now applies " +
                "the same clause to its printer and monitor contracts.",
            "Budget time for contract management: disclosure is the start, not the end. Work with other buyers that use the same clause, " +
                "so suppliers hear one consistent question.",
            null,
            ["supply chain", "labour rights", "transparency"],
            "Lotte Meijer",
            "lotte@duinkust.example.nl",
            KnowledgeVisibility.Public,
            CriteriaLanguage.En), new DateOnly(2025, 11, 3)), coordinatorNl, new DateOnly(2025, 11, 10), new DateOnly(2025, 11, 17));

        var waiting = Case("Stad Scheldeveld", coordinatorBe, new GoodPracticeContent(
            ScheldeveldSubmittedCase,
            "The city bought smartphones in small batches per department, each with different models and no agreement on repairs.",
            "One framework contract for all departments, with a short list of models, spare displays and batteries available for five " +
                "years, and repairs done within a fixed number of working days.",
            "Departments order from the same short list; broken screens are repaired instead of replaced.",
            "Fewer models to support and fewer devices replaced early.",
            "Agree on the repair turnaround time in the contract and check it in the first months.",
            Group("smartphones"),
            ["smartphones", "repair", "framework contract"],
            "Lien Claes",
            "lien@scheldeveld.example.be",
            KnowledgeVisibility.Public,
            CriteriaLanguage.En), new DateOnly(2026, 10, 5));
        waiting.Submit(coordinatorBe.Id, coordinatorBe.Name, At(new DateOnly(2026, 10, 6)));

        db.GoodPracticeCases.AddRange(laptops, refurbished, takeBack, transparency, waiting);

        var template = Document(
            "take-back-clause-v1.pdf",
            TakeBackTemplate,
            [
                "Template clause for ICT contracts.",
                "The contractor takes back the delivered devices at the end of use,",
                "erases all data with a certified method and reports per serial number",
                "whether each device was reused or recycled."],
            admin.Id,
            new DateOnly(2025, 10, 1));
        var templateV2 = Document(
            "take-back-clause-v2.pdf",
            TakeBackTemplate,
            [
                "Template clause for ICT contracts (version 2).",
                "Adds: devices that fail data erasure are shredded,",
                "and the shredding certificate lists their serial numbers."],
            admin.Id,
            new DateOnly(2026, 2, 2));
        db.StoredDocuments.AddRange(template, templateV2);

        var clause = new LibraryItem(
            new LibraryItemDescription(
                TakeBackTemplate,
                "A contract clause buyers can copy into laptop and smartphone tenders: take-back at the end of use, certified data " +
                    "erasure, preparation for reuse and a yearly report per serial number.",
                LibraryItemType.Template,
                CriteriaLanguage.En,
                null,
                ["take-back", "data erasure", "contract clause"],
                KnowledgeVisibility.MembersOnly,
                [
                    new Translation<LibraryItemText>(CriteriaLanguage.Nl, new LibraryItemText(
                        "Contractclausule: terugname, gecertificeerde gegevensverwijdering en hergebruikrapportage",
                        "Een contractclausule die inkopers kunnen overnemen in aanbestedingen voor laptops en smartphones: terugname "
                            + "aan het eind van het gebruik, gecertificeerde gegevensverwijdering, voorbereiding op hergebruik en een "
                            + "jaarlijks rapport per serienummer.")),
                    new Translation<LibraryItemText>(CriteriaLanguage.Fr, new LibraryItemText(
                        "Clause contractuelle : reprise, effacement certifié des données et rapport de réemploi",
                        "Une clause que les acheteurs peuvent reprendre dans leurs marchés d’ordinateurs portables et de smartphones : "
                            + "reprise en fin d’utilisation, effacement certifié des données, préparation au réemploi et rapport annuel "
                            + "par numéro de série.")),
                ]),
            LibraryContent.File(template.Id), "First version.", admin.Id, admin.Name, At(new DateOnly(2025, 10, 1)));
        clause.AddVersion(
            LibraryContent.File(templateV2.Id),
            "Says what happens to devices that fail data erasure.",
            admin.Id,
            admin.Name,
            At(new DateOnly(2026, 2, 2)));

        db.LibraryItems.AddRange(
            clause,
            new LibraryItem(
                new LibraryItemDescription(
                    "EU green public procurement criteria for computers, monitors, tablets and smartphones",
                    "The European Commission's voluntary GPP criteria (2021) for computers, monitors, tablets and smartphones, with core " +
                        "and comprehensive levels and a separate block for refurbished devices.",
                    LibraryItemType.Guide,
                    CriteriaLanguage.En,
                    Group("laptops"),
                    ["gpp", "eu", "criteria"],
                    KnowledgeVisibility.Public),
                LibraryContent.Link("https://green-business.ec.europa.eu/green-public-procurement_en"),
                null,
                admin.Id,
                admin.Name,
                At(new DateOnly(2025, 6, 2))),
            new LibraryItem(
                new LibraryItemDescription(
                    "Electronics Watch: contract conditions for public buyers",
                    "How public buyers put supply-chain disclosure and workers' rights monitoring into ICT hardware contracts with " +
                        "Electronics Watch.",
                    LibraryItemType.Guide,
                    CriteriaLanguage.En,
                    null,
                    ["supply chain", "labour rights"],
                    KnowledgeVisibility.Public),
                LibraryContent.Link("https://electronicswatch.org/"), null, admin.Id, admin.Name, At(new DateOnly(2025, 6, 9))),
            new LibraryItem(
                new LibraryItemDescription(
                    "Marktvisie en strategie circulaire en eerlijke ICT (samenvatting)",
                    "Samenvatting van de marktvisie en strategie die de koplopergroep van de Nederlandse inkopersgroep opstelde: langer " +
                        "gebruik, hergebruik en eerlijke productieketens, en wat de groep van de markt vraagt.",
                    LibraryItemType.MarketVisionAndStrategy,
                    CriteriaLanguage.Nl,
                    null,
                    ["market vision", "buyer group"],
                    KnowledgeVisibility.MembersOnly,
                    [
                        new Translation<LibraryItemText>(CriteriaLanguage.En, new LibraryItemText(
                            "Market vision and strategy for circular and fair ICT (summary)",
                            "Summary of the market vision and strategy drawn up by the leading group of the Dutch buyer group: longer "
                                + "use, reuse and fair supply chains, and what the group asks of the market.")),
                    ]),
                LibraryContent.File(
                    AddDocument(
                        db,
                        Document(
                            "marktvisie-samenvatting.pdf",
                            "Marktvisie en strategie (samenvatting)",
                            ["Samenvatting voor leden van de inkopersgroep.", "Langer gebruik, hergebruik en eerlijke productieketens."],
                            admin.Id,
                            new DateOnly(2025, 4, 7)))),
                null, admin.Id, admin.Name, At(new DateOnly(2025, 4, 7))));

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Guid AddDocument(PortalDbContext db, StoredDocument document)
    {
        db.StoredDocuments.Add(document);
        return document.Id;
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private static StoredDocument Document(string fileName, string title, IReadOnlyList<string> lines, Guid uploadedBy, DateOnly on)
    {
        var content = SimplePdf(title, lines);
        return new StoredDocument(
            fileName, "application/pdf", content, Convert.ToHexStringLower(SHA256.HashData(content)), uploadedBy, At(on));
    }

    /// <summary>A one-page PDF with a title and lines of plain ASCII text, with a correct cross-reference table.</summary>
    private static byte[] SimplePdf(string title, IReadOnlyList<string> lines)
    {
        static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("(", "\\(", StringComparison.Ordinal)
            .Replace(")", "\\)", StringComparison.Ordinal);
        var stream = new StringBuilder("BT /F1 16 Tf 50 790 Td (").Append(Escape(title)).Append(") Tj /F1 11 Tf");
        foreach (var line in lines)
        {
            stream.Append(" 0 -20 Td (").Append(Escape(line)).Append(") Tj");
        }

        stream.Append(" ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
