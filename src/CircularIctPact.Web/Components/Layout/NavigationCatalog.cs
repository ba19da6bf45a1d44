using CircularIctPact.Domain.Common;
using MudBlazor;

namespace CircularIctPact.Web.Components.Layout;

/// <summary>Who may see an entry in the main navigation.</summary>
public enum NavAudience
{
    Everyone,
    SignedIn,
    BuyerSide,
    Secretariat,
    Coordinator,
    Chair,
    Procurer,

    /// <summary>Chairs and external stakeholders (who take part in working groups); others find their groups on the public list.</summary>
    WorkingGroupParticipant,
}

public sealed record NavEntry(string Title, string Href, string Icon, NavAudience Audience, string Section);

/// <summary>Every page in the main navigation, with the audience allowed to see it. Pages enforce access themselves.</summary>
public static class NavigationCatalog
{
    public const string PactSection = "The pact";
    public const string WorkSection = "My work";
    public const string SecretariatSection = "Secretariat";

    public static IReadOnlyList<NavEntry> Entries { get; } =
    [
        new("Home", "", Icons.Material.Outlined.Home, NavAudience.Everyone, PactSection),
        new("Signatories", "signatories", Icons.Material.Outlined.Public, NavAudience.Everyone, PactSection),
        new("Criteria", "criteria", Icons.Material.Outlined.FactCheck, NavAudience.Everyone, PactSection),
        new("Events", "events", Icons.Material.Outlined.Event, NavAudience.Everyone, PactSection),
        new("Good practices", "good-practices", Icons.Material.Outlined.Lightbulb, NavAudience.Everyone, PactSection),
        new("Library", "library", Icons.Material.Outlined.LocalLibrary, NavAudience.Everyone, PactSection),
        new("Working groups", "working-groups", Icons.Material.Outlined.Diversity3, NavAudience.Everyone, PactSection),
        new("Apply to join", "join", Icons.Material.Outlined.GroupAdd, NavAudience.Everyone, PactSection),
        new("Market signal", "market-signal", Icons.Material.Outlined.QueryStats, NavAudience.Everyone, PactSection),
        new("Life-cycle calculator", "calculator", Icons.Material.Outlined.Calculate, NavAudience.Everyone, PactSection),
        new("My organisation", "my-organisation", Icons.Material.Outlined.Business, NavAudience.Procurer, WorkSection),
        new("Tenders", "tenders", Icons.Material.Outlined.RequestQuote, NavAudience.Procurer, WorkSection),
        new("Tender calendar", "tender-calendar", Icons.Material.Outlined.CalendarMonth, NavAudience.BuyerSide, WorkSection),
        new("Self-assessment", "self-assessment", Icons.Material.Outlined.Checklist, NavAudience.Procurer, WorkSection),
        new("Impact", "impact", Icons.Material.Outlined.Insights, NavAudience.Coordinator, WorkSection),
        new("Member organisations", "members", Icons.Material.Outlined.Groups, NavAudience.Coordinator, WorkSection),
        new("Group tenders", "tenders", Icons.Material.Outlined.RequestQuote, NavAudience.Coordinator, WorkSection),
        new("Planned demand", "demand", Icons.Material.Outlined.BarChart, NavAudience.Coordinator, WorkSection),
        new("Applications", "applications", Icons.Material.Outlined.HowToReg, NavAudience.Coordinator, WorkSection),
        new("Invitations", "invitations", Icons.Material.Outlined.ForwardToInbox, NavAudience.Coordinator, WorkSection),
        new("Audit log", "audit", Icons.Material.Outlined.History, NavAudience.Coordinator, WorkSection),
        new("Consultations", "consultations", Icons.Material.Outlined.RateReview, NavAudience.SignedIn, WorkSection),
        new("Discussions", "discussions", Icons.Material.Outlined.Forum, NavAudience.SignedIn, WorkSection),
        new("Notifications", "notifications", Icons.Material.Outlined.Notifications, NavAudience.SignedIn, WorkSection),
        new("My good-practice cases", "good-practices/mine", Icons.Material.Outlined.EditNote, NavAudience.BuyerSide, WorkSection),
        new("Review good practices", "good-practices/review", Icons.Material.Outlined.RateReview, NavAudience.Coordinator, WorkSection),
        new("My working groups", "my-working-groups", Icons.Material.Outlined.Workspaces, NavAudience.WorkingGroupParticipant, WorkSection),
        new("Account", "Account/Manage", Icons.Material.Outlined.Person, NavAudience.SignedIn, WorkSection),
        new("Manage signatories", "admin/signatories", Icons.Material.Outlined.HistoryEdu, NavAudience.Secretariat, SecretariatSection),
        new("Manage buyer groups", "admin/buyer-groups", Icons.Material.Outlined.Groups, NavAudience.Secretariat, SecretariatSection),
        new("Criteria sets", "admin/criteria", Icons.Material.Outlined.EditNote, NavAudience.Secretariat, SecretariatSection),
        new("All member organisations", "members", Icons.Material.Outlined.Groups, NavAudience.Secretariat, SecretariatSection),
        new("All applications", "applications", Icons.Material.Outlined.HowToReg, NavAudience.Secretariat, SecretariatSection),
        new("All invitations", "invitations", Icons.Material.Outlined.ForwardToInbox, NavAudience.Secretariat, SecretariatSection),
        new("All tenders", "tenders", Icons.Material.Outlined.RequestQuote, NavAudience.Secretariat, SecretariatSection),
        new("Planned demand (pact-wide)", "demand", Icons.Material.Outlined.BarChart, NavAudience.Secretariat, SecretariatSection),
        new("Publish market signal", "admin/market-signal", Icons.Material.Outlined.Campaign, NavAudience.Secretariat, SecretariatSection),
        new("Impact (pact-wide)", "impact", Icons.Material.Outlined.Insights, NavAudience.Secretariat, SecretariatSection),
        new("Review good practices (all groups)", "good-practices/review", Icons.Material.Outlined.RateReview, NavAudience.Secretariat, SecretariatSection),
        new("Manage working groups", "admin/working-groups", Icons.Material.Outlined.Diversity3, NavAudience.Secretariat, SecretariatSection),
        new("Users", "admin/users", Icons.Material.Outlined.ManageAccounts, NavAudience.Secretariat, SecretariatSection),
        new("Audit log (all groups)", "audit", Icons.Material.Outlined.History, NavAudience.Secretariat, SecretariatSection),
    ];

    /// <summary>The path of a base-relative address, without its query string or fragment.</summary>
    public static string PathOf(string baseRelativeUri)
    {
        var end = baseRelativeUri.IndexOfAny(['?', '#']);
        return end < 0 ? baseRelativeUri : baseRelativeUri[..end];
    }

    /// <summary>
    /// The aria-current of an entry on the page at <paramref name="currentPath"/>: "page" on its own page, "true" on the
    /// pages below it (as a NavLink matching by prefix marks them; home only on the home page), null elsewhere.
    /// </summary>
    public static string? AriaCurrent(string href, string currentPath) =>
        currentPath.Equals(href, StringComparison.OrdinalIgnoreCase) ? "page"
        : href.Length > 0 && currentPath.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase) ? "true"
        : null;

    public static bool IsVisibleTo(this NavEntry entry, System.Security.Claims.ClaimsPrincipal user)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        return entry.Audience switch
        {
            NavAudience.Everyone => true,
            NavAudience.SignedIn => signedIn,
            NavAudience.BuyerSide => signedIn && (user.IsInRole(PortalRoles.SecretariatAdmin) || user.IsInRole(PortalRoles.BuyerGroupCoordinator)
                || user.IsInRole(PortalRoles.Procurer) || user.IsInRole(PortalRoles.WorkingGroupChair)),
            NavAudience.Secretariat => Features.Common.ClaimsPrincipalExtensions.IsSecretariat(user),
            NavAudience.Coordinator => user.IsInRole(PortalRoles.BuyerGroupCoordinator),
            NavAudience.Chair => user.IsInRole(PortalRoles.WorkingGroupChair),
            NavAudience.Procurer => user.IsInRole(PortalRoles.Procurer),
            NavAudience.WorkingGroupParticipant => user.IsInRole(PortalRoles.WorkingGroupChair) || user.IsInRole(PortalRoles.Stakeholder),
            _ => false,
        };
    }
}
