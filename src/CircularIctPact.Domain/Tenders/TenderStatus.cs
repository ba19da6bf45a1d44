namespace CircularIctPact.Domain.Tenders;

/// <summary>Where a tender stands: planned → published → awarded; planned or published tenders can be cancelled.</summary>
public enum TenderStatus
{
    Planned,
    Published,
    Awarded,
    Cancelled,
}

/// <summary>What a member organisation wants to do with another member's shared, planned tender.</summary>
public enum TenderInterestKind
{
    /// <summary>Buy together: join the tender as a participating buyer.</summary>
    Join,

    /// <summary>Tender separately but at the same time and with the same criteria.</summary>
    AlignTiming,
}
