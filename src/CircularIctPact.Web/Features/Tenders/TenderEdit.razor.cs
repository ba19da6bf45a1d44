using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>
/// Reports a tender (<c>/tenders/new</c>) or shows and edits one: criteria from the catalogue or a saved shortlist, lots, status and award.
/// </summary>
public sealed partial class TenderEdit
{
    private static readonly FormField[] ShownFields =
    [
        TenderFields.Title, TenderFields.ProductGroup, TenderFields.PlannedPublicationOn, TenderFields.ContractStartOn,
        TenderFields.ContractEndOn, TenderFields.EstimatedQuantity, TenderFields.EstimatedValue, TenderFields.Currency,
        TenderFields.Lots, TenderFields.Criteria, TenderFields.Status, TenderFields.ActualPublicationOn, TenderFields.AwardedOn,
        TenderFields.Supplier, TenderFields.DeviceModels, TenderFields.AwardedQuantity, TenderFields.UnitPrice,
        TenderFields.WarrantyYears, TenderFields.ExpectedYearsOfUse,
    ];

    private readonly PageOperation _operation = new();
    private FormModel _form = new();
    private TenderDetailsView? _details;
    private IReadOnlyList<ProductGroupOption> _productGroups = [];
    private IReadOnlyList<SavedShortlistSummary> _shortlists = [];
    private CatalogueView? _catalogue;
    private Guid? _shortlistId;
    private string? _shortlistNote;
    private string? _loadError;
    private bool _loaded;
    private bool _interactive;

    [Parameter]
    public Guid? Id { get; set; }

    [Inject]
    private TenderDirectory Directory { get; set; } = default!;

    [Inject]
    private TenderEditor Editor { get; set; } = default!;

    [Inject]
    private TenderAccess Access { get; set; } = default!;

    [Inject]
    private CriteriaCatalogue Catalogue { get; set; } = default!;

    [Inject]
    private SavedShortlists Shortlists { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool IsNew => Id is null;

    private bool ReadOnly => _details is { CanEdit: false };

    private string? GeneralError => _operation.Message ?? _operation.Errors.Unplaced(ShownFields);

    private IEnumerable<CriterionView> SelectedCriteria =>
        _catalogue?.Criteria.Where(c => _form.CriterionIds.Contains(c.Id)) ?? [];

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        try
        {
            _productGroups = await Directory.ProductGroupsAsync();
            if (Id is { } id)
            {
                _details = await Directory.GetAsync(user, id);
                _form = FormModel.From(_details);
            }
            else if ((await Access.ScopeAsync(user)).OwnOrganisationId is null)
            {
                _loadError = T["Only procurers of a member organisation report tenders."];
                return;
            }
            else
            {
                _form = new FormModel { PlannedPublicationOn = DateTime.UtcNow.Date.AddMonths(3) };
            }

            _shortlists = user.UserId() is null ? [] : await Shortlists.ListAsync(user);
            await LoadCatalogueAsync(user);
            _loaded = true;
        }
        catch (Exception error) when (error is ForbiddenException or NotFoundException)
        {
            _loadError = DomainMessageText.Of(error);
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task LoadCatalogueAsync(ClaimsPrincipal user)
    {
        var group = _productGroups.FirstOrDefault(g => g.Id == _form.ProductGroupId);
        if (group is null)
        {
            _catalogue = null;
            return;
        }

        try
        {
            var language = CriteriaLanguageChoice.From(null);
            _catalogue = await Catalogue.GetAsync(new CatalogueQuery(group.Slug, _form.CriteriaVersion, language), user);
            _form.CriteriaSetId = _catalogue.Set.Id;
        }
        catch (NotFoundException)
        {
            _catalogue = null;
        }
    }

    private async Task ProductGroupChangedAsync(Guid? productGroupId)
    {
        if (productGroupId == _form.ProductGroupId)
        {
            return;
        }

        _form.ProductGroupId = productGroupId;
        _form.CriteriaVersion = null;
        _form.CriterionIds.Clear();
        await LoadCatalogueAsync((await AuthenticationState).User);
    }

    private void Toggle(CriterionChoice choice)
    {
        _form.CriterionIds.Remove(choice.CriterionId);
        if (choice.Applied)
        {
            _form.CriterionIds.Add(choice.CriterionId);
        }
    }

    private async Task ApplyShortlistAsync()
    {
        if (_shortlistId is not { } shortlistId || _form.ProductGroupId is not { } productGroupId)
        {
            return;
        }

        await _operation.RunAsync(async () =>
        {
            var user = (await AuthenticationState).User;
            var criteria = await Editor.CriteriaFromShortlistAsync(user, shortlistId, productGroupId);
            _form.CriteriaVersion = criteria.Version;
            await LoadCatalogueAsync(user);
            _form.CriterionIds.Clear();
            _form.CriterionIds.AddRange(criteria.CriterionIds);
            _shortlistNote = criteria.Skipped == 0
                ? string.Format(
                    CultureInfo.CurrentCulture,
                    T["{0} criteria taken from the shortlist; save to apply them."],
                    criteria.CriterionIds.Count)
                : string.Format(
                    CultureInfo.CurrentCulture,
                    T["{0} criteria taken from the shortlist; {1} belong to another product group or version and were left out."],
                    criteria.CriterionIds.Count,
                    criteria.Skipped);
        });
    }

    private async Task SaveAsync()
    {
        await _operation.RunAsync(async () =>
        {
            var user = (await AuthenticationState).User;
            var form = _form.ToForm();
            if (IsNew)
            {
                var id = await Editor.CreateAsync(user, form);
                Snackbar.Add(T["The tender was reported."], Severity.Success);
                Navigation.NavigateTo($"tenders/{id}");
            }
            else
            {
                await Editor.UpdateAsync(user, _details!.Id, _details.Version, form);
                _details = await Directory.GetAsync(user, _details.Id);
                _form = FormModel.From(_details);
                await LoadCatalogueAsync(user);
                Snackbar.Add(T["Saved."], Severity.Success);
            }
        });
    }

    private async Task TakeTheirVersion()
    {
        if (_operation.Conflict<TenderDetailsView>() is { } theirs)
        {
            _details = theirs;
            _form = FormModel.From(theirs);
            _operation.ClearConflict();
            await LoadCatalogueAsync((await AuthenticationState).User);
        }
    }

    /// <summary>The editable state of the form.</summary>
    private sealed class FormModel
    {
        public string? Title { get; set; }

        public Guid? ProductGroupId { get; set; }

        public DateTime? PlannedPublicationOn { get; set; }

        public DateTime? ContractStartOn { get; set; }

        public DateTime? ContractEndOn { get; set; }

        public int? EstimatedQuantity { get; set; }

        public decimal? EstimatedValue { get; set; }

        public string? Currency { get; set; } = "EUR";

        public bool SharedInCalendar { get; set; }

        public TenderStatus Status { get; set; }

        public DateTime? ActualPublicationOn { get; set; }

        public DateTime? AwardedOn { get; set; }

        public string? SupplierName { get; set; }

        public string? DeviceModels { get; set; }

        public int? AwardedQuantity { get; set; }

        public decimal? UnitPrice { get; set; }

        public int? WarrantyYears { get; set; }

        public decimal? ExpectedYearsOfUse { get; set; }

        public bool TakeBackAgreed { get; set; }

        public List<LotModel> Lots { get; init; } = [];

        public Guid? CriteriaSetId { get; set; }

        public string? CriteriaVersion { get; set; }

        public List<Guid> CriterionIds { get; init; } = [];

        public static FormModel From(TenderDetailsView d) => new()
        {
            Title = d.Title,
            ProductGroupId = d.ProductGroupId,
            PlannedPublicationOn = Date(d.PlannedPublicationOn),
            ContractStartOn = Date(d.ContractStartOn),
            ContractEndOn = Date(d.ContractEndOn),
            EstimatedQuantity = d.EstimatedQuantity,
            EstimatedValue = d.EstimatedValue,
            Currency = d.Currency,
            SharedInCalendar = d.SharedInCalendar,
            Status = d.Status,
            ActualPublicationOn = Date(d.ActualPublicationOn),
            AwardedOn = Date(d.Award?.AwardedOn),
            SupplierName = d.Award?.SupplierName,
            DeviceModels = d.Award?.DeviceModels,
            AwardedQuantity = d.Award?.AwardedQuantity,
            UnitPrice = d.Award?.UnitPrice,
            WarrantyYears = d.Award?.WarrantyYears,
            ExpectedYearsOfUse = d.Award?.ExpectedYearsOfUse,
            TakeBackAgreed = d.Award?.TakeBackAgreed ?? false,
            Lots = [.. d.Lots.Select(l => new LotModel { Title = l.Title, Quantity = l.Quantity })],
            CriteriaSetId = d.CriteriaSetId,
            CriteriaVersion = d.CriteriaVersion,
            CriterionIds = [.. d.CriterionIds],
        };

        public TenderForm ToForm() => new(
            new TenderDetails(Title, ProductGroupId
                ?? Guid.Empty, DateOnly(PlannedPublicationOn), DateOnly(ContractStartOn), DateOnly(ContractEndOn),
                EstimatedQuantity, EstimatedValue, Currency, SharedInCalendar),
            Status,
            DateOnly(ActualPublicationOn),
            Status == TenderStatus.Awarded
                ? new TenderAwardDetails(
                    DateOnly(AwardedOn),
                    SupplierName,
                    DeviceModels,
                    AwardedQuantity,
                    UnitPrice,
                    WarrantyYears,
                    ExpectedYearsOfUse,
                    TakeBackAgreed)
                : null,
            [.. Lots.Select(l => new TenderLotDetails(l.Title, l.Quantity))],
            CriteriaSetId,
            [.. CriterionIds]);

        private static DateTime? Date(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

        private static DateOnly? DateOnly(DateTime? date) => date is { } d ? System.DateOnly.FromDateTime(d) : null;
    }

    private sealed class LotModel
    {
        public string? Title { get; set; }

        public int? Quantity { get; set; }
    }
}
