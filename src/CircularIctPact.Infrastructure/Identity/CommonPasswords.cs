using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>
/// The most common passwords that the portal's length rule alone would let through, compared without regard to case
/// (<c>CommonPasswords.md</c> beside this file says where they come from and how to regenerate them). The embedded list is
/// read on the first check and kept for the life of the process.
/// </summary>
public static class CommonPasswords
{
    private const string ResourceName = "CircularIctPact.Infrastructure.Identity.CommonPasswords.txt.gz";

    private static readonly Lazy<FrozenSet<string>> List = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How many passwords the list holds.</summary>
    public static int Count => List.Value.Count;

    public static bool Contains(string password) => List.Value.Contains(password);

    private static FrozenSet<string> Load()
    {
        using var compressed = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(new GZipStream(compressed, CompressionMode.Decompress), Encoding.UTF8);
        var passwords = new List<string>(capacity: 100_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
