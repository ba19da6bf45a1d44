using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Criteria;

/// <summary>The form fields that the rules of criteria sets (versions) and their life cycle name.</summary>
public static class CriteriaSetFields
{
    public static readonly FormField Version = new("Version");
    public static readonly FormField Code = new("Code");
    public static readonly FormField Status = new("Status");
    public static readonly FormField ReleaseNotes = new("ReleaseNotes");
    public static readonly FormField ReleaseNote = new("Release notes");
    public static readonly FormField PublishedOn = new("PublishedOn");
    public static readonly FormField Criterion = new("Criterion");
}
