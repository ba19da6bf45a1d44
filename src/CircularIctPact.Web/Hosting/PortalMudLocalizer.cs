using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// The texts MudBlazor components show themselves (pager buttons, date-picker and clear buttons), from the shared
/// resources in the interface language; the English text is the resource key, as everywhere else in the portal.
/// A key not listed here keeps MudBlazor's own English text.
/// </summary>
internal sealed class PortalMudLocalizer(IStringLocalizer<SharedResource> texts) : MudLocalizer
{
    private static readonly Dictionary<string, string> EnglishTexts = new(StringComparer.Ordinal)
    {
        ["MudAlert_Close"] = "Close",
        ["MudChip_Close"] = "Close",
        ["MudDialog_Close"] = "Close",
        ["MudSnackbar_Close"] = "Close",
        ["MudInput_Clear"] = "Clear",
        ["MudInput_Increment"] = "Increase",
        ["MudInput_Decrement"] = "Decrease",
        ["MudBaseDatePicker_Open"] = "Open",
        ["MudBaseDatePicker_NextMonth"] = "Next month",
        ["MudBaseDatePicker_PrevMonth"] = "Previous month",
        ["MudBaseDatePicker_NextYear"] = "Next year",
        ["MudBaseDatePicker_PrevYear"] = "Previous year",
        ["MudDataGridPager_FirstPage"] = "First page",
        ["MudDataGridPager_LastPage"] = "Last page",
        ["MudDataGridPager_NextPage"] = "Next page",
        ["MudDataGridPager_PreviousPage"] = "Previous page",
        ["MudDataGridPager_RowsPerPage"] = "Rows per page:",
        ["MudDataGridPager_InfoFormat"] = "{0}-{1} of {2}",
        ["MudTable_Loading"] = "Loading…",
        ["MudDataGrid_Loading"] = "Loading…",
        ["MudTablePager_FirstPage"] = "First page",
        ["MudTablePager_LastPage"] = "Last page",
        ["MudTablePager_NextPage"] = "Next page",
        ["MudTablePager_PreviousPage"] = "Previous page",
        ["MudPagination_FirstPage"] = "First page",
        ["MudPagination_LastPage"] = "Last page",
        ["MudPagination_NextPage"] = "Next page",
        ["MudPagination_PreviousPage"] = "Previous page",
        ["MudPagination_CurrentPage"] = "Current page {0}",
        ["MudPagination_PageIndex"] = "Page {0}",
    };

    public override LocalizedString this[string key] =>
        EnglishTexts.TryGetValue(key, out var english)
            ? new LocalizedString(key, texts[english].Value)
            : new LocalizedString(key, key, resourceNotFound: true);
}
