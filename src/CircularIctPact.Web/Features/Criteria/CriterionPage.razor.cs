using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// One criterion in the chosen language. The suggestion form posts back to this page, so a refused suggestion comes
/// back with what the member typed and the message beside the field it concerns.
/// </summary>
public sealed partial class CriterionPage
{
    private readonly PageOperation _suggestion = new();
    private CriterionPageView? _page;
    private string? _error;
    private CriteriaLanguage _language;

    [Inject]
    private CriteriaSuggestions Suggestions { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public string ProductGroup { get; set; } = string.Empty;

    [Parameter]
    public string Version { get; set; } = string.Empty;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = "lang")]
    private string? Lang { get; set; }

    [SupplyParameterFromQuery(Name = "suggested")]
    private string? SuggestedFlag { get; set; }

    /// <summary>The posted suggestion; null unless the suggestion form was sent.</summary>
    [SupplyParameterFromForm(FormName = "suggestion")]
    private SuggestionForm? Suggestion { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    private string CatalogueHref =>
        $"/criteria?productGroup={_page!.ProductGroup.Slug}&version={_page.Set.Version}&lang={_language.Code()}";

    private string Href(CriteriaLanguage language) => $"/criteria/{ProductGroup}/{Version}/{Code}?lang={language.Code()}";

    protected override async Task OnInitializedAsync()
    {
        _language = CriteriaLanguageChoice.From(Lang);
        try
        {
            _page = await Catalogue.GetCriterionAsync(ProductGroup, Version, Code, _language, HttpContext.User, HttpContext.RequestAborted);
        }
        catch (NotFoundException notFound)
        {
            _error = DomainMessageText.Of(notFound);
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task SuggestAsync()
    {
        if (_page is null)
        {
            return;
        }

        var proposal = Suggestion?.Proposal ?? string.Empty;
        var reason = Suggestion?.Reason ?? string.Empty;
        var sent = await _suggestion.RunAsync(async () =>
        {
            await Suggestions.SubmitAsync(ProductGroup, Version, Code, proposal, reason, HttpContext.User, HttpContext.RequestAborted);
        });
        if (sent)
        {
            Navigation.NavigateTo($"{Href(_language)}&suggested=1#suggest-heading");
        }
    }
}

/// <summary>A posted suggestion, kept as typed so a refused one comes back unchanged.</summary>
public sealed class SuggestionForm
{
    public string? Proposal { get; set; }

    public string? Reason { get; set; }
}
