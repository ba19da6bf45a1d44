using System.Net;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Security;

/// <summary>Who may reach a page or endpoint at all (scopes inside it are checked by the feature services).</summary>
public enum Audience
{
    Anyone,
    SignedIn,
    Procurer,
    Coordinator,
    Chair,
    Secretariat,

    /// <summary>Coordinators and the secretariat (with two factors).</summary>
    CoordinatorOrSecretariat,

    /// <summary>Procurers, coordinators and the secretariat (with two factors).</summary>
    ProcurerCoordinatorOrSecretariat,

    /// <summary>Everyone on the buying side (procurers, coordinators, chairs, secretariat); never stakeholders.</summary>
    BuyerSide,

    /// <summary>Whoever organises events: the secretariat, coordinators and working-group chairs.</summary>
    Organiser,

    /// <summary>Coordinators, working-group chairs and the secretariat (with two factors).</summary>
    LibraryCurator,
}

/// <summary>
/// Every page and endpoint in the portal's own route table, with the audience it is meant for.
/// A new page or endpoint without an entry here fails the build; every GET route without parameters
/// is requested as anonymous and as each role and must answer as its audience says.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Dictionary<string, Audience> Expected = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PAGE /"] = Audience.Anyone,
        ["PAGE /accessibility"] = Audience.Anyone,
        ["PAGE /privacy"] = Audience.Anyone,
        ["PAGE /not-found"] = Audience.Anyone,
        ["PAGE /Error"] = Audience.Anyone,
        ["GET /health/live"] = Audience.Anyone,
        ["GET /health/ready"] = Audience.Anyone,
        ["POST /preferences/theme"] = Audience.Anyone,
        ["GET /theme/{mode}.css"] = Audience.Anyone,
        ["POST /preferences/culture"] = Audience.Anyone,
        ["PAGE /my-organisation"] = Audience.Procurer,
        ["PAGE /join"] = Audience.Anyone,
        ["PAGE /join/submitted"] = Audience.Anyone,
        ["PAGE /invitation/accept"] = Audience.Anyone,
        ["PAGE /applications"] = Audience.CoordinatorOrSecretariat,
        ["PAGE /invitations"] = Audience.CoordinatorOrSecretariat,
        ["PAGE /members"] = Audience.CoordinatorOrSecretariat,
        ["PAGE /members/new"] = Audience.CoordinatorOrSecretariat,
        ["PAGE /members/{Id:guid}"] = Audience.CoordinatorOrSecretariat,
        ["PAGE /members/import"] = Audience.CoordinatorOrSecretariat,
        ["GET /members/import/template.csv"] = Audience.CoordinatorOrSecretariat,
        ["GET /members/export.csv"] = Audience.CoordinatorOrSecretariat,
        ["GET /members/export.xlsx"] = Audience.CoordinatorOrSecretariat,
        ["PAGE /audit"] = Audience.CoordinatorOrSecretariat,
        ["GET /audit/export.csv"] = Audience.CoordinatorOrSecretariat,
        ["PAGE /signatories"] = Audience.Anyone,
        ["PAGE /criteria"] = Audience.Anyone,
        ["PAGE /criteria/{ProductGroup}/{Version}/{Code}"] = Audience.Anyone,
        ["PAGE /criteria/{ProductGroup}/{Version}/changes"] = Audience.Anyone,
        ["PAGE /criteria/{ProductGroup}/{Version}/themes/{Theme}"] = Audience.Anyone,
        ["PAGE /criteria/shortlist"] = Audience.Anyone,
        ["POST /criteria/shortlist"] = Audience.Anyone,
        ["GET /criteria/shortlist/export"] = Audience.Anyone,
        ["POST /criteria/shortlist/saved/"] = Audience.SignedIn,
        ["POST /criteria/shortlist/saved/{id:guid}/load"] = Audience.SignedIn,
        ["POST /criteria/shortlist/saved/{id:guid}/delete"] = Audience.SignedIn,
        ["GET /api/v1/criteria"] = Audience.Anyone,
        ["GET /api/v1/product-groups"] = Audience.Anyone,
        ["GET /api/v1/product-groups/{productGroup}/versions"] = Audience.Anyone,
        ["GET /openapi/{documentName}.json"] = Audience.Anyone,
        ["GET /api/docs/{documentName?}"] = Audience.Anyone,
        ["GET /api/docs/scalar.js"] = Audience.Anyone,
        ["GET /api/docs/scalar.aspnetcore.js"] = Audience.Anyone,
        ["GET /api/docs/favicon.svg"] = Audience.Anyone,
        ["PAGE /calculator"] = Audience.Anyone,
        ["GET /calculator/export.csv"] = Audience.Anyone,
        ["POST /calculator/saved/"] = Audience.SignedIn,
        ["POST /calculator/saved/{id:guid}/delete"] = Audience.SignedIn,
        ["PAGE /self-assessment"] = Audience.Procurer,
        ["PAGE /impact"] = Audience.CoordinatorOrSecretariat,
        ["GET /impact/report.docx"] = Audience.CoordinatorOrSecretariat,
        ["PAGE /admin/criteria"] = Audience.Secretariat,
        ["PAGE /admin/criteria/sets/{Id:guid}"] = Audience.Secretariat,
        ["PAGE /admin/criteria/import/{ProductGroup}"] = Audience.Secretariat,
        ["GET /admin/criteria/sets/{id:guid}/export.json"] = Audience.Secretariat,
        ["GET /admin/criteria/sets/{id:guid}/export.xlsx"] = Audience.Secretariat,
        ["GET /documents/{id:guid}"] = Audience.Anyone,
        ["PAGE /good-practices"] = Audience.Anyone,
        ["PAGE /good-practices/{Id:guid}"] = Audience.Anyone,
        ["PAGE /good-practices/mine"] = Audience.BuyerSide,
        ["PAGE /good-practices/write"] = Audience.BuyerSide,
        ["PAGE /good-practices/{Id:guid}/edit"] = Audience.BuyerSide,
        ["PAGE /good-practices/review"] = Audience.CoordinatorOrSecretariat,
        ["PAGE /library"] = Audience.Anyone,
        ["PAGE /library/{Id:guid}"] = Audience.Anyone,
        ["PAGE /library/add"] = Audience.LibraryCurator,
        ["PAGE /library/{Id:guid}/versions/new"] = Audience.LibraryCurator,
        ["PAGE /admin/signatories"] = Audience.Secretariat,
        ["PAGE /admin/buyer-groups"] = Audience.Secretariat,
        ["PAGE /admin/buyer-groups/{Id:guid}"] = Audience.Secretariat,
        ["PAGE /admin/users"] = Audience.Secretariat,
        ["PAGE /tenders"] = Audience.ProcurerCoordinatorOrSecretariat,
        ["PAGE /tenders/new"] = Audience.ProcurerCoordinatorOrSecretariat,
        ["PAGE /tenders/{Id:guid}"] = Audience.ProcurerCoordinatorOrSecretariat,
        ["GET /tenders/export.csv"] = Audience.ProcurerCoordinatorOrSecretariat,
        ["GET /tenders/export.xlsx"] = Audience.ProcurerCoordinatorOrSecretariat,
        ["PAGE /tender-calendar"] = Audience.BuyerSide,
        ["PAGE /demand"] = Audience.CoordinatorOrSecretariat,
        ["GET /demand/export.csv"] = Audience.CoordinatorOrSecretariat,
        ["PAGE /admin/market-signal"] = Audience.Secretariat,
        ["PAGE /market-signal"] = Audience.Anyone,
        ["PAGE /consultations"] = Audience.SignedIn,
        ["PAGE /consultations/{Id:guid}"] = Audience.SignedIn,
        ["POST /consultations/{id:guid}/close"] = Audience.Secretariat,
        ["GET /consultations/{id:guid}/comments.csv"] = Audience.Secretariat,
        ["PAGE /events"] = Audience.Anyone,
        ["PAGE /events/{Id:guid}"] = Audience.Anyone,
        ["PAGE /events/new"] = Audience.Organiser,
        ["PAGE /events/{Id:guid}/edit"] = Audience.SignedIn,
        ["GET /events/{id:guid}/calendar.ics"] = Audience.Anyone,
        ["POST /events/{id:guid}/register"] = Audience.SignedIn,
        ["POST /events/{id:guid}/cancel"] = Audience.SignedIn,
        ["POST /events/{id:guid}/attendance"] = Audience.SignedIn,
        ["PAGE /discussions"] = Audience.SignedIn,
        ["PAGE /discussions/{Space}"] = Audience.SignedIn,
        ["PAGE /discussions/threads/{Id:guid}"] = Audience.SignedIn,
        ["PAGE /notifications"] = Audience.SignedIn,
        ["PAGE /notifications/settings"] = Audience.SignedIn,
        ["POST /notifications/{id:guid}/open"] = Audience.SignedIn,
        ["POST /notifications/read-all"] = Audience.SignedIn,
        ["PAGE /working-groups"] = Audience.Anyone,
        ["PAGE /working-groups/{Id:guid}"] = Audience.Anyone,
        ["PAGE /working-groups/outcomes/{Id:guid}"] = Audience.Anyone,
        ["PAGE /working-groups/{Id:guid}/workspace"] = Audience.SignedIn,
        ["PAGE /my-working-groups"] = Audience.SignedIn,
        ["PAGE /admin/working-groups"] = Audience.Secretariat,

        ["PAGE /Account/Login"] = Audience.Anyone,
        ["PAGE /Account/LoginWith2fa"] = Audience.Anyone,
        ["PAGE /Account/LoginWithRecoveryCode"] = Audience.Anyone,
        ["PAGE /Account/Lockout"] = Audience.Anyone,
        ["PAGE /Account/AccessDenied"] = Audience.Anyone,
        ["PAGE /Account/ForgotPassword"] = Audience.Anyone,
        ["PAGE /Account/ForgotPasswordConfirmation"] = Audience.Anyone,
        ["PAGE /Account/ResetPassword"] = Audience.Anyone,
        ["PAGE /Account/ResetPasswordConfirmation"] = Audience.Anyone,
        ["PAGE /Account/InvalidPasswordReset"] = Audience.Anyone,
        ["PAGE /Account/SetUp"] = Audience.Anyone,
        ["PAGE /Account/InvalidUser"] = Audience.Anyone,
        ["PAGE /Account/ConfirmEmail"] = Audience.Anyone,
        ["PAGE /Account/ConfirmEmailChange"] = Audience.Anyone,
        ["PAGE /Account/ResendEmailConfirmation"] = Audience.Anyone,
        ["PAGE /Account/Deleted"] = Audience.Anyone,
        ["POST /Account/Logout"] = Audience.Anyone,
        ["POST /Account/PasskeyCreationOptions"] = Audience.SignedIn,
        ["POST /Account/PasskeyRequestOptions"] = Audience.Anyone,
        ["PAGE /Account/Manage"] = Audience.SignedIn,
        ["PAGE /Account/Manage/ChangePassword"] = Audience.SignedIn,
        ["PAGE /Account/Manage/DeletePersonalData"] = Audience.SignedIn,
        ["PAGE /Account/Manage/Disable2fa"] = Audience.SignedIn,
        ["PAGE /Account/Manage/Email"] = Audience.SignedIn,
        ["PAGE /Account/Manage/EnableAuthenticator"] = Audience.SignedIn,
        ["PAGE /Account/Manage/GenerateRecoveryCodes"] = Audience.SignedIn,
        ["PAGE /Account/Manage/Passkeys"] = Audience.SignedIn,
        ["PAGE /Account/Manage/PersonalData"] = Audience.SignedIn,
        ["PAGE /Account/Manage/RenamePasskey/{Id}"] = Audience.SignedIn,
        ["PAGE /Account/Manage/ResetAuthenticator"] = Audience.SignedIn,
        ["PAGE /Account/Manage/SetPassword"] = Audience.SignedIn,
        ["PAGE /Account/ExternalLogin"] = Audience.Anyone,
        ["GET /Account/ExternalLogin/Challenge"] = Audience.Anyone,
        ["GET /Account/ExternalLogin/Complete"] = Audience.SignedIn,
        ["PAGE /Account/Manage/ExternalLogins"] = Audience.SignedIn,
        ["GET /Account/Manage/ExternalLogins/Link"] = Audience.SignedIn,
        ["PAGE /Account/Manage/TwoFactorAuthentication"] = Audience.SignedIn,
        ["POST /Account/Manage/DownloadPersonalData"] = Audience.SignedIn,
    };

    // Pages that answer a request without their link parameters by sending the visitor to sign in with an error.
    private static readonly HashSet<string> NeedLinkParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "PAGE /Account/ConfirmEmailChange",
        // Without a configured provider in its address it sends anyone back to the sign-in page.
        "GET /Account/ExternalLogin/Challenge",
    };

    private static readonly (string Name, string? Email, Audience[] Reaches)[] Visitors =
    [
        ("anonymous", null, [Audience.Anyone]),
        ("procurer", DemoAccounts.Procurer, [Audience.Anyone, Audience.SignedIn, Audience.Procurer, Audience.ProcurerCoordinatorOrSecretariat, Audience.BuyerSide]),
        ("coordinator", DemoAccounts.CoordinatorNetherlands, [Audience.Anyone, Audience.SignedIn, Audience.Coordinator, Audience.CoordinatorOrSecretariat, Audience.ProcurerCoordinatorOrSecretariat, Audience.BuyerSide, Audience.Organiser, Audience.LibraryCurator]),
        ("chair", DemoAccounts.Chair, [Audience.Anyone, Audience.SignedIn, Audience.Chair, Audience.BuyerSide, Audience.Organiser, Audience.LibraryCurator]),
        ("secretariat", DemoAccounts.Admin, [Audience.Anyone, Audience.SignedIn, Audience.Secretariat, Audience.CoordinatorOrSecretariat, Audience.ProcurerCoordinatorOrSecretariat, Audience.BuyerSide, Audience.Organiser, Audience.LibraryCurator]),
        ("stakeholder", DemoAccounts.Stakeholder, [Audience.Anyone, Audience.SignedIn]),
    ];

    [Fact]
    public void Every_route_in_the_portal_has_an_expected_audience()
    {
        var missing = PortalRoutes().Where(route => !Expected.ContainsKey(route)).ToList();

        Assert.True(missing.Count == 0, "Routes without an authorization rule in the matrix: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_rule_in_the_matrix_belongs_to_an_existing_route()
    {
        var routes = PortalRoutes().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var stale = Expected.Keys.Where(rule => !routes.Contains(rule)).ToList();
        Assert.True(stale.Count == 0, "Rules for routes that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Each_role_reaches_exactly_the_pages_meant_for_it()
    {
        var wrong = new List<string>();
        foreach (var (name, email, reaches) in Visitors)
        {
            var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (email is not null)
            {
                var signIn = await FormSignIn.SignInAsync(client, email, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            }

            foreach (var (route, audience) in Expected.Where(IsRequestable))
            {
                var path = route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                var response = await client.GetAsync(path);
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) || location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)));
                var allowed = reaches.Contains(audience);
                if (allowed == refused)
                {
                    wrong.Add($"{name} {route}: expected {(allowed ? "access" : "refusal")}, got {(int)response.StatusCode} {location}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static bool IsRequestable(KeyValuePair<string, Audience> rule) =>
        (rule.Key.StartsWith("GET ", StringComparison.Ordinal) || rule.Key.StartsWith("PAGE ", StringComparison.Ordinal))
        && !rule.Key.Contains('{', StringComparison.Ordinal)
        && !NeedLinkParameters.Contains(rule.Key);

    /// <summary>
    /// "PAGE /path" for a Razor component page (its GET and form POST share one rule), "METHOD /path" for
    /// other endpoints; static asset files are left out.
    /// </summary>
    private IEnumerable<string> PortalRoutes() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Where(endpoint => !(endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/').StartsWith('_'))
            .SelectMany(endpoint =>
            {
                var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
                return endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null
                    ? [$"PAGE {pattern}"]
                    : (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => $"{method} {pattern}");
            })
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
