using System.Security.Cryptography;
using System.Text;

namespace CircularIctPact.Web.Features.Privacy;

/// <summary>
/// Derives the stable pseudonym that replaces a deleted person in records that stay: an HMAC of the
/// account id under a secret key, so nobody can recompute it from the id alone and it never contains
/// the e-mail address. The key comes from <c>Privacy:PseudonymKey</c>; without it a random key is used
/// for the lifetime of the process (pseudonyms then cannot be linked back later, which is also lawful).
/// </summary>
public sealed class Pseudonyms
{
    private readonly byte[] _key;

    public Pseudonyms(IConfiguration configuration, ILogger<Pseudonyms> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Privacy:PseudonymKey"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            logger.LogWarning(
                "Privacy:PseudonymKey is not set; pseudonyms of deleted accounts use a key that lives only as long as this process");
            _key = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            _key = Encoding.UTF8.GetBytes(configured);
        }
    }

    public string For(Guid userId)
    {
        var hash = HMACSHA256.HashData(_key, userId.ToByteArray());
        return $"former user {Convert.ToHexStringLower(hash.AsSpan(0, 4))}";
    }
}
