using CircularIctPact.Infrastructure.Mail;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// Resolves every folder or file the settings name (<c>Mail:DropFolder</c>, <c>EmbeddedPostgres:Directory</c>, Serilog's
/// file paths) from one base instead of the process's working directory, which differs between <c>./scripts/run.sh</c>,
/// <c>dotnet run --project …</c> and a published portal. In Development the base is the repository root (where
/// <c>.data/</c> lives), wherever the portal runs from in the checkout; otherwise it is the content root, the folder of the
/// published portal. An absolute path is taken as it is.
/// </summary>
internal sealed class PortalPaths
{
    public const string SolutionFileName = "CircularIctPact.sln";

    private PortalPaths(string baseDirectory) => BaseDirectory = baseDirectory;

    /// <summary>The folder relative settings are resolved from.</summary>
    public string BaseDirectory { get; }

    public static PortalPaths For(IHostEnvironment environment)
    {
        var contentRoot = Path.GetFullPath(environment.ContentRootPath);
        return new(environment.IsDevelopment() ? RepositoryRootAbove(contentRoot) ?? contentRoot : contentRoot);
    }

    /// <summary><paramref name="path"/> itself when absolute, otherwise the full path below <see cref="BaseDirectory"/>.</summary>
    public string Resolve(string path) =>
        Path.IsPathFullyQualified(path) ? path : Path.GetFullPath(path, BaseDirectory);

    /// <summary>
    /// <paramref name="configuration"/> with the path of each Serilog file sink (<c>Serilog:WriteTo:n</c> named <c>File</c>)
    /// resolved; the sink itself would take a relative path from the working directory.
    /// </summary>
    public IConfiguration WithResolvedLogFiles(IConfiguration configuration)
    {
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
    /// <summary>The portal's <see cref="PortalPaths"/>, with the mail drop folder resolved by it.</summary>
    public static PortalPaths AddPortalPaths(this WebApplicationBuilder builder)
    {
        var paths = PortalPaths.For(builder.Environment);
        builder.Services.PostConfigure<MailOptions>(mail => mail.DropFolder = paths.Resolve(mail.DropFolder));
        return paths;
    }
}
