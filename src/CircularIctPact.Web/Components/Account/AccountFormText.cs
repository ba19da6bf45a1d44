using System.Globalization;
using System.Resources;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// Validation messages and field names for the account pages' input models, named in
/// <c>ErrorMessageResourceType</c>/<c>ErrorMessageResourceName</c> and <c>[Display(ResourceType, Name)]</c>.
/// DataAnnotations reads these static properties each time it validates, so the texts follow the request's
/// interface language; a field name uses the same resource key as the field's label on the page, so a message
/// names the field exactly as the label does.
/// </summary>
/// <remarks>Public because <see cref="System.ComponentModel.DataAnnotations.DisplayAttribute"/> only reads resource types that
/// are.</remarks>
public static class AccountFormText
{
    private static readonly ResourceManager SharedTexts = new(
        $"{typeof(SharedResource).Namespace}.Resources.{nameof(SharedResource)}",
        typeof(SharedResource).Assembly);

    public static string Required => Text("{0} is required.");

    public static string InvalidEmail => Text("{0} is not a valid e-mail address.");

    public static string InvalidPhoneNumber => Text("{0} is not a valid phone number.");

    public static string LengthOutOfRange => Text("{0} must be between {2} and {1} characters long.");

    public static string TooLong => Text("{0} can be at most {1} characters long.");

    public static string PasswordsDiffer => Text("The password and its confirmation do not match.");

    public static string Email => Text("Email");

    public static string SignInEmail => Text("E-mail");

    public static string Password => Text("Password");

    public static string ConfirmPassword => Text("Confirm password");

    public static string OldPassword => Text("Old password");

    public static string NewPassword => Text("New password");

    public static string NewEmail => Text("New email");

    public static string PhoneNumber => Text("Phone number");

    public static string RecoveryCode => Text("Recovery code");

    public static string AuthenticatorCode => Text("Authenticator code");

    public static string VerificationCode => Text("Verification Code");

    public static string PasskeyName => Text("Passkey name");

    public static string PasswordResetCode => Text("Password reset code");

    public static string RememberMe => Text("Remember me");

    public static string RememberThisMachine => Text("Remember this machine");

    private static string Text(string key) => SharedTexts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
