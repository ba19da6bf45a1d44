using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Events;

/// <summary>The form fields that the rules of material (a file or a link) added to an event name.</summary>
public static class EventMaterialFields
{
    public static readonly FormField Title = new("Title");
    public static readonly FormField Url = new("Url");
}
