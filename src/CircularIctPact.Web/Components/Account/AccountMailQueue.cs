using System.Threading.Channels;
using CircularIctPact.Infrastructure.Mail;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// Sends the mails that an anonymous request about an address may cause (a password reset, a confirmation link, a notice
/// that signing in was paused) beside the requests rather than in them: mailing inside the request would make the answer
/// slower for an address that has an account than for one that has none, and so tell them apart.
/// </summary>
internal sealed class AccountMailQueue(IMailSender sender, ILogger<AccountMailQueue> logger) : BackgroundService
{
    private readonly Channel<PortalMail> _queue = Channel.CreateUnbounded<PortalMail>(new UnboundedChannelOptions { SingleReader = true });

    public void Queue(PortalMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        _queue.Writer.TryWrite(mail);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sender.SendAsync(mail, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Could not send an account mail");
            }
        }
    }
}
