using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>Limits on password guessing (section <see cref="Section"/>; decision record 0021).</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignInThrottle";

    /// <summary>Failures with one address from one client before that client is blocked for that address.</summary>
    public int FailuresPerClient { get; set; } = 5;

    /// <summary>Failures with one address from all clients together before clients without a recent success are blocked.</summary>
    public int FailuresPerAccount { get; set; } = 50;

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaximumDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Quiet time after which one client's failures with an address are forgotten.</summary>
    public TimeSpan ClientFailuresKept { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Quiet time after which the failures with an address from all clients are forgotten.</summary>
    public TimeSpan AccountFailuresKept { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a client that signed in with the right password is not held back by the whole account's block.</summary>
    public TimeSpan KnownClientFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The owner is mailed when a throttle starts, at most once in this time.</summary>
    public TimeSpan OwnerNoticeInterval { get; set; } = TimeSpan.FromDays(1);

    public SignInThrottleRule PerClient => new(FailuresPerClient, FirstDelay, MaximumDelay, ClientFailuresKept);

    public SignInThrottleRule PerAccount => new(FailuresPerAccount, FirstDelay, MaximumDelay, AccountFailuresKept);

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInThrottleOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(
                options => options.FailuresPerClient > 0 && options.FailuresPerAccount > 0 && options.FirstDelay > TimeSpan.Zero
                    && options.MaximumDelay >= options.FirstDelay,
                $"{Section}: the failure counts and the first delay must be positive, and the maximum delay at least the first.")
            .ValidateOnStart();
    }
}
