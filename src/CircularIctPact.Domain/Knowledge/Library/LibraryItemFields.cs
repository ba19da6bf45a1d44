using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Knowledge.Library;

/// <summary>The form fields that the rules of library items and their versions name.</summary>
public static class LibraryItemFields
{
    public static readonly FormField Title = new("Title");
    public static readonly FormField Description = new("Description");
    public static readonly FormField ChangeNote = new("Change note");
    public static readonly FormField Link = new("Link");
}
