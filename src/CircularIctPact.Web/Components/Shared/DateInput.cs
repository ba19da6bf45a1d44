using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CircularIctPact.Web.Components.Shared;

/// <summary>
/// Dates people type as well as pick: the pattern of the formatting culture (31/01/2027 in English, 31-01-2027 in Dutch,
/// 31.01.2027 in German), an example in it, and the message MudBlazor shows beside a date field it cannot read.
/// </summary>
public static class DateInput
{
    /// <summary>The key MudBlazor's converters use for text that is not a date.</summary>
    public const string InvalidDateKey = "Converter_InvalidDateTime";

    private static readonly DateTime ExampleDate = new(2027, 1, 31, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The pattern a typed date is read in: the short date of the formatting culture, with two-digit days and months.</summary>
    public static string Format => CultureInfo.CurrentCulture.DateTimeFormat.ShortDatePattern;

    /// <summary>The example date written in <see cref="Format"/>, as a placeholder and in the message.</summary>
    public static string Example => ExampleDate.ToString(Format, CultureInfo.CurrentCulture);
}

/// <summary>Marker for the texts of <see cref="DateInput"/> in Resources/Components/Shared/DateInputText.{nl,fr,de}.resx.</summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<DateInputText>.
internal sealed class DateInputText;
#pragma warning restore CA1812

/// <summary>MudBlazor's own texts, except that a date it cannot read gets the portal's message in the interface language.</summary>
internal sealed class PortalMudTexts(ILoggerFactory loggerFactory, IStringLocalizer<DateInputText> texts, MudLocalizer? mudLocalizer = null)
    : DefaultLocalizationInterceptor(loggerFactory, mudLocalizer)
{
    public override LocalizedString Handle(string key, params object[] arguments) =>
        key == DateInput.InvalidDateKey
            ? new LocalizedString(key, texts["This is not a date. Type it like {0}, or pick it in the calendar.", DateInput.Example].Value)
            : base.Handle(key, arguments);
}
