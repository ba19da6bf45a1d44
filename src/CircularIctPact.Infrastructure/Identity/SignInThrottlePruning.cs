using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>Deletes forgotten sign-in throttle rows every hour; every instance may do it, a second delete finds nothing.</summary>
public sealed class SignInThrottlePruning(SignInThrottling throttling, TimeProvider clock, ILogger<SignInThrottlePruning> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await throttling.PruneAsync(stoppingToken);
                logger.LogDebug("Pruned {Count} sign-in throttle rows", deleted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next hour tries again; a database that is away now must not stop the portal.
                logger.LogWarning(exception, "Pruning sign-in throttle rows failed");
            }
        }
    }
}
