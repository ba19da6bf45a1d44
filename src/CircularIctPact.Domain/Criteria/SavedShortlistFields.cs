using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>The form fields that the rules of saved criteria shortlists name.</summary>
public static class SavedShortlistFields
{
    public static readonly FormField Name = new("Name");
}
