using CircularIctPact.Domain.Consultations;
using CircularIctPact.Web.Features.Criteria;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Features.Consultations;

public sealed partial class ConsultationPage
{
    private ConsultationView? _view;
    private string? _problem;
    private bool _isSecretariat;

    [Inject]
    private CriteriaConsultations Consultations { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Parameter]
    public Guid Id { get; set; }

    [SupplyParameterFromQuery(Name = "state")]
    private string? State { get; set; }

    [SupplyParameterFromQuery(Name = "criterion")]
    private string? Criterion { get; set; }

    [SupplyParameterFromQuery(Name = "lang")]
    private string? Lang { get; set; }

    [SupplyParameterFromQuery(Name = "done")]
    private string? Done { get; set; }

    [SupplyParameterFromQuery(Name = "error")]
    private string? Error { get; set; }

    private string DoneMessage => Done switch
    {
        "opened" => T["The consultation is open."],
        "closed" => T["The consultation has been closed."],
        "extended" => T["The end date has been moved."],
        "commented" => T["Thank you: your comment has been added."],
        _ => T["The answer has been saved."],
    };

    protected override async Task OnInitializedAsync()
    {
        _isSecretariat = HttpContext.User.IsSecretariat();
        var filter = new CommentFilter(Enum.TryParse<CommentState>(State, out var state) ? state : null, string.IsNullOrWhiteSpace(Criterion) ? null : Criterion);
        try
        {
            _view = await Consultations.GetAsync(Id, CriteriaLanguageChoice.From(Lang), filter, HttpContext.User, HttpContext.RequestAborted);
        }
        catch (ForbiddenException error)
        {
            _problem = error.Message;
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (NotFoundException error)
        {
            _problem = error.Message;
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static string When(DateTimeOffset at) => ConsultationLabels.When(at);
}
