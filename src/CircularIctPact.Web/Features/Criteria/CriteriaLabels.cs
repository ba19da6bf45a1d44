using CircularIctPact.Domain.Criteria;
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

    public static string Type(CriterionType type) => Type(type, CriteriaLanguage.En);

    /// <summary>The procurement type in a tender's language, used for the Word export's headings.</summary>
    public static string Type(CriterionType type, CriteriaLanguage language) => (type, language) switch
    {
        (CriterionType.SelectionCriterion, CriteriaLanguage.Nl) => "Geschiktheidseisen",
        (CriterionType.SelectionCriterion, CriteriaLanguage.Fr) => "Critères de sélection",
        (CriterionType.SelectionCriterion, CriteriaLanguage.De) => "Eignungskriterien",
        (CriterionType.SelectionCriterion, _) => "Selection criteria",
        (CriterionType.TechnicalSpecification, CriteriaLanguage.Nl) => "Technische specificaties",
        (CriterionType.TechnicalSpecification, CriteriaLanguage.Fr) => "Spécifications techniques",
        (CriterionType.TechnicalSpecification, CriteriaLanguage.De) => "Technische Spezifikationen",
        (CriterionType.TechnicalSpecification, _) => "Technical specifications",
        (CriterionType.AwardCriterion, CriteriaLanguage.Nl) => "Gunningscriteria",
        (CriterionType.AwardCriterion, CriteriaLanguage.Fr) => "Critères d'attribution",
        (CriterionType.AwardCriterion, CriteriaLanguage.De) => "Zuschlagskriterien",
        (CriterionType.AwardCriterion, _) => "Award criteria",
        (CriterionType.ContractPerformanceClause, CriteriaLanguage.Nl) => "Contractbepalingen",
        (CriterionType.ContractPerformanceClause, CriteriaLanguage.Fr) => "Clauses d'exécution du contrat",
        (CriterionType.ContractPerformanceClause, CriteriaLanguage.De) => "Vertragsausführungsklauseln",
        _ => "Contract performance clauses",
    };

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

    /// <summary>Field captions in a tender's language: requirement, verification and so on.</summary>
    public static string Field(string field, CriteriaLanguage language) => (field, language) switch
    {
        ("Requirement", CriteriaLanguage.Nl) => "Eis",
        ("Requirement", CriteriaLanguage.Fr) => "Exigence",
        ("Requirement", CriteriaLanguage.De) => "Anforderung",
        ("Verification", CriteriaLanguage.Nl) => "Verificatie",
        ("Verification", CriteriaLanguage.Fr) => "Vérification",
        ("Verification", CriteriaLanguage.De) => "Nachweis",
        ("Contract management", CriteriaLanguage.Nl) => "Contractmanagement",
        ("Contract management", CriteriaLanguage.Fr) => "Suivi du contrat",
        ("Contract management", CriteriaLanguage.De) => "Vertragsmanagement",
        ("Source", CriteriaLanguage.Nl) => "Bron",
        ("Source", CriteriaLanguage.Fr) => "Source",
        ("Source", CriteriaLanguage.De) => "Quelle",
        _ => field,
    };
}
