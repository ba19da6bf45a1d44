using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Tenders;

/// <summary>The form fields that the rules of interest taken in a planned tender name.</summary>
public static class TenderInterestFields
{
    public static readonly FormField Note = new("Note");
}
