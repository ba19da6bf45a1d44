using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Mail;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Web.Components;
using CircularIctPact.Web.Components.Account;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Services;
using Serilog;

var commandLine = PortalCommandLine.Parse(args);
if (commandLine.AsksForUsage)
{
    return PortalCommandLine.PrintUsage(Console.Out);
}

var builder = WebApplication.CreateBuilder(commandLine.HostArguments);
var paths = builder.AddPortalPaths();

// Each host writes through its own logger rather than the static Log.Logger, which the last host built in a process takes
// over (a test run hosts several portals, each with its own log settings).
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(paths.WithResolvedLogFiles(builder.Configuration))
    .ReadFrom.Services(services)
    .Enrich.FromLogContext(), preserveStaticLogger: true);

var connectionString = await PortalDatabase.ResolveConnectionStringAsync(builder);

builder.Services.AddSingleton(TimeProvider.System);
// Pooled: every page and API call creates contexts, and a pooled one skips building the context's services each time.
builder.Services.AddPooledDbContextFactory<PortalDbContext>(options => options
    .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure())
    .UseSnakeCaseNamingConvention()
    .AddSqlQueryCounting(builder.Configuration));

// Identity's stores and the Data Protection key ring take the context from the request scope.
builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());

builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddTransient<MudLocalizer, PortalMudLocalizer>();
builder.Services.AddLocalizationInterceptor<PortalMudTexts>();

builder.AddTransportSecurity();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<IdentityRedirectManager>();
builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = IdentityConstants.ApplicationScheme;
        options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/Login";
    options.AccessDeniedPath = "/Account/AccessDenied";
    options.Cookie.Name = "cfit.auth";
});
builder.Services.AddAuthorization(PortalPolicies.Configure);
TwoFactorRememberOptions.Register(builder.Services, builder.Configuration);

builder.Services.Configure<PasswordHasherOptions>(PortalPasswordHashing.Configure);
builder.Services.AddIdentityCore<ApplicationUser>(options =>
    {
        options.SignIn.RequireConfirmedAccount = true;
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        options.User.RequireUniqueEmail = true;
        PortalPasswordRules.Configure(options.Password);
        // Counts wrong authenticator and recovery codes, which only someone with the password can send; password guesses
        // are throttled per address and client instead (Components/Account/PasswordSignIn, decision record 0021).
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    })
    .AddRoles<IdentityRole<Guid>>()
    .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
    .AddPasswordValidator<PortalPasswordValidator>()
    .AddEntityFrameworkStores<PortalDbContext>()
    .AddSignInManager<PortalSignInManager>()
    .AddClaimsPrincipalFactory<PortalUserClaimsPrincipalFactory>()
    .AddDefaultTokenProviders()
    .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
SessionRevalidationOptions.Register(builder.Services, builder.Configuration);
builder.Services.AddDataProtection().PersistKeysToDbContext<PortalDbContext>().SetApplicationName("CircularIctPact");

builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
if (string.IsNullOrEmpty(builder.Configuration[$"{MailOptions.Section}:SmtpHost"]))
{
    builder.Services.AddSingleton<IMailSender, FileDropMailSender>();
}
else
{
    builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
}

builder.Services.AddSingleton<IEmailSender<ApplicationUser>, IdentityEmailSender>();

builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: "database", tags: ["ready"]);

builder.Services.AddUnexpectedErrorHandling();
// A query value an endpoint cannot bind is the caller's mistake: 400, without the exception page Development would show.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
builder.Services.AddRequestRateLimits(builder.Configuration);
builder.Services.AddPortalOutputCache();

builder.Services.AddSingleton<AuditTrail>();
builder.Services.AddSingleton<PortalAddress>();
builder.Services.AddScoped<PortalRoleSetup>();
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddScoped<ReferenceContentImport>();
builder.Services.AddPortalFeatures(builder.Configuration);

builder.Services.AddSingleton(await PortalThemeStylesheets.RenderAsync());

var app = builder.Build();

await PortalDatabase.InitialiseAsync(app);
if (commandLine.Command is not null)
{
    return await commandLine.RunAsync(app);
}

// Request logging first, so that each request is logged once with the status it ended with; the error handler logs the error.
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseUnexpectedErrorHandling();
app.UseTransportSecurity();

app.UseSecurityHeaders();
app.UseSqlQueryCounting(app.Configuration);
app.UseTransientDatabaseErrors();
// Cultures first, so a refused request gets its page in the person's language.
app.UsePortalCultures();
app.UseRateLimiter();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseMalformedRequestRefusal();
app.UseAntiforgeryForEveryChange();
app.UseAntiforgery();
app.UsePortalOutputCache(app.Configuration);

app.MapStaticAssets();
app.MapPortalFeatures();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the portal.</summary>
public partial class Program;
