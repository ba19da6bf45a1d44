using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CircularIctPact.Infrastructure.Seeding;

/// <summary>
/// Adds demo data to a development database on top of the reference content (content/, loaded on the first start):
/// the buyer groups, working group and signatories are found by name, and the seed adds member organisations, their
/// contacts, one account per role and what they work on. Running it again changes nothing.
/// </summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<PortalDbContext> contextFactory,
    UserManager<ApplicationUser> userManager,
    IUserStore<ApplicationUser> userStore,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public const string DutchBuyerGroup = "Buyer Group ICT Netherlands";
    public const string BelgianBuyerGroup = "Belgian Buyer Group ICT";
    public const string ProcurerOrganisation = "Gemeente Rivierstad";
    public const string ChairedWorkingGroup = "Circular criteria for laptops";

    private const string SecretariatSignatory = "Netherlands";

    private readonly IUserAuthenticatorKeyStore<ApplicationUser> _authenticatorKeys =
        (IUserAuthenticatorKeyStore<ApplicationUser>)userStore;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureMembersAsync(db, cancellationToken);
        await EnsureAccountsAsync(db, cancellationToken);
        await EnsureMemberContactsAsync(db, cancellationToken);
        await ImpactDemoData.SeedAsync(db, clock, cancellationToken);
        await DiscussionsDemoData.SeedAsync(db, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Places the demo member organisations in the reference buyer groups, and gives the secretariat a demo contact address.
    /// </summary>
    private async Task EnsureMembersAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var dutch = await ReferenceBuyerGroupAsync(db, DutchBuyerGroup, cancellationToken);
        var belgian = await ReferenceBuyerGroupAsync(db, BelgianBuyerGroup, cancellationToken);
        if (!await db.WorkingGroups.AnyAsync(g => g.Name == ChairedWorkingGroup, cancellationToken))
        {
            throw MissingReferenceContent($"the working group '{ChairedWorkingGroup}'");
        }

        var secretariat = await db.Signatories.SingleOrDefaultAsync(s => s.Name == SecretariatSignatory, cancellationToken);
        if (secretariat is { ContactEmail: null })
        {
            secretariat.SetContact("Pact secretariat", "secretariat@cfit.example");
        }

        if (!await db.MemberOrganisations.AnyAsync(m => m.LegalName == ProcurerOrganisation, cancellationToken))
        {
            logger.LogInformation("Seeding demo data");
            db.MemberOrganisations.AddRange(DutchMembers(dutch));
            db.MemberOrganisations.AddRange(BelgianMembers(belgian));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<BuyerGroup> ReferenceBuyerGroupAsync(PortalDbContext db, string name, CancellationToken cancellationToken) =>
        await db.BuyerGroups.Include(g => g.Tiers).SingleOrDefaultAsync(g => g.Name == name, cancellationToken)
        ?? throw MissingReferenceContent($"the buyer group '{name}'");

    private static InvalidOperationException MissingReferenceContent(string what) =>
        new(
            $"The demo data builds on the reference content, which lacks {what}: load it first (Content:LoadOnFirstStart on an empty " +
                $"database, or content import).");

    /// <summary>
    /// Gives each demo member its contact person unless it already has one (also for databases seeded before contacts existed).
    /// </summary>
    private static async Task EnsureMemberContactsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var names = DemoContacts.Keys.ToList();
        var members = await db.MemberOrganisations.Include(m => m.Contacts)
            .Where(m => names.Contains(m.LegalName) && !m.Contacts.Any())
            .ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            var (name, function) = DemoContacts[member.LegalName];
            var mailbox = name.Split(' ')[0].ToLowerInvariant();
            member.AddContact(new ContactDetails(null, name, $"{mailbox}@{member.WebsiteHost}", null, function));
        }

        if (members.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static readonly Dictionary<string, (string Name, string Function)> DemoContacts = new(StringComparer.Ordinal)
    {
        [ProcurerOrganisation] = ("Fatima El Amrani", "ICT buyer"),
        ["Ministerie van Voorbeeldzaken"] = ("Pieter Jansen", "Category manager ICT"),
        ["Hogeschool Lage Landen"] = ("Anouk Visser", "Procurement officer"),
        ["Universiteit Polderstad"] = ("Daan Mulder", "Sustainability coordinator"),
        ["Ziekenhuis Westhaven"] = ("Sophie de Boer", "Head of purchasing"),
        ["Waterschap Veenland"] = ("Ruben Smit", "ICT buyer"),
        ["Provincie Duinkust"] = ("Lotte Meijer", "Procurement advisor"),
        ["Gemeente Heideveld"] = ("Thomas de Graaf", "ICT buyer"),
        ["Verzekeraar Zekerheid NV"] = ("Eva Bos", "IT asset manager"),
        ["Stichting Open Leren"] = ("Noah Vos", "Operations manager"),
        ["Stad Scheldeveld"] = ("Lien Claes", "Aankoper ICT"),
        ["Universiteit Leiestad"] = ("Wout Maes", "Procurement officer"),
        ["Federale Overheidsdienst Voorbeeld"] = ("Hanne Jacobs", "Sustainable procurement advisor"),
        ["Ville de Meuse-Haute"] = ("Camille Dubois", "Acheteuse informatique"),
    };

    private async Task EnsureAccountsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var dutch = await db.BuyerGroups.Include(g => g.Coordinators).SingleAsync(g => g.Name == DutchBuyerGroup, cancellationToken);
        var belgian = await db.BuyerGroups.Include(g => g.Coordinators).SingleAsync(g => g.Name == BelgianBuyerGroup, cancellationToken);
        var procurerOrganisation = await db.MemberOrganisations.SingleAsync(m => m.LegalName == ProcurerOrganisation, cancellationToken);
        var workingGroup = await db.WorkingGroups.Include(g => g.Participants)
            .SingleAsync(g => g.Name == ChairedWorkingGroup, cancellationToken);

        var admin = await EnsureUserAsync(DemoAccounts.Admin, "Sanne de Vries (secretariat)", PortalRoles.SecretariatAdmin, null);
        if (!admin.TwoFactorEnabled)
        {
            // A fixed key, so that testers can add the demo admin to an authenticator app from the README.
            await _authenticatorKeys.SetAuthenticatorKeyAsync(admin, DemoAccounts.AdminAuthenticatorKey, cancellationToken);
            Check(await userManager.SetTwoFactorEnabledAsync(admin, true), admin.Email!);
        }

        var coordinatorNl = await EnsureUserAsync(
            DemoAccounts.CoordinatorNetherlands, "Joost Bakker", PortalRoles.BuyerGroupCoordinator, null);
        var coordinatorBe = await EnsureUserAsync(
            DemoAccounts.CoordinatorBelgium, "Elise Peeters", PortalRoles.BuyerGroupCoordinator, null);
        await EnsureUserAsync(DemoAccounts.Procurer, "Fatima El Amrani", PortalRoles.Procurer, procurerOrganisation.Id);
        var chair = await EnsureUserAsync(DemoAccounts.Chair, "Lars Nilsen", PortalRoles.WorkingGroupChair, null);

        if (dutch.Coordinators.All(c => c.UserId != coordinatorNl.Id))
        {
            dutch.AssignCoordinator(coordinatorNl.Id);
        }

        if (belgian.Coordinators.All(c => c.UserId != coordinatorBe.Id))
        {
            belgian.AssignCoordinator(coordinatorBe.Id);
        }

        if (workingGroup.Participants.All(p => p.UserId != chair.Id))
        {
            workingGroup.AddParticipant(chair.Id, ParticipantRole.Chair);
        }

        await db.SaveChangesAsync(cancellationToken);
        await EventDemoData.SeedAsync(db, clock, cancellationToken);
        await WorkingGroupsDemoData.SeedAsync(db, workingGroup, EnsureUserAsync, clock.GetUtcNow(), cancellationToken);
    }

    private async Task<ApplicationUser> EnsureUserAsync(string email, string displayName, string role, Guid? organisationId)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                MemberOrganisationId = organisationId,
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await userManager.CreateAsync(user, DemoAccounts.Password), email);
        }

        if (!await userManager.IsInRoleAsync(user, role))
        {
            Check(await userManager.AddToRoleAsync(user, role), email);
        }

        return user;
    }

    private static void Check(IdentityResult result, string subject)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {subject} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static IEnumerable<MemberOrganisation> DutchMembers(BuyerGroup group)
    {
        var leading = group.Tiers.Single(t => t.Name == BuyerGroupTier.LeadingGroup).Id;
        var peloton = group.Tiers.Single(t => t.Name == BuyerGroupTier.Peloton).Id;
        var nl = CountryCode.Parse("NL");
        (string Name, Sector Sector, string Website, bool Leading)[] members =
        [
            (ProcurerOrganisation, Sector.RegionalOrLocalGovernment, "rivierstad.example.nl", true),
            ("Ministerie van Voorbeeldzaken", Sector.CentralGovernment, "voorbeeldzaken.example.nl", true),
            ("Hogeschool Lage Landen", Sector.Education, "hll.example.nl", true),
            ("Universiteit Polderstad", Sector.Education, "uni-polderstad.example.nl", true),
            ("Ziekenhuis Westhaven", Sector.Healthcare, "westhaven-zkh.example.nl", false),
            ("Waterschap Veenland", Sector.OtherPublicBody, "veenland.example.nl", false),
            ("Provincie Duinkust", Sector.RegionalOrLocalGovernment, "duinkust.example.nl", false),
            ("Gemeente Heideveld", Sector.RegionalOrLocalGovernment, "heideveld.example.nl", false),
            ("Verzekeraar Zekerheid NV", Sector.PrivateCompany, "zekerheid.example.nl", false),
            ("Stichting Open Leren", Sector.NonProfit, "openleren.example.nl", false),
        ];
        return members.Select(m =>
        {
            var organisation = new MemberOrganisation(
                group.Id, m.Name, m.Sector, nl, m.Website, m.Leading ? leading : peloton, new DateOnly(2021, 10, 4));
            organisation.Profile(
                m.Leading ? SizeBand.Large : SizeBand.Medium, m.Leading ? IctSpendBand.From1To10Million : IctSpendBand.Under1Million);
            return organisation;
        });
    }

    private static IEnumerable<MemberOrganisation> BelgianMembers(BuyerGroup group)
    {
        var peloton = group.Tiers.Single(t => t.Name == BuyerGroupTier.Peloton).Id;
        var be = CountryCode.Parse("BE");
        (string Name, Sector Sector, string Website)[] members =
        [
            ("Stad Scheldeveld", Sector.RegionalOrLocalGovernment, "scheldeveld.example.be"),
            ("Universiteit Leiestad", Sector.Education, "uleiestad.example.be"),
            ("Federale Overheidsdienst Voorbeeld", Sector.CentralGovernment, "fod-voorbeeld.example.be"),
            ("Ville de Meuse-Haute", Sector.RegionalOrLocalGovernment, "meuse-haute.example.be"),
        ];
        return members.Select(m => new MemberOrganisation(group.Id, m.Name, m.Sector, be, m.Website, peloton, new DateOnly(2022, 2, 1)));
    }
}
