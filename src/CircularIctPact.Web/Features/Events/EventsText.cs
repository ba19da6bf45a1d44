namespace CircularIctPact.Web.Features.Events;

/// <summary>Marker for the event pages' texts in Resources/Features/Events/EventsText.{nl,fr,de}.resx.</summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<EventsText>.
internal sealed class EventsText;
#pragma warning restore CA1812
