using CircularIctPact.Infrastructure.Database;
using CircularIctPact.Web.Features.Administrators;

namespace CircularIctPact.Web.Hosting;

/// <summary>Runs one command-line command against the portal's services; its output goes to <paramref name="output"/>.</summary>
/// <returns>The process exit code: 0 when the command did what was asked.</returns>
internal delegate Task<int> PortalCommandHandler(
    IServiceProvider services,
    IReadOnlyList<string> arguments,
    TextWriter output,
    CancellationToken cancellationToken);

/// <summary>A command the portal's executable runs instead of serving, e.g. "admin create".</summary>
internal sealed record PortalCommand(string Name, string Arguments, string Description, PortalCommandHandler Handler);

/// <summary>
/// Operator commands of the portal's own executable (<c>dotnet CircularIctPact.Web.dll admin create …</c>): they run
/// with the portal's configuration and database, after its migrations, and exit without starting the web server.
/// A command's words come first; its arguments follow; arguments after a lone <c>--</c> go to the host's configuration.
/// </summary>
internal sealed class PortalCommandLine
{
    public const int UsageExitCode = 2;

    /// <summary>Every command, by name. Add a command group with one line here.</summary>
    private static readonly PortalCommand[] Commands =
    [
        new(
            "admin create",
            "--email <e-mail> --name \"<full name>\" [--base-url <https://portal.example.org>]",
            "creates a secretariat administrator and prints a single-use set-up address",
            AdministratorCommands.CreateAsync),
        new(
            "admin reset-access",
            "--email <e-mail> [--base-url <https://portal.example.org>]",
            "clears an administrator's password and authenticator and prints a new set-up address",
            AdministratorCommands.ResetAccessAsync),
        new(
            "content import",
            ContentImportCommand.Arguments,
            "adds reference content the database does not hold yet",
            ContentImportCommand.RunAsync),
    ];

    private static readonly string[] HelpWords = ["--help", "-h", "-?", "help"];

    private PortalCommandLine(PortalCommand? command, IReadOnlyList<string> commandArguments, string[] hostArguments, bool asksForUsage)
    {
        Command = command;
        CommandArguments = commandArguments;
        HostArguments = hostArguments;
        AsksForUsage = asksForUsage;
    }

    /// <summary>The command named on the command line, or null when the portal should serve.</summary>
    public PortalCommand? Command { get; }

    public IReadOnlyList<string> CommandArguments { get; }

    /// <summary>The arguments the web host reads as configuration; never the command's own.</summary>
    public string[] HostArguments { get; }

    /// <summary>The command line asks for help or names no known command: print the usage and exit.</summary>
    public bool AsksForUsage { get; }

    /// <summary>
    /// Splits the command line. Arguments that start with a dash (<c>--urls …</c>, <c>--environment …</c>) mean the portal
    /// serves as before; a first word that is not an option must start a known command.
    /// </summary>
    public static PortalCommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || (args[0].StartsWith('-') && !HelpWords.Contains(args[0], StringComparer.OrdinalIgnoreCase)))
        {
            return new PortalCommandLine(null, [], args, asksForUsage: false);
        }

        var command = Commands.FirstOrDefault(candidate => StartsWithWords(args, candidate.Name));
        if (command is null)
        {
            return new PortalCommandLine(null, [], [], asksForUsage: true);
        }

        var rest = args.Skip(command.Name.Split(' ').Length).ToList();
        var separator = rest.IndexOf("--");
        var commandArguments = separator < 0 ? rest : rest[..separator];
        var hostArguments = separator < 0 ? [] : rest[(separator + 1)..].ToArray();
        var asksForUsage = commandArguments.Any(argument => HelpWords.Contains(argument, StringComparer.OrdinalIgnoreCase));
        return new PortalCommandLine(command, commandArguments, hostArguments, asksForUsage);
    }

    /// <summary>Writes what the executable's commands are and how to call them.</summary>
    public static int PrintUsage(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("Usage: dotnet CircularIctPact.Web.dll [<command> <arguments> [-- <configuration arguments>]]");
        output.WriteLine("Without a command the portal serves. Commands use the portal's configuration and database:");
        foreach (var command in Commands)
        {
            output.WriteLine($"  {command.Name} {command.Arguments}");
            output.WriteLine($"      {command.Description}");
        }

        return UsageExitCode;
    }

    /// <summary>
    /// Runs the named command with the arguments given after its name, in a scope of its own.
    /// Unknown names and requests for help print the usage and return <see cref="UsageExitCode"/>.
    /// </summary>
    public static Task<int> RunAsync(
        IServiceProvider services,
        IReadOnlyList<string> commandLine,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        return Parse([.. commandLine]).RunWithAsync(services, output, cancellationToken);
    }

    /// <summary>
    /// Runs the command against the built (not started) portal and returns its exit code. The development cluster, which
    /// the portal stops on shutdown, is stopped first and the command's output printed after it, so that the command's
    /// own last line (a set-up address) is the last line on the console.
    /// </summary>
    public async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += cancel;
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            return await RunWithAsync(app.Services, output, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
            if (app.Services.GetService<EmbeddedPostgresCluster>() is { } cluster)
            {
                await cluster.StopAsync();
            }

            await app.DisposeAsync();
            await Console.Out.WriteAsync(output.ToString());
            await Console.Out.FlushAsync();
        }
    }

    private async Task<int> RunWithAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        if (Command is null || AsksForUsage)
        {
            return PrintUsage(output);
        }

        await using var scope = services.CreateAsyncScope();
        var exitCode = await Command.Handler(scope.ServiceProvider, CommandArguments, output, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return exitCode;
    }

    private static bool StartsWithWords(string[] args, string name)
    {
        var words = name.Split(' ');
        return args.Length >= words.Length
            && words.Select((word, index) => string.Equals(args[index], word, StringComparison.Ordinal)).All(same => same);
    }
}
