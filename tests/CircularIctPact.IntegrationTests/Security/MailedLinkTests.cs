using System.Net;
using CircularIctPact.Infrastructure.Mail;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CircularIctPact.IntegrationTests.Security;

/// <summary>
/// Mails with one-time codes point at the portal's configured address, whatever host a request names, and leave beside
/// the request, so that its answer takes as long for an address with an account as for one without.
/// </summary>
public sealed class MailedLinkTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Password_reset_link_points_at_the_configured_address_when_the_request_names_another_host()
    {
        using var configured = portal.WithWebHostBuilder(builder => builder.UseSetting(PortalAddress.Setting, "https://pact.example.eu"));
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://attacker.example/"),
            AllowAutoRedirect = false,
        });
        var before = portal.To(DemoAccounts.Chair).Count;

        await ForgotPasswordAsync(client, DemoAccounts.Chair);

        var mail = (await portal.WaitForMailToAsync(DemoAccounts.Chair, before))[^1].TextBody;
        Assert.Contains("https://pact.example.eu/Account/ResetPassword?code=", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_answers_a_known_address_before_its_mail_is_sent()
    {
        var heldBack = new HeldBackMail(DemoAccounts.Stakeholder);
        using var held = portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IMailSender>();
            services.AddSingleton<IMailSender>(heldBack);
        }));
        using var client = held.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var answer = await ForgotPasswordAsync(client, DemoAccounts.Stakeholder);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("ForgotPasswordConfirmation", answer.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(heldBack.Sent.Task.IsCompleted);
        heldBack.Release.SetResult();
        var sent = await heldBack.Sent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("/Account/ResetPassword?code=", sent.TextBody, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> ForgotPasswordAsync(HttpClient client, string email) =>
        FormSignIn.PostFormAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
        });

    /// <summary>A mail relay that answers only once the test releases it, and tells when it sent to <c>recipient</c>.</summary>
    private sealed class HeldBackMail(string recipient) : IMailSender
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<PortalMail> Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(PortalMail mail, CancellationToken cancellationToken = default)
        {
            await Release.Task.WaitAsync(cancellationToken);
            if (mail.To == recipient)
            {
                Sent.TrySetResult(mail);
            }
        }
    }
}
