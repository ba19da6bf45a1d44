using CircularIctPact.Domain.Impact;
using CircularIctPact.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Features.Impact;

/// <summary>One year of the trend towards 2030.</summary>
public sealed record TrendRow(int Year, int Members, int Tenders, double SharePercent, double PathPercent, double? AssessmentAverage);

/// <summary>Names, the trend rows and the stated assumptions, shared by the impact page and its Word report.</summary>
internal static class ImpactLabels
{
    public static string Theme(IStringLocalizer<ImpactText> text, AssessmentTheme theme) => theme switch
    {
        AssessmentTheme.SharedCriteria => text["Applying the shared criteria"],
        AssessmentTheme.DeviceLifetime => text["Extending device lifetimes"],
        AssessmentTheme.ReuseAndRefurbishment => text["Reuse and refurbishment"],
        AssessmentTheme.RecyclingAndTakeBack => text["Recycling and take-back"],
        _ => text["Fair supply chain"],
    };

    public static string Device(IStringLocalizer<ImpactText> text, DeviceType type) =>
        type == DeviceType.Smartphone ? text["Smartphones"] : text["Laptops"];

    public static string Scope(IStringLocalizer<ImpactText> text, ImpactView view) =>
        view.BuyerGroupId is null ? text["The whole pact"] : view.Scope;

    public static IReadOnlyList<TrendRow> Trend(ImpactView view) =>
        view.MemberCounts.Select(members =>
        {
            var tenders = view.Tenders.Years.FirstOrDefault(y => y.Year == members.Year);
            return new TrendRow(
                members.Year,
                members.Count,
                tenders?.Tenders ?? 0,
                tenders?.SharePercent ?? 0,
                PactAmbition.PathPercent(members.Year),
                view.AssessmentTrend.FirstOrDefault(a => a.Year == members.Year)?.Average);
        }).ToList();

    public static IEnumerable<string> Assumptions(IStringLocalizer<ImpactText> text)
    {
        string Figure(SourcedFigure figure) => FigureText.Of(text, figure);
        yield return text["Emissions avoided by longer use = devices × embodied emissions × (1 − baseline years ÷ expected years of use), "
            + "from the awarded quantity and expected years of use of each awarded tender. A negative figure means devices are used "
            + "shorter than the baseline."];
        foreach (var defaults in new[] { DeviceDefaults.Laptop, DeviceDefaults.Smartphone })
        {
            yield return text[
                "{0}: embodied emissions {1} ({2}); baseline {3} ({4})",
                Device(text, defaults.Type),
                Figure(defaults.EmbodiedKgCo2e),
                text[defaults.EmbodiedKgCo2e.Source],
                Figure(defaults.BaselineYearsOfUse),
                text[defaults.BaselineYearsOfUse.Source]];
        }

        yield return text["The same defaults are used by the life-cycle calculator."];
        yield return text["A tender applies the shared criteria when at least one criterion of the pact is recorded for it. Tenders count "
            + "in the year of their publication (actual, else planned); cancelled tenders are left out."];
        yield return text["Member organisations are counted at the end of each year from their join date and their latest status change "
            + "(suspended or left)."];
        yield return text["The 2030 ambition is a working target of this portal, not a figure the pact has published: every tender applies "
            + "the shared criteria by {0}, on a straight path from {1}.", PactAmbition.TargetYear, PactAmbition.StartYear];
    }
}
