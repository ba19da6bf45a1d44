using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Administrators;

/// <summary>
/// The command-line side of <see cref="AdministratorAccess"/>: reads <c>--email</c>, <c>--name</c> and <c>--base-url</c>,
/// prints what happened and, as the last line, the set-up address, so a script can take it with <c>tail -n 1</c>.
/// Output is for the operator at the server's console and stays English, like the logs.
/// </summary>
internal static class AdministratorCommands
{
    private const int Refused = 1;

    public static Task<int> CreateAsync(
        IServiceProvider services,
        IReadOnlyList<string> arguments,
        TextWriter output,
        CancellationToken cancellationToken) =>
        RunAsync(arguments, ["--email", "--name", "--base-url"], output, async options =>
        {
            var created = await services.GetRequiredService<AdministratorAccess>()
                .CreateAsync(
                    CommandLineActor(),
                    options.GetValueOrDefault("--email"),
                    options.GetValueOrDefault("--name"),
                    options.GetValueOrDefault("--base-url"),
                    cancellationToken);
            output.WriteLine($"Created secretariat administrator {created.Email}.");
            return created;
        });

    public static Task<int> ResetAccessAsync(
        IServiceProvider services,
        IReadOnlyList<string> arguments,
        TextWriter output,
        CancellationToken cancellationToken) =>
        RunAsync(arguments, ["--email", "--base-url"], output, async options =>
        {
            var reset = await services.GetRequiredService<AdministratorAccess>()
                .ResetAccessAsync(
                    CommandLineActor(),
                    options.GetValueOrDefault("--email"),
                    options.GetValueOrDefault("--base-url"),
                    cancellationToken);
            output.WriteLine($"Removed the password, authenticator and passkeys of {reset.Email} and lifted any lockout.");
            return reset;
        });

    /// <summary>Who the audit log names for a change made from the command line.</summary>
    public static ClaimsPrincipal CommandLineActor() =>
        new(new ClaimsIdentity([new Claim(PortalClaims.DisplayName, $"command line on {Environment.MachineName}")], "CommandLine"));

    private static async Task<int> RunAsync(
        IReadOnlyList<string> arguments,
        string[] known,
        TextWriter output,
        Func<IReadOnlyDictionary<string, string>, Task<SetUpAddress>> command)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < arguments.Count; index++)
        {
            var name = arguments[index];
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                output.WriteLine($"Unknown argument '{name}'. This command takes {string.Join(", ", known)}.");
                return Refused;
            }

            if (index + 1 >= arguments.Count || arguments[index + 1].StartsWith("--", StringComparison.Ordinal))
            {
                output.WriteLine($"{name} needs a value.");
                return Refused;
            }

            if (!options.TryAdd(name, arguments[++index]))
            {
                output.WriteLine($"{name} is given more than once.");
                return Refused;
            }
        }

        try
        {
            var setUp = await command(options);
            var validUntil = setUp.ValidUntil.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            output.WriteLine(
                $"Send this address to {setUp.Email} over a trusted channel. It works once, until {validUntil} UTC; "
                + "the person chooses a password and enrols an authenticator app there:");
            output.WriteLine(setUp.Address.AbsoluteUri);
            return 0;
        }
        catch (DomainException refused)
        {
            output.WriteLine($"Refused: {DomainMessageText.Of(refused)}");
            return Refused;
        }
    }
}
