using CircularIctPact.Domain.Consultations;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Features.Consultations;

/// <summary>
/// One consultation: comments per criterion and their answers. The comment, answer and new-end-date forms post back to
/// this page, so refused input comes back in its field with the message beside it.
/// </summary>
public sealed partial class ConsultationPage
{
    private const string ConflictMessage =
        "Someone else answered or changed this first; their version is shown now. Review it and try again.";

    private static readonly CommentState[] AnswerStates = [CommentState.Accepted, CommentState.Rejected, CommentState.Answered];

    private readonly PageOperation _operation = new();
    private string? _failedComment;
    private Guid? _failedAnswer;
    private bool _answerConflict;
    private bool _failedExtend;
    private bool _extendConflict;
    private ConsultationView? _view;
    private string? _problem;
    private bool _isSecretariat;

    [Inject]
    private CriteriaConsultations Consultations { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

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

    /// <summary>Whichever comment, answer or new-end-date form was posted; each form says which criterion or comment it is for.</summary>
    [SupplyParameterFromForm]
    private ConsultationForm? Input { get; set; }

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
        var filter = new CommentFilter(
            Enum.TryParse<CommentState>(State, out var state) ? state : null,
            string.IsNullOrWhiteSpace(Criterion) ? null : Criterion);
        try
        {
            _view =
                await Consultations.GetAsync(Id, CriteriaLanguageChoice.From(Lang), filter, HttpContext.User, HttpContext.RequestAborted);
        }
        catch (ForbiddenException error)
        {
            _problem = DomainMessageText.Of(error);
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (NotFoundException error)
        {
            _problem = DomainMessageText.Of(error);
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task CommentAsync(string criterionCode)
    {
        var text = Input?.Text ?? string.Empty;
        var added = await _operation.RunAsync(async () =>
        {
            await Consultations.CommentAsync(Id, criterionCode, text, HttpContext.User, HttpContext.RequestAborted);
        });
        if (added)
        {
            Navigation.NavigateTo($"/consultations/{Id}?done=commented#criterion-{Uri.EscapeDataString(criterionCode)}");
            return;
        }

        _failedComment = criterionCode;
    }

    private async Task AnswerAsync(Guid commentId)
    {
        var state = Enum.TryParse<CommentState>(Input?.State, out var chosen) ? chosen : CommentState.Open;
        var answered = await _operation.RunAsync(async () =>
        {
            await Consultations.RespondAsync(
                commentId,
                Input?.RowVersion ?? 0,
                state,
                Input?.Answer,
                HttpContext.User,
                HttpContext.RequestAborted);
        });
        if (answered)
        {
            Navigation.NavigateTo($"/consultations/{Id}?done=answered#comment-{commentId}");
            return;
        }

        _failedAnswer = commentId;
        // The page was loaded after the other person's save, so it already shows their answer and its version.
        _answerConflict = _operation.Conflict<object>() is not null;
        _operation.ClearConflict();
    }

    private async Task ExtendAsync()
    {
        var closesOn = Input?.ClosesOn;
        var extended = await _operation.RunAsync(async () =>
        {
            var closesAt = ConsultationsFeature.EndOfDay(closesOn, ConsultationFields.ClosesAt);
            await Consultations.ExtendAsync(Id, Input?.RowVersion ?? 0, closesAt, HttpContext.User, HttpContext.RequestAborted);
        });
        if (extended)
        {
            Navigation.NavigateTo($"/consultations/{Id}?done=extended");
            return;
        }

        _failedExtend = true;
        // As with answers: the page was loaded after the other person's change, so it shows the current end date.
        _extendConflict = _operation.Conflict<object>() is not null;
        _operation.ClearConflict();
    }

    /// <summary>The forms post to the unfiltered page, where their comment is always listed, and land at their anchor.</summary>
    private string FormAction(string anchor) =>
        $"/consultations/{Id}{(string.IsNullOrEmpty(Lang) ? string.Empty : $"?lang={Uri.EscapeDataString(Lang)}")}#{anchor}";

    private static string When(DateTimeOffset at) => ConsultationLabels.When(at);

    private string AnsweredBy(CommentView comment) => T["Answer by {0}", comment.AnsweredBy ?? string.Empty];

    private static string AnsweredAt(CommentView comment) => comment.AnsweredAt is { } at ? $" · {When(at)}" : string.Empty;
}

/// <summary>
/// A posted comment (<see cref="Criterion"/>, <see cref="Text"/>), answer (<see cref="CommentId"/>, <see cref="State"/>,
/// <see cref="Answer"/>) or new end date (<see cref="ClosesOn"/>), each with the <see cref="RowVersion"/> it was based on where it changes
/// a record.
/// </summary>
public sealed class ConsultationForm
{
    public string? Criterion { get; set; }

    public string? Text { get; set; }

    public Guid? CommentId { get; set; }

    public string? State { get; set; }

    public string? Answer { get; set; }

    /// <summary>The new last day of the consultation, as a date input gives it (yyyy-MM-dd).</summary>
    public string? ClosesOn { get; set; }

    public uint RowVersion { get; set; }
}
