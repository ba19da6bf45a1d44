using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Events;

/// <summary>Slides, a recording or notes shared after an event: an uploaded document, a link, or both.</summary>
public sealed class EventMaterial : Entity
{
    public const int TitleMaxLength = 200;

    private EventMaterial()
    {
        Title = string.Empty;
    }

    internal EventMaterial(Guid eventId, string title, string? url, Guid? documentId, DateTimeOffset addedAt)
    {
        var link = Guard.Optional(url, EventMaterialFields.Url, PactEvent.LinkMaxLength);
        if (link is not null && !PactEvent.IsWebAddress(link))
        {
            throw new DomainException(EventMaterialFields.Url, "The link must be a web address starting with https://.");
        }

        if (link is null && documentId is null)
        {
            throw new DomainException(EventMaterialFields.Url, "Add a file or a link.");
        }

        EventId = eventId;
        Title = Guard.Required(title, EventMaterialFields.Title, TitleMaxLength);
        Url = link;
        DocumentId = documentId;
        AddedAt = addedAt;
    }

    public Guid EventId { get; private set; }

    public string Title { get; private set; }

    public string? Url { get; private set; }

    public Guid? DocumentId { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}
