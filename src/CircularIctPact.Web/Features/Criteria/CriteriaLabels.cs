using System.Globalization;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Readable labels for the criteria enums: English for files and change notes, in the interface language on pages (the
/// English label is the shared resource key); export headings follow the export language.
/// </summary>
public static class CriteriaLabels
{
    public static string Theme(IStringLocalizer texts, CriterionTheme theme) => Localized(texts, Theme(theme));

    public static string Type(IStringLocalizer texts, CriterionType type) => Localized(texts, Type(type));

    public static string Level(IStringLocalizer texts, AmbitionLevel level) => Localized(texts, Level(level));

    public static string Strategy(IStringLocalizer texts, PactStrategy strategy) => Localized(texts, Strategy(strategy));

    public static string Status(IStringLocalizer texts, CriteriaSetStatus status) => Localized(texts, Status(status));

    private static string Localized(IStringLocalizer texts, string english)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts[english].Value;
    }

    public static string Theme(CriterionTheme theme) => theme switch
    {
        CriterionTheme.LifetimeAndWarranty => "Lifetime and warranty",
        CriterionTheme.RepairabilityAndSpareParts => "Repairability and spare parts",
        CriterionTheme.Battery => "Battery",
        CriterionTheme.SoftwareSupport => "Software support and security updates",
        CriterionTheme.ReuseAndRefurbishment => "Reuse and refurbishment",
        CriterionTheme.RecycledContent => "Recycled content",
        CriterionTheme.TakeBackAndEndOfLife => "Take-back and end of life",
        CriterionTheme.SupplyChainTransparency => "Supply-chain transparency",
        CriterionTheme.LabourRights => "Labour rights and due diligence",
        CriterionTheme.ResponsibleMinerals => "Responsible minerals",
        CriterionTheme.EnergyAndClimate => "Energy and climate",
        CriterionTheme.HazardousSubstances => "Hazardous substances",
        _ => theme.ToString(),
    };

    public static string Type(CriterionType type) => type switch
    {
        CriterionType.SelectionCriterion => "Selection criteria",
        CriterionType.TechnicalSpecification => "Technical specifications",
        CriterionType.AwardCriterion => "Award criteria",
        _ => "Contract performance clauses",
    };

    /// <summary>The procurement type in an export's language, used for the Word export's headings.</summary>
    public static string Type(CriterionType type, CultureInfo culture) => OutgoingText.In(culture, Type(type));

    public static string Level(AmbitionLevel level) => level.ToString();

    public static string Strategy(PactStrategy strategy) => strategy switch
    {
        PactStrategy.BuyLess => "Buy less",
        PactStrategy.BuyBetter => "Buy better",
        PactStrategy.UseBetter => "Use better",
        _ => "Use longer",
    };

    public static string Status(CriteriaSetStatus status) => status switch
    {
        CriteriaSetStatus.InReview => "In review",
        _ => status.ToString(),
    };
}
