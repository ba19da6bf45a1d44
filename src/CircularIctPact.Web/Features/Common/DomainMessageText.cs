using System.Globalization;
using System.Resources;
using CircularIctPact.Domain.Common;

namespace CircularIctPact.Web.Features.Common;

/// <summary>
/// Says a broken rule in the person's language (<see cref="CultureInfo.CurrentUICulture"/>): its format is the key of
/// Resources/DomainMessages.{nl,fr,de}.resx, and a <see cref="FormField"/> among its arguments is shown as that field's
/// label from the same resources. The one place pages, services and endpoints turn a <see cref="DomainException"/>, or a refusal,
/// a missing record or a lost save, into text.
/// </summary>
public static class DomainMessageText
{
    /// <summary>
    /// The format of a message that is already in the person's language, such as one of Identity's errors, which
    /// <c>LocalizedIdentityErrorDescriber</c> translates.
    /// </summary>
    public const string AsGiven = "{0}";

    // Ignoring case lets a field keyed in camelCase by a data file (releaseNotes) share the label of its PascalCase form field.
    private static readonly ResourceManager Resources =
        new("CircularIctPact.Web.Resources.DomainMessages", typeof(DomainMessageText).Assembly) { IgnoreCase = true };

    /// <summary>Every broken rule of <paramref name="exception"/>, one sentence after the other.</summary>
    public static string Of(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return string.Join(" ", exception.Violations.Select(Of));
    }

    /// <summary>
    /// What a <see cref="DomainException"/>, <see cref="ForbiddenException"/>, <see cref="NotFoundException"/> or
    /// <see cref="ConcurrencyConflictException"/> says, in the person's language; another exception's own message.
    /// </summary>
    public static string Of(Exception exception) => exception switch
    {
        DomainException domain => Of(domain),
        ForbiddenException forbidden => Of(forbidden.Reason),
        NotFoundException notFound => Of(notFound.Reason),
        ConcurrencyConflictException conflict => Of(conflict.Reason),
        _ => exception?.Message ?? string.Empty,
    };

    public static string Of(RuleViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var format = Resources.GetString(violation.Format, CultureInfo.CurrentUICulture) ?? violation.Format;
        return string.Format(CultureInfo.CurrentCulture, format, [.. violation.Arguments.Select(Argument)]);
    }

    /// <summary>A fixed text of the error display, such as the heading of the error summary.</summary>
    public static string Text(string english) => Resources.GetString(english, CultureInfo.CurrentUICulture) ?? english;

    /// <summary>
    /// The label of <paramref name="field"/>; an input in a list or group (<c>Lots[2].Title</c>) is labelled by its own
    /// key (<c>Title</c>), and a field without a label by its key.
    /// </summary>
    public static string Label(FormField field)
    {
        var key = field.Key[(field.Key.LastIndexOf('.') + 1)..];
        return Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
    }

    private static object? Argument(object? argument) => argument is FormField field ? Label(field) : argument;
}
