using CircularIctPact.Infrastructure.Mail;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// Resolves every folder or file the settings name (<c>Mail:DropFolder</c>, <c>EmbeddedPostgres:Directory</c>, Serilog's
/// file paths) from one base instead of the process's working directory, which differs between <c>./scripts/run.sh</c>,
/// <c>dotnet run --project …</c> and a published portal. In Development the base is the repository root (where
/// <c>.data/</c> lives), wherever the portal runs from in the checkout; otherwise it is the content root, the folder of the
/// published portal. An absolute path is taken as it is. Folders that ship with the portal follow a rule of their own,
/// <see cref="ResolveShipped"/>.
/// </summary>
public sealed class PortalPaths
{
    public const string SolutionFileName = "CircularIctPact.sln";

    private PortalPaths(string baseDirectory, string shippedBaseDirectory)
    {
        BaseDirectory = baseDirectory;
        ShippedBaseDirectory = shippedBaseDirectory;
    }

    /// <summary>The folder relative settings are resolved from.</summary>
    public string BaseDirectory { get; }

    /// <summary>The folder relative paths of shipped folders (<c>Content:Folder</c>) are resolved from.</summary>
    public string ShippedBaseDirectory { get; }

    /// <param name="environment">The host's environment and content root.</param>
    /// <param name="appDirectory">The folder of the app's assemblies; <see cref="AppContext.BaseDirectory"/> unless a test names
    /// another.</param>
    public static PortalPaths For(IHostEnvironment environment, string? appDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var contentRoot = Path.GetFullPath(environment.ContentRootPath);
        var app = Path.GetFullPath(appDirectory ?? AppContext.BaseDirectory);
        var repositoryRoot = environment.IsDevelopment() ? RepositoryRootAbove(contentRoot) : null;
        return new(repositoryRoot ?? contentRoot, repositoryRoot ?? app);
    }

    /// <summary><paramref name="path"/> itself when absolute, otherwise the full path below <see cref="BaseDirectory"/>.</summary>
    public string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.IsPathFullyQualified(path) ? path : Path.GetFullPath(path, BaseDirectory);
    }

    /// <summary>
    /// A folder that ships with the portal, such as <c>content</c>: <paramref name="path"/> itself when absolute, otherwise
    /// below <see cref="ShippedBaseDirectory"/>. In Development that is the repository root too, so the repository's own
    /// folder (the one people edit) is read rather than the copy in the build output. Elsewhere it is the app's folder,
    /// where the build and <c>dotnet publish</c> copy the folder, and not the content root: a published portal's content
    /// root is the working directory it was started from, and an operator may run
    /// <c>dotnet /opt/cfit/CircularIctPact.Web.dll content import …</c> from any directory.
    /// </summary>
    public string ResolveShipped(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.IsPathFullyQualified(path) ? path : Path.GetFullPath(path, ShippedBaseDirectory);
    }

    /// <summary>
    /// <paramref name="configuration"/> with the path of each Serilog file sink (<c>Serilog:WriteTo:n</c> named <c>File</c>)
    /// resolved; the sink itself would take a relative path from the working directory.
    /// </summary>
    public IConfiguration WithResolvedLogFiles(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var resolved = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var sink in configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            if (string.Equals(sink["Name"], "File", StringComparison.OrdinalIgnoreCase) && sink["Args:path"] is { Length: > 0 } path)
            {
                resolved[$"{sink.Path}:Args:path"] = Resolve(path);
            }
        }

        return resolved.Count == 0
            ? configuration
            : new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(resolved).Build();
    }

    private static string? RepositoryRootAbove(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, SolutionFileName)))
            {
                return current.FullName;
            }
        }

        return null;
    }
}

internal static class PortalPathsRegistration
{
    /// <summary>The portal's <see cref="PortalPaths"/>, registered as a service, with the mail drop folder resolved by it.</summary>
    public static PortalPaths AddPortalPaths(this WebApplicationBuilder builder)
    {
        var paths = PortalPaths.For(builder.Environment);
        builder.Services.AddSingleton(paths);
        builder.Services.PostConfigure<MailOptions>(mail => mail.DropFolder = paths.Resolve(mail.DropFolder));
        return paths;
    }
}
