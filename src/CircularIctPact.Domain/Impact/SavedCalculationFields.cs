using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Impact;

/// <summary>The form fields that the rules of saved life-cycle calculations name.</summary>
public static class SavedCalculationFields
{
    public static readonly FormField Name = new("Name");
    public static readonly FormField Calculation = new("Calculation");
}
