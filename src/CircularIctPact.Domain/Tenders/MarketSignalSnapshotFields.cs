using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Tenders;

/// <summary>The form fields that the rules of market signal editions name.</summary>
public static class MarketSignalSnapshotFields
{
    public static readonly FormField Number = new("Number");
    public static readonly FormField Figures = new("Figures");
}
