using System.Globalization;
using System.Text;
using QRCoder;

namespace CircularIctPact.Web.Components.Account;

/// <summary>How an authenticator key is shown for enrolment: as text in groups of four, and as an otpauth:// QR code.</summary>
public static class AuthenticatorKeys
{
    /// <summary>The name an authenticator app shows beside the portal's codes.</summary>
    public const string Issuer = "Circular ICT Pact";

    /// <summary>The key in lower case, in groups of four characters separated by spaces, for typing it by hand.</summary>
    public static string Format(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = new StringBuilder();
        for (var position = 0; position < key.Length; position += 4)
        {
            if (position > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(position, Math.Min(4, key.Length - position)));
        }

        return result.ToString().ToLowerInvariant();
    }

    /// <summary>The otpauth:// address an authenticator app reads from the QR code (six digits, every 30 seconds).</summary>
    public static string AppUri(string accountName, string key) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            Uri.EscapeDataString(Issuer),
            Uri.EscapeDataString(accountName),
            key);

    /// <summary>
    /// The QR code of <paramref name="appUri"/> as a PNG data address for an img element; the Content-Security-Policy allows
    /// data: images, and nothing leaves the server to draw it.
    /// </summary>
    public static string QrCodeDataUri(string appUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(appUri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
