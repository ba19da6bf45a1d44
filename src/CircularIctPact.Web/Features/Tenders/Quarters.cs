using System.Globalization;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Calendar quarters written as "2027-Q1".</summary>
public static class Quarters
{
    public static DateOnly StartOf(DateOnly date) => new(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);

    public static string Label(DateOnly quarterStart) =>
        string.Create(CultureInfo.InvariantCulture, $"{quarterStart.Year}-Q{((quarterStart.Month - 1) / 3) + 1}");

    /// <summary>The first day of the quarter "yyyy-Qn", or false when the text is not one.</summary>
    public static bool TryParse(string? text, out DateOnly start)
    {
        start = default;
        if (text is not { Length: 7 } || text[4] != '-' || (text[5] != 'Q' && text[5] != 'q')
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || text[6] is < '1' or > '4' || year < 2000 || year > 2100)
        {
            return false;
        }

        start = new DateOnly(year, ((text[6] - '1') * 3) + 1, 1);
        return true;
    }

    /// <summary>The <paramref name="count"/> quarters starting with the one that holds <paramref name="today"/>.</summary>
    public static IReadOnlyList<DateOnly> Next(DateOnly today, int count) =>
        [.. Enumerable.Range(0, count).Select(i => StartOf(today).AddMonths(3 * i))];
}
