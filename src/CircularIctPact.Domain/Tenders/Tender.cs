using System.Globalization;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Domain.Tenders;

/// <summary>
/// A member organisation's tender for ICT devices of one product group, reported to the pact: when it is
/// published, how many devices it buys, which shared criteria it applies and, once awarded, what was bought.
/// Status moves Planned → Published → Awarded; Planned and Published tenders can be cancelled.
/// </summary>
public sealed class Tender : Entity, IConcurrencyVersioned
{
    public const int TitleMaxLength = 200;
    public const int MaxLots = 50;
    public const int MaxCriteria = 200;
    public const int MaxQuantity = 10_000_000;
    public const decimal MaxValue = 100_000_000_000m;

    private static readonly DateOnly EarliestDate = new(2000, 1, 1);
    private static readonly DateOnly LatestDate = new(2100, 12, 31);

    private readonly List<TenderLot> _lots = [];
    private List<Guid> _criterionIds = [];

    private Tender()
    {
        Title = string.Empty;
    }

    public Tender(Guid memberOrganisationId, TenderDetails details, Guid createdByUserId, DateTimeOffset at)
    {
        MemberOrganisationId = memberOrganisationId;
        CreatedByUserId = createdByUserId;
        CreatedAt = at;
        Status = TenderStatus.Planned;
        Title = string.Empty;
        Describe(details, at);
    }

    /// <summary>The member organisation that runs the tender; it never changes.</summary>
    public Guid MemberOrganisationId { get; private set; }

    public string Title { get; private set; }

    public Guid ProductGroupId { get; private set; }

    public TenderStatus Status { get; private set; }

    public DateOnly PlannedPublicationOn { get; private set; }

    /// <summary>When the tender was actually published; set once it is published.</summary>
    public DateOnly? ActualPublicationOn { get; private set; }

    public DateOnly? ContractStartOn { get; private set; }

    public DateOnly? ContractEndOn { get; private set; }

    /// <summary>How many devices the tender is expected to buy.</summary>
    public int? EstimatedQuantity { get; private set; }

    public decimal? EstimatedValue { get; private set; }

    /// <summary>ISO 4217 code of <see cref="EstimatedValue"/> and the award's unit price.</summary>
    public string? Currency { get; private set; }

    /// <summary>Whether the owner shares this tender in the collective tender calendar while it is planned.</summary>
    public bool SharedInCalendar { get; private set; }

    /// <summary>The published criteria set (version) the applied criteria come from, if any.</summary>
    public Guid? CriteriaSetId { get; private set; }

    /// <summary>The criteria applied, all from <see cref="CriteriaSetId"/>, in the order chosen.</summary>
    public IReadOnlyList<Guid> CriterionIds => _criterionIds.AsReadOnly();

    public IReadOnlyList<TenderLot> Lots => _lots.AsReadOnly();

    /// <summary>What was bought; present exactly when the tender is awarded.</summary>
    public TenderAward? Award { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The date the demand signal places the tender at: the contract start when known, else the publication date.</summary>
    public DateOnly DemandDate => ContractStartOn ?? ActualPublicationOn ?? PlannedPublicationOn;

    /// <summary>Whether the tender is listed in the collective tender calendar.</summary>
    public bool IsInCalendar => SharedInCalendar && Status == TenderStatus.Planned;

    /// <summary>The statuses a tender in <paramref name="status"/> may move to (its own status included).</summary>
    public static IReadOnlyList<TenderStatus> AllowedStatuses(TenderStatus status) => status switch
    {
        TenderStatus.Planned => [TenderStatus.Planned, TenderStatus.Published, TenderStatus.Cancelled],
        TenderStatus.Published => [TenderStatus.Published, TenderStatus.Awarded, TenderStatus.Cancelled],
        TenderStatus.Awarded => [TenderStatus.Awarded],
        _ => [TenderStatus.Cancelled],
    };

    public void Describe(TenderDetails details, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        var rules = new RuleViolations();
        var title = rules.Required(details.Title, TenderFields.LotTitle, TitleMaxLength);
        if (details.ProductGroupId == Guid.Empty)
        {
            rules.Report(TenderFields.ProductGroup, "Choose the product group the tender buys.");
        }

        var planned = details.PlannedPublicationOn ?? default;
        if (details.PlannedPublicationOn is null)
        {
            rules.Report(TenderFields.PlannedPublicationOn, "Planned publication date is required.");
        }
        else if (rules.Check(() => InRange(planned, TenderFields.PlannedPublicationOn)))
        {
            rules.Check(() => ValidateContract(
                details.ContractStartOn, details.ContractEndOn, ActualPublicationOn ?? planned, ActualPublicationOn is not null));
        }

        var quantity = rules.Check(() => NonNegative(details.EstimatedQuantity, TenderFields.EstimatedQuantity, "The estimated quantity"));
        if (quantity is not null && _lots.Count > 0)
        {
            rules.Check(() => EnsureLotsFit(_lots.Sum(l => l.Quantity ?? 0), quantity.Value));
        }

        var value = rules.Check(() => NonNegativeAmount(details.EstimatedValue, TenderFields.EstimatedValue, "The estimated value"));
        var currencyGiven = !string.IsNullOrWhiteSpace(details.Currency);
        var currency = currencyGiven ? rules.Check(() => CurrencyCode.Parse(details.Currency)) : null;
        if (!currencyGiven && details.EstimatedValue is not null)
        {
            rules.Report(TenderFields.Currency, "Give the currency of the estimated value (ISO 4217 code, e.g. EUR).");
        }
        else if (!currencyGiven && Award is not null)
        {
            rules.Report(TenderFields.Currency, "Give the currency of the award's unit price (ISO 4217 code, e.g. EUR).");
        }

        rules.ThrowIfAny();
        if (ProductGroupId != Guid.Empty && details.ProductGroupId != ProductGroupId)
        {
            // Criteria belong to one product group's criteria set; they cannot follow the tender to another group.
            ClearCriteria();
        }

        Title = title;
        ProductGroupId = details.ProductGroupId;
        PlannedPublicationOn = planned;
        ContractStartOn = details.ContractStartOn;
        ContractEndOn = details.ContractEndOn;
        EstimatedQuantity = quantity;
        EstimatedValue = value;
        Currency = currency;
        SharedInCalendar = details.SharedInCalendar;
        UpdatedAt = at;
    }

    /// <summary>Replaces the lots; each needs a title, quantities cannot be negative nor add up to more than the estimate.</summary>
    public void SetLots(IEnumerable<TenderLotDetails> lots, DateTimeOffset at)
    {
        var list = lots.ToList();
        if (list.Count > MaxLots)
        {
            throw new DomainException(TenderFields.Lots, "A tender can have at most {0} lots.", MaxLots);
        }

        var validated = list.Select((lot, index) => new TenderLot(
                index + 1,
                Guard.Required(lot.Title, TenderFields.LotTitle.In(TenderFields.Lots, index), TenderLot.TitleMaxLength),
                NonNegative(lot.Quantity, TenderFields.LotQuantity.In(TenderFields.Lots, index), $"The quantity of lot {index + 1}")))
            .ToList();
        if (EstimatedQuantity is { } estimated)
        {
            EnsureLotsFit(validated.Sum(l => l.Quantity ?? 0), estimated);
        }

        _lots.Clear();
        _lots.AddRange(validated);
        UpdatedAt = at;
    }

    /// <summary>
    /// Applies criteria from a published version of the tender's product group, e.g. picked from the catalogue
    /// or taken over from a saved shortlist. An empty list removes all criteria.
    /// </summary>
    public void ApplyCriteria(CriteriaSet criteriaSet, IEnumerable<Guid> criterionIds, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(criteriaSet);
        var ids = criterionIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            ClearCriteria();
            UpdatedAt = at;
            return;
        }

        if (criteriaSet.ProductGroupId != ProductGroupId)
        {
            throw new DomainException(TenderFields.Criteria, "These criteria are written for another product group than the tender's.");
        }

        if (!criteriaSet.IsPublic)
        {
            throw new DomainException(
                TenderFields.Criteria,
                "Criteria version {0} is not published; only published criteria can be applied.",
                criteriaSet.Number);
        }

        if (ids.Count > MaxCriteria)
        {
            throw new DomainException(TenderFields.Criteria, "A tender can apply at most {0} criteria.", MaxCriteria);
        }

        var known = criteriaSet.Criteria.Select(c => c.Id).ToHashSet();
        var missing = ids.Count(id => !known.Contains(id));
        if (missing > 0)
        {
            throw new DomainException(
                TenderFields.Criteria,
                "{0} of the chosen criteria are not part of version {1}; pick criteria from one version.",
                missing,
                criteriaSet.Number);
        }

        CriteriaSetId = criteriaSet.Id;
        _criterionIds = ids;
        UpdatedAt = at;
    }

    /// <summary>Moves the tender to <paramref name="status"/>, taking the publication date and award the move needs.</summary>
    public void MoveTo(TenderStatus status, DateOnly? publishedOn, TenderAwardDetails? award, DateOnly today, DateTimeOffset at)
    {
        switch (status)
        {
            case TenderStatus.Planned when Status == TenderStatus.Planned:
                break;
            case TenderStatus.Planned:
                throw new DomainException(TenderFields.Status, "This tender is {0}; it cannot go back to planned.", Describe(Status));
            case TenderStatus.Published:
                Publish(publishedOn, today, at);
                break;
            case TenderStatus.Awarded:
                if (Status == TenderStatus.Planned)
                {
                    Publish(publishedOn, today, at);
                }
                else if (publishedOn is not null && Status == TenderStatus.Published)
                {
                    Publish(publishedOn, today, at);
                }

                RecordAward(award ?? throw new DomainException(
                    TenderFields.Award,
                    "Give the award details: supplier, models, quantity, price, warranty and years of use."), today, at);
                break;
            case TenderStatus.Cancelled:
                Cancel(at);
                break;
        }
    }

    /// <summary>Records (or corrects) the actual publication date of a planned or published tender.</summary>
    public void Publish(DateOnly? publishedOn, DateOnly today, DateTimeOffset at)
    {
        if (Status is TenderStatus.Awarded or TenderStatus.Cancelled)
        {
            throw new DomainException(TenderFields.Status, "This tender is {0}; it cannot be published again.", Describe(Status));
        }

        var date = publishedOn ?? throw new DomainException(TenderFields.ActualPublicationOn, "Give the date the tender was published.");
        InRange(date, TenderFields.ActualPublicationOn);
        if (date > today)
        {
            throw new DomainException(
                TenderFields.ActualPublicationOn,
                "The publication date cannot be in the future; keep the tender planned until it is published.");
        }

        if (ContractStartOn is { } start && start < date)
        {
            throw new DomainException(
                TenderFields.ActualPublicationOn,
                "The tender cannot be published after its contract starts; correct the contract start.");
        }

        ActualPublicationOn = date;
        Status = TenderStatus.Published;
        UpdatedAt = at;
    }

    /// <summary>Records (or corrects) the award of a published tender.</summary>
    public void RecordAward(TenderAwardDetails award, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(award);
        if (Status is TenderStatus.Planned)
        {
            throw new DomainException(TenderFields.Status, "Publish the tender before recording its award.");
        }

        if (Status is TenderStatus.Cancelled)
        {
            throw new DomainException(TenderFields.Status, "A cancelled tender cannot be awarded.");
        }

        if (Currency is null)
        {
            throw new DomainException(TenderFields.Currency, "Give the currency of the award's unit price (ISO 4217 code, e.g. EUR).");
        }

        Award = TenderAward.Validate(award, ActualPublicationOn!.Value, today);
        Status = TenderStatus.Awarded;
        UpdatedAt = at;
    }

    public void Cancel(DateTimeOffset at)
    {
        switch (Status)
        {
            case TenderStatus.Cancelled:
                return;
            case TenderStatus.Awarded:
                throw new DomainException(TenderFields.Status, "An awarded tender cannot be cancelled.");
            default:
                Status = TenderStatus.Cancelled;
                UpdatedAt = at;
                return;
        }
    }

    /// <summary>A member organisation (not the owner) marks interest in this shared, planned tender.</summary>
    public TenderInterest ExpressInterest(Guid memberOrganisationId, Guid userId, TenderInterestKind kind, string? note, DateTimeOffset at)
    {
        if (!IsInCalendar)
        {
            throw new DomainException(TenderFields.Tender, "Only planned tenders shared in the calendar take interest.");
        }

        if (memberOrganisationId == MemberOrganisationId)
        {
            throw new DomainException(TenderFields.Tender, "This is your own organisation's tender.");
        }

        return new TenderInterest(Id, memberOrganisationId, userId, kind, note, at);
    }

    /// <summary>Takes all applied criteria off the tender.</summary>
    public void RemoveCriteria(DateTimeOffset at)
    {
        ClearCriteria();
        UpdatedAt = at;
    }

    private void ClearCriteria()
    {
        CriteriaSetId = null;
        _criterionIds = [];
    }

    private static void ValidateContract(DateOnly? start, DateOnly? end, DateOnly publication, bool published)
    {
        if (end is not null && start is null)
        {
            throw new DomainException(TenderFields.ContractStartOn, "Give the contract start date as well as its end.");
        }

        if (start is { } s)
        {
            InRange(s, TenderFields.ContractStartOn);
            if (s < publication)
            {
                throw published
                    ? new DomainException(TenderFields.ContractStartOn, "The contract cannot start before the tender was published.")
                    : new DomainException(TenderFields.ContractStartOn, "The contract cannot start before the planned publication date.");
            }
        }

        if (end is { } e)
        {
            InRange(e, TenderFields.ContractEndOn);
            if (e <= start)
            {
                throw new DomainException(TenderFields.ContractEndOn, "The contract must end after it starts.");
            }
        }
    }

    private static void EnsureLotsFit(int lotTotal, int estimated)
    {
        if (lotTotal > estimated)
        {
            throw new DomainException(
                TenderFields.Lots,
                "The lots add up to {0} devices, more than the estimated quantity of {1}.",
                lotTotal,
                estimated);
        }
    }

    private static void InRange(DateOnly date, FormField field)
    {
        if (date < EarliestDate || date > LatestDate)
        {
            throw new DomainException(field, "Give a date between 2000 and 2100.");
        }
    }

    internal static int? NonNegative(int? value, FormField field, string what) => value switch
    {
        < 0 => throw new DomainException(field, "{0} cannot be negative.", what),
        > MaxQuantity => throw new DomainException(field, "{0} can be at most {1:N0}.", what, MaxQuantity),
        _ => value,
    };

    internal static decimal? NonNegativeAmount(decimal? value, FormField field, string what) => value switch
    {
        < 0 => throw new DomainException(field, "{0} cannot be negative.", what),
        > MaxValue => throw new DomainException(field, "{0} is too large.", what),
        _ => value,
    };

    private static string Describe(TenderStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>One lot of a tender.</summary>
public sealed class TenderLot
{
    public const int TitleMaxLength = 200;

    private TenderLot()
    {
        Title = string.Empty;
    }

    internal TenderLot(int number, string title, int? quantity)
    {
        Number = number;
        Title = title;
        Quantity = quantity;
    }

    /// <summary>1, 2, 3 … in the order the lots were entered.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }

    public int? Quantity { get; private set; }
}

/// <summary>What an awarded tender bought and on which terms.</summary>
public sealed class TenderAward
{
    public const int SupplierMaxLength = 200;
    public const int DeviceModelsMaxLength = 1000;
    public const int MaxWarrantyYears = 20;
    public const decimal MaxYearsOfUse = 20m;

    private TenderAward()
    {
        SupplierName = string.Empty;
        DeviceModels = string.Empty;
    }

    private TenderAward(
        DateOnly awardedOn,
        string supplierName,
        string deviceModels,
        int awardedQuantity,
        decimal unitPrice,
        int warrantyYears,
        decimal expectedYearsOfUse,
        bool takeBackAgreed)
    {
        AwardedOn = awardedOn;
        SupplierName = supplierName;
        DeviceModels = deviceModels;
        AwardedQuantity = awardedQuantity;
        UnitPrice = unitPrice;
        WarrantyYears = warrantyYears;
        ExpectedYearsOfUse = expectedYearsOfUse;
        TakeBackAgreed = takeBackAgreed;
    }

    public DateOnly AwardedOn { get; private set; }

    public string SupplierName { get; private set; }

    /// <summary>The device models bought, as the procurer wrote them (e.g. "Fairphone 5; Lenovo ThinkPad T14 Gen 5").</summary>
    public string DeviceModels { get; private set; }

    public int AwardedQuantity { get; private set; }

    /// <summary>Price per device in the tender's currency.</summary>
    public decimal UnitPrice { get; private set; }

    public int WarrantyYears { get; private set; }

    public decimal ExpectedYearsOfUse { get; private set; }

    public bool TakeBackAgreed { get; private set; }

    internal static TenderAward Validate(TenderAwardDetails details, DateOnly publishedOn, DateOnly today)
    {
        var awardedOn = details.AwardedOn ?? throw new DomainException(
            TenderFields.AwardedOn,
            "Award date is required for an awarded tender.");
        if (awardedOn < publishedOn)
        {
            throw new DomainException(TenderFields.AwardedOn, "A tender cannot be awarded before it was published.");
        }

        if (awardedOn > today)
        {
            throw new DomainException(TenderFields.AwardedOn, "The award date cannot be in the future.");
        }

        var supplier = Guard.Required(details.SupplierName, TenderFields.Supplier, SupplierMaxLength);
        var models = Guard.Required(details.DeviceModels, TenderFields.DeviceModels, DeviceModelsMaxLength);
        var quantity = Tender.NonNegative(details.AwardedQuantity, TenderFields.AwardedQuantity, "The awarded quantity")
            ?? throw new DomainException(TenderFields.AwardedQuantity, "Awarded quantity is required for an awarded tender.");
        if (quantity == 0)
        {
            throw new DomainException(TenderFields.AwardedQuantity, "The awarded quantity must be at least 1 device.");
        }

        var price = Tender.NonNegativeAmount(details.UnitPrice, TenderFields.UnitPrice, "The unit price")
            ?? throw new DomainException(TenderFields.UnitPrice, "Unit price is required for an awarded tender.");
        var warranty = details.WarrantyYears switch
        {
            null => throw new DomainException(TenderFields.WarrantyYears, "Warranty years are required for an awarded tender."),
            < 0 => throw new DomainException(TenderFields.WarrantyYears, "Warranty years cannot be negative."),
            > MaxWarrantyYears => throw new DomainException(
                TenderFields.WarrantyYears,
                "Warranty years can be at most {0}.",
                MaxWarrantyYears),
            { } years => years,
        };
        var yearsOfUse = details.ExpectedYearsOfUse switch
        {
            null => throw new DomainException(TenderFields.ExpectedYearsOfUse, "Expected years of use are required for an awarded tender."),
            <= 0 => throw new DomainException(TenderFields.ExpectedYearsOfUse, "Expected years of use must be more than 0."),
            > MaxYearsOfUse => throw new DomainException(TenderFields.ExpectedYearsOfUse, "Expected years of use can be at most 20."),
            { } years => years,
        };
        return new TenderAward(awardedOn, supplier, models, quantity, price, warranty, yearsOfUse, details.TakeBackAgreed);
    }
}
