using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Hosting;

namespace CircularIctPact.IntegrationTests.Security;

/// <summary>The portal as installed behind TLS: Kestrel on https with a throwaway certificate, outside Development.</summary>
public sealed class HttpsPortal : PortalFactory
{
    public const string PublicHost = "portal.example.org";

    public X509Certificate2 Certificate { get; } = SelfSigned();

    protected override bool ServeOnLoopback => true;

    protected override X509Certificate2? LoopbackCertificate => Certificate;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Staging");
        builder.UseSetting(PortalAddress.Setting, $"https://{PublicHost}/");
    }

    public HttpClient NewClient(string host = PublicHost)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == Certificate.Thumbprint,
        };
        var client = new HttpClient(handler) { BaseAddress = new UriBuilder(RootUri) { Host = "127.0.0.1" }.Uri };
        client.DefaultRequestHeaders.Host = $"{host}:{RootUri.Port}";
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Certificate.Dispose();
        GC.SuppressFinalize(this);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={PublicHost}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(PublicHost);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the private key in a form the platform's TLS can use: a PKCS#12 round trip gives that on Linux.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }
}

/// <summary>
/// Behind TLS the portal sends HSTS, never names its server, and sets every cookie Secure, HttpOnly, SameSite, for the whole
/// path and with the <c>__Host-</c> prefix.
/// </summary>
public sealed class TransportSecurityTests(HttpsPortal portal) : IClassFixture<HttpsPortal>
{
    [Fact]
    public async Task Https_responses_carry_a_year_of_strict_transport_security_and_no_server_header()
    {
        using var client = portal.NewClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
    }

    [Fact]
    public async Task Loopback_host_names_get_no_strict_transport_security()
    {
        using var client = portal.NewClient("127.0.0.1");

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Sign_in_antiforgery_and_language_cookies_are_host_prefixed_secure_http_only_and_same_site()
    {
        using var client = portal.NewClient();
        var setCookies = new List<string>();

        using (var language = await client.GetAsync("/?culture=nl"))
        {
            setCookies.AddRange(SetCookies(language));
        }

        using var signIn = await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);
        setCookies.AddRange(SetCookies(signIn));
        using var signedIn = await client.GetAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var names = setCookies.Select(cookie => cookie[..cookie.IndexOf('=', StringComparison.Ordinal)]).ToList();
        Assert.Contains("__Host-cfit.auth", names);
        Assert.Contains("__Host-.AspNetCore.Culture", names);
        Assert.Contains(names, name => name.StartsWith("__Host-.AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(setCookies, cookie =>
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).ToList();
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            Assert.Contains("secure", attributes, StringComparer.OrdinalIgnoreCase);
            Assert.Contains("httponly", attributes, StringComparer.OrdinalIgnoreCase);
            Assert.Contains("path=/", attributes, StringComparer.OrdinalIgnoreCase);
            Assert.Contains(attributes, attribute => attribute.StartsWith("samesite=", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(attributes, attribute => attribute.StartsWith("domain=", StringComparison.OrdinalIgnoreCase));
        });
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];
}
