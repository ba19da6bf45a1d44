using System.Globalization;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Features.Consultations;

/// <summary>
/// All consultations, and the secretariat's form to open one. The form posts back to this page, so a refused end date
/// comes back as typed, with the chosen draft still selected and the message beside its field.
/// </summary>
public sealed partial class ConsultationListPage
{
    private readonly PageOperation _opening = new();
    private IReadOnlyList<ConsultationSummary> _consultations = [];
    private IReadOnlyList<ConsultableSet>? _consultable;
    private string? _forbidden;

    [Inject]
    private CriteriaConsultations Consultations { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    /// <summary>The posted "open a consultation" form; null unless it was sent.</summary>
    [SupplyParameterFromForm(FormName = "open-consultation")]
    private OpenConsultationForm? Opening { get; set; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _consultations = await Consultations.ListAsync(HttpContext.User, HttpContext.RequestAborted);
        }
        catch (ForbiddenException error)
        {
            _forbidden = DomainMessageText.Of(error);
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (HttpContext.User.IsSecretariat())
        {
            _consultable = await Consultations.ConsultableSetsAsync(HttpContext.User, HttpContext.RequestAborted);
        }
    }

    private async Task OpenAsync()
    {
        var input = Opening ?? new OpenConsultationForm();
        Guid? opened = null;
        await _opening.RunAsync(async () =>
        {
            var setId = Guid.TryParse(input.SetId, out var parsed) ? parsed : throw new DomainException(
                ConsultationFields.CriteriaSet,
                "Choose a draft criteria set.");
            var closesAt = ConsultationsFeature.EndOfDay(input.ClosesOn, ConsultationFields.ClosesAt);
            opened = await Consultations.OpenAsync(setId, Clock.GetUtcNow(), closesAt, HttpContext.User, HttpContext.RequestAborted);
        });
        if (opened is { } id)
        {
            Navigation.NavigateTo($"/consultations/{id}?done=opened");
        }
    }

    private string PhaseLabel(ConsultationPhase phase, CriteriaSetStatus setStatus) =>
        ConsultationLabels.Phase(T, phase, setStatus);

    private static string When(DateTimeOffset at) => ConsultationLabels.When(at);
}

/// <summary>The posted "open a consultation" form, kept as typed so a refused one comes back unchanged.</summary>
public sealed class OpenConsultationForm
{
    public string? SetId { get; set; }

    /// <summary>The last day of the consultation, as a date input gives it (yyyy-MM-dd).</summary>
    public string? ClosesOn { get; set; }
}
