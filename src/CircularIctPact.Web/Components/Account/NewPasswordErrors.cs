using System.Linq.Expressions;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// Identity's refusals of a new password on a static account form: each broken password rule goes under the new password's
/// input, where <c>FieldErrorMessage</c> shows it and the input names it in <c>aria-describedby</c>; anything else (an
/// expired link, a concurrent change) is left for the form's status message.
/// </summary>
internal static class NewPasswordErrors
{
    /// <summary>Shows the password rules among <paramref name="errors"/> under <paramref name="password"/>; returns the rest.</summary>
    public static IReadOnlyList<IdentityError> ShowPasswordRulesUnder<TValue>(
        this EditContext form,
        Expression<Func<TValue>> password,
        IEnumerable<IdentityError> errors)
    {
        var messages = new ValidationMessageStore(form);
        var others = new List<IdentityError>();
        foreach (var error in errors)
        {
            if (IsPasswordRule(error))
            {
                messages.Add(FieldIdentifier.Create(password), error.Description);
            }
            else
            {
                others.Add(error);
            }
        }

        form.NotifyValidationStateChanged();
        return others;
    }

    // Identity's password validators and the portal's own name their errors Password…; a wrong current password is no rule.
    private static bool IsPasswordRule(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal)
        && error.Code != nameof(IdentityErrorDescriber.PasswordMismatch);
}
