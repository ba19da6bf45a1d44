namespace CircularIctPact.Web.Hosting;

/// <summary>
/// <c>content import &lt;file or folder&gt;</c>: adds the reference content that the database does not hold yet and prints
/// what it added and kept, or which file is wrong and why (then nothing changes). Output is for the operator at the
/// server's console and stays English, like the logs.
/// </summary>
public static class ContentImportCommand
{
    public const string Arguments = "<file or folder>";

    private const int Refused = 1;
    private const int Usage = 2;

    /// <summary>
    /// Runs the import of the one path in <paramref name="arguments"/> (what follows <c>content import</c>); returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(
        IServiceProvider services,
        IReadOnlyList<string> arguments,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        if (arguments.Count != 1)
        {
            await output.WriteLineAsync(
                $"Usage: content import {Arguments} (one path: a reference content .json file, or a folder of them).");
            return Usage;
        }

        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ReferenceContentImport>()
            .ImportAsync(Path.GetFullPath(arguments[0]), cancellationToken);
        if (!report.Succeeded)
        {
            await output.WriteLineAsync($"Nothing was imported from {report.Source}:");
            foreach (var problem in report.Problems)
            {
                await output.WriteLineAsync($"  {problem.File}: {problem.Message}");
            }

            return Refused;
        }

        foreach (var added in report.Added)
        {
            await output.WriteLineAsync($"added {added}");
        }

        foreach (var kept in report.Kept)
        {
            await output.WriteLineAsync($"kept  {kept} (already in the portal; left as it is)");
        }

        await output.WriteLineAsync($"Imported {report.Source}: {report.Added.Count} added, {report.Kept.Count} kept.");
        return 0;
    }
}
