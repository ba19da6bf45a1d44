using System.Net;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CircularIctPact.IntegrationTests.Identity;

/// <summary>
/// The portal with a clock the test moves, a password hasher that counts verifications, a per-account failure cap of
/// <see cref="FailuresPerAccount"/>, and clients whose address the test chooses (the in-memory server has none).
/// </summary>
public sealed class SignInGuessingPortal : PortalFactory
{
    public const int FailuresPerAccount = 10;

    private const string ClientAddressHeader = "X-Test-Client-Address";

    private int _verifications;

    /// <summary>Starts at the current whole second, so that times in answers (whole seconds) compare exactly.</summary>
    public SettableClock Clock { get; } = new(WholeSecondsNow());

    public static DateTimeOffset WholeSecondsNow() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    /// <summary>How often a password was verified against a hash since the test last set it.</summary>
    public int Verifications
    {
        get => Volatile.Read(ref _verifications);
        set => Volatile.Write(ref _verifications, value);
    }

    /// <summary>A browser without JavaScript at <paramref name="address"/>, keeping its cookies, following no redirects.</summary>
    public HttpClient ClientAt(string address)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{SignInThrottleOptions.Section}:{nameof(SignInThrottleOptions.FailuresPerAccount)}", $"{FailuresPerAccount}");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddScoped<IPasswordHasher<ApplicationUser>>(provider => new CountingPasswordHasher(
                new PasswordHasher<ApplicationUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()),
                () => Interlocked.Increment(ref _verifications)));
            services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    private sealed class CountingPasswordHasher(IPasswordHasher<ApplicationUser> inner, Action counted) : IPasswordHasher<ApplicationUser>
    {
        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            counted();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    // Only in this test host: the portal itself never takes a client's address from a request header.
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return then(context);
            });
            next(app);
        };
    }
}
