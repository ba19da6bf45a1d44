using CircularIctPact.Infrastructure.Mail;
using CircularIctPact.Testing;
using CircularIctPact.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CircularIctPact.IntegrationTests.Hosting;

public sealed class PortalPathsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IDisposable
{
    private readonly string _checkout = Directory.CreateTempSubdirectory("cfit-paths-").FullName;

    [Fact]
    public void In_development_a_relative_setting_resolves_from_the_repository_root_whichever_folder_the_portal_runs_from()
    {
        File.WriteAllText(Path.Combine(_checkout, PortalPaths.SolutionFileName), string.Empty);
        var project = Directory.CreateDirectory(Path.Combine(_checkout, "src", "CircularIctPact.Web")).FullName;
        var buildOutput = Directory.CreateDirectory(Path.Combine(project, "bin", "Release", "net10.0")).FullName;

        // ./scripts/run.sh and dotnet run use the project folder; the bench and scale-out scripts run the build output.
        Assert.All([project, buildOutput], contentRoot =>
            Assert.Equal(Path.Combine(_checkout, ".data", "mail"), PathsOf(Environments.Development, contentRoot).Resolve(".data/mail")));
    }

    [Fact]
    public void A_published_portal_resolves_a_relative_setting_from_its_content_root_even_inside_a_checkout()
    {
        File.WriteAllText(Path.Combine(_checkout, PortalPaths.SolutionFileName), string.Empty);
        var published = Directory.CreateDirectory(Path.Combine(_checkout, "publish")).FullName;

        var paths = PathsOf(Environments.Production, published);

        Assert.Equal(Path.Combine(published, "logs", "portal-.json"), paths.Resolve("logs/portal-.json"));
    }

    [Fact]
    public void In_development_outside_a_checkout_the_content_root_is_the_base()
    {
        Assert.Equal(Path.Combine(_checkout, ".data", "postgres"), PathsOf(Environments.Development, _checkout).Resolve(".data/postgres"));
    }

    [Fact]
    public void An_absolute_setting_is_taken_as_it_is()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "cfit-mail");

        Assert.Equal(absolute, PathsOf(Environments.Production, _checkout).Resolve(absolute));
        Assert.Equal(absolute, PathsOf(Environments.Development, _checkout).Resolve(absolute));
    }

    [Fact]
    public void Serilog_file_paths_are_resolved_and_other_sinks_and_absolute_paths_are_left_alone()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "audit-.json");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:0:Name"] = "Console",
            ["Serilog:WriteTo:0:Args:path"] = "not-a-file-sink",
            ["Serilog:WriteTo:1:Name"] = "File",
            ["Serilog:WriteTo:1:Args:path"] = "logs/portal-.json",
            ["Serilog:WriteTo:2:Name"] = "File",
            ["Serilog:WriteTo:2:Args:path"] = absolute,
        }).Build();

        var resolved = PathsOf(Environments.Production, _checkout).WithResolvedLogFiles(configuration);

        Assert.Equal("not-a-file-sink", resolved["Serilog:WriteTo:0:Args:path"]);
        Assert.Equal(Path.Combine(_checkout, "logs", "portal-.json"), resolved["Serilog:WriteTo:1:Args:path"]);
        Assert.Equal(absolute, resolved["Serilog:WriteTo:2:Args:path"]);
    }

    [Fact]
    public async Task The_portal_in_development_drops_mail_in_the_data_folder_of_the_repository()
    {
        await using var configuredRelative = portal.WithWebHostBuilder(builder => builder.UseSetting("Mail:DropFolder", ".data/mail"));

        var folder = configuredRelative.Services.GetRequiredService<IOptions<MailOptions>>().Value.DropFolder;

        Assert.Equal(Path.Combine(RepositoryRoot(), ".data", "mail"), folder);
    }

    [Fact]
    public void In_development_the_content_folder_is_the_repository_s_own_not_the_copy_in_the_build_output()
    {
        File.WriteAllText(Path.Combine(_checkout, PortalPaths.SolutionFileName), string.Empty);
        var project = Directory.CreateDirectory(Path.Combine(_checkout, "src", "CircularIctPact.Web")).FullName;
        var buildOutput = Directory.CreateDirectory(Path.Combine(project, "bin", "Debug", "net10.0")).FullName;

        // ./scripts/run.sh and dotnet run use the project folder as content root; the bench scripts run the build output.
        Assert.All([project, buildOutput], contentRoot =>
            Assert.Equal(
                Path.Combine(_checkout, "content"),
                PathsOf(Environments.Development, contentRoot, buildOutput).ResolveShipped("content")));
    }

    [Fact]
    public void A_published_portal_finds_its_content_beside_the_app_whichever_directory_it_was_started_from()
    {
        var published = Directory.CreateDirectory(Path.Combine(_checkout, "opt", "cfit")).FullName;
        var workingDirectory = Directory.CreateDirectory(Path.Combine(_checkout, "home", "operator")).FullName;

        var paths = PathsOf(Environments.Production, workingDirectory, published);

        Assert.Equal(Path.Combine(published, "content"), paths.ResolveShipped("content"));
        Assert.Equal(Path.Combine(workingDirectory, "logs", "portal-.json"), paths.Resolve("logs/portal-.json"));
        Assert.Equal("/srv/pact-content", paths.ResolveShipped("/srv/pact-content"));
    }

    [Fact]
    public async Task The_portal_in_development_imports_the_content_folder_of_the_repository()
    {
        var folder = await portal.WithServiceAsync<ReferenceContentImport, string>(i => Task.FromResult(i.ConfiguredFolder));

        Assert.Equal(Path.Combine(RepositoryRoot(), "content"), folder);
    }

    public void Dispose() => Directory.Delete(_checkout, recursive: true);

    private static PortalPaths PathsOf(string environment, string contentRoot, string? appDirectory = null) =>
        PortalPaths.For(new HostingEnvironment { EnvironmentName = environment, ContentRootPath = contentRoot }, appDirectory);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, PortalPaths.SolutionFileName)))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("The tests do not run inside the repository.");
        }

        return directory.FullName;
    }
}
