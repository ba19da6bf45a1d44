using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Tenders;

/// <summary>
/// A dated, numbered edition of the public market signal. It holds only the already anonymised figures
/// (as JSON), so later changes to tenders never change what was published.
/// </summary>
public sealed class MarketSignalSnapshot : Entity
{
    private MarketSignalSnapshot()
    {
        FiguresJson = string.Empty;
    }

    public MarketSignalSnapshot(
        int number,
        DateOnly publishedOn,
        DateOnly firstQuarterStart,
        string figuresJson,
        Guid publishedByUserId,
        DateTimeOffset publishedAt)
    {
        if (number < 1)
        {
            throw new DomainException(MarketSignalSnapshotFields.Number, "A market signal edition is numbered from 1.");
        }

        if (string.IsNullOrWhiteSpace(figuresJson))
        {
            throw new DomainException(MarketSignalSnapshotFields.Figures, "A market signal needs figures.");
        }

        Number = number;
        PublishedOn = publishedOn;
        FirstQuarterStart = firstQuarterStart;
        FiguresJson = figuresJson;
        PublishedByUserId = publishedByUserId;
        PublishedAt = publishedAt;
    }

    /// <summary>The edition number: 1, 2, 3 …</summary>
    public int Number { get; private set; }

    public DateOnly PublishedOn { get; private set; }

    /// <summary>The first day of the first quarter the figures cover.</summary>
    public DateOnly FirstQuarterStart { get; private set; }

    public string FiguresJson { get; private set; }

    public Guid PublishedByUserId { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }
}
