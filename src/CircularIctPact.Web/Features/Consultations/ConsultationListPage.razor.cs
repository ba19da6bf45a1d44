using System.Globalization;
using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Features.Consultations;

public sealed partial class ConsultationListPage
{
    private IReadOnlyList<ConsultationSummary> _consultations = [];
    private IReadOnlyList<ConsultableSet>? _consultable;
    private string? _forbidden;

    [Inject]
    private CriteriaConsultations Consultations { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "error")]
    private string? Error { get; set; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _consultations = await Consultations.ListAsync(HttpContext.User, HttpContext.RequestAborted);
        }
        catch (ForbiddenException error)
        {
            _forbidden = error.Message;
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (HttpContext.User.IsSecretariat())
        {
            _consultable = await Consultations.ConsultableSetsAsync(HttpContext.User, HttpContext.RequestAborted);
        }
    }

    private string PhaseLabel(ConsultationPhase phase, CriteriaSetStatus setStatus) =>
        ConsultationLabels.Phase(T, phase, setStatus);

    private static string When(DateTimeOffset at) => ConsultationLabels.When(at);
}
