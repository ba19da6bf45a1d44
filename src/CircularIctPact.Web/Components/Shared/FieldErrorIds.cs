using System.Linq.Expressions;
using Microsoft.AspNetCore.Components.Forms;

namespace CircularIctPact.Web.Components.Shared;

/// <summary>
/// Ties a static form's input to the validation messages shown under it: the messages (<see cref="FieldErrorMessage{TValue}"/>)
/// carry an id derived from the field, and the input names that id in <c>aria-describedby</c> while the field has messages,
/// so a screen reader reads the error with the field.
/// </summary>
public static class FieldErrorIds
{
    public static string IdOf(in FieldIdentifier field) => $"{field.FieldName}-error";

    /// <summary>
    /// The value for the input's <c>aria-describedby</c>: the id of its messages while there are any, otherwise null (no attribute).
    /// </summary>
    public static string? ErrorIdOf<TValue>(this EditContext form, Expression<Func<TValue>> field)
    {
        var identifier = FieldIdentifier.Create(field);
        return form.GetValidationMessages(identifier).Any() ? IdOf(identifier) : null;
    }
}
