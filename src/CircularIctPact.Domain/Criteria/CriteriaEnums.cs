using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>The twelve themes the pact's criteria are grouped under, in the order pages show them.</summary>
public enum CriterionTheme
{
    LifetimeAndWarranty,
    RepairabilityAndSpareParts,
    Battery,
    SoftwareSupport,
    ReuseAndRefurbishment,
    RecycledContent,
    TakeBackAndEndOfLife,
    SupplyChainTransparency,
    LabourRights,
    ResponsibleMinerals,
    EnergyAndClimate,
    HazardousSubstances,
}

/// <summary>How far a buyer wants to go: every criterion sits at one of three levels.</summary>
public enum AmbitionLevel
{
    Core,
    Comprehensive,
    Frontrunner,
}

/// <summary>Where a criterion lands in a tender; the Word export has one heading per type.</summary>
public enum CriterionType
{
    SelectionCriterion,
    TechnicalSpecification,
    AwardCriterion,
    ContractPerformanceClause,
}

/// <summary>The pact's strategy a criterion serves.</summary>
public enum PactStrategy
{
    BuyLess,
    BuyBetter,
    UseBetter,
    UseLonger,
}

/// <summary>Lifecycle of a criteria set version.</summary>
public enum CriteriaSetStatus
{
    Draft,
    InReview,
    Published,
    Superseded,
}

/// <summary>The languages every text exists in; English is the source.</summary>
public enum CriteriaLanguage
{
    En,
    Nl,
    Fr,
    De,
}

public static class CriteriaLanguages
{
    public const CriteriaLanguage Source = CriteriaLanguage.En;

    public static IReadOnlyList<CriteriaLanguage> All { get; } =
        [CriteriaLanguage.En, CriteriaLanguage.Nl, CriteriaLanguage.Fr, CriteriaLanguage.De];

    /// <summary>The two-letter code used in addresses and the API (en, nl, fr, de).</summary>
    public static string Code(this CriteriaLanguage language) => language switch
    {
        CriteriaLanguage.Nl => "nl",
        CriteriaLanguage.Fr => "fr",
        CriteriaLanguage.De => "de",
        _ => "en",
    };

    public static string DisplayName(this CriteriaLanguage language) => language switch
    {
        CriteriaLanguage.Nl => "Nederlands",
        CriteriaLanguage.Fr => "Français",
        CriteriaLanguage.De => "Deutsch",
        _ => "English",
    };

    public static bool TryParse(string? code, out CriteriaLanguage language)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "EN": language = CriteriaLanguage.En; return true;
            case "NL": language = CriteriaLanguage.Nl; return true;
            case "FR": language = CriteriaLanguage.Fr; return true;
            case "DE": language = CriteriaLanguage.De; return true;
            default: language = CriteriaLanguage.En; return false;
        }
    }

    public static CriteriaLanguage Parse(string? code, FormField? field = null) =>
        TryParse(code, out var language)
            ? language
            : throw new DomainException(field ?? CriterionFields.Language, "'{0}' is not a criteria language; use en, nl, fr or de.", code);
}
