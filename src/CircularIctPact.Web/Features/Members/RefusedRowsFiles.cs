using System.Security.Claims;
using CircularIctPact.Web.Features.Common;
using Microsoft.Extensions.Caching.Memory;

namespace CircularIctPact.Web.Features.Members;

/// <summary>
/// Keeps the file of rows an import refused for half an hour, for the coordinator who imported, so the interactive
/// page can offer it as an ordinary download. It lives in this instance's memory like the circuit that made it.
/// </summary>
public sealed class RefusedRowsFiles(IMemoryCache cache)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(30);

    /// <summary>The address of the download, relative to the portal's base.</summary>
    public static string Address(Guid id) => $"members/import/{id}/refused-rows.csv";

    public Guid Keep(ClaimsPrincipal user, byte[] csv)
    {
        var id = Guid.NewGuid();
        cache.Set(id, new KeptFile(user.RequiredUserId(), csv), KeptFor);
        return id;
    }

    /// <summary>The file, for the person who made it only; anyone else learns as little as when it has expired.</summary>
    public byte[] Read(ClaimsPrincipal user, Guid id) =>
        cache.TryGetValue(id, out KeptFile? file) && file is not null && file.UserId == user.UserId()
            ? file.Csv
            : throw new NotFoundException("The file of refused rows is no longer available; check the import file again.");

    private sealed record KeptFile(Guid UserId, byte[] Csv);
}
