using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>Invitation secrets: 32 random bytes as base64url for the link; only the SHA-256 hash is stored.</summary>
public static class InvitationTokens
{
    public static (string Token, string Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string AcceptLink(string baseUri, string token) =>
        new Uri(new Uri(baseUri), $"invitation/accept?token={Uri.EscapeDataString(token)}").AbsoluteUri;
}
