using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>
/// Quarters as the interface language writes them ("Q3 2026", "K3 2026", "T3 2026"): the figures name a quarter by its
/// language-neutral label (2026-Q3), and merged quarters by their labels joined with " – ".
/// </summary>
internal static class QuarterText
{
    private const string Separator = " – ";

    public static string Of(IStringLocalizer<DemandText> texts, string label)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(label);
        return string.Join(Separator, label.Split(Separator).Select(part => Tenders.Quarters.TryParse(part, out var start)
            ? texts["Q{1} {0}", start.Year, ((start.Month - 1) / 3) + 1].Value
            : part));
    }
}
