using CircularIctPact.Domain.Members;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>Labels for the onboarding pages.</summary>
public static class OnboardingText
{
    public static string Size(SizeBand size) => size switch
    {
        SizeBand.Small => "Small (fewer than 250 staff)",
        SizeBand.Medium => "Medium (250 to 1,000 staff)",
        SizeBand.Large => "Large (1,000 to 10,000 staff)",
        SizeBand.VeryLarge => "Very large (more than 10,000 staff)",
        _ => size.ToString(),
    };

    public static string Spend(IctSpendBand spend) => spend switch
    {
        IctSpendBand.Under1Million => "Under €1 million",
        IctSpendBand.From1To10Million => "€1 to 10 million",
        IctSpendBand.From10To50Million => "€10 to 50 million",
        IctSpendBand.Over50Million => "Over €50 million",
        _ => spend.ToString(),
    };
}
