using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Features.Impact;

/// <summary>The procurer's yearly self-assessment, as a static form that posts back to itself.</summary>
public sealed partial class SelfAssessmentPage
{
    private static readonly AssessmentTheme[] Themes = Enum.GetValues<AssessmentTheme>();

    private readonly PageOperation _operation = new();
    private SelfAssessmentView? _view;
    private bool _conflict;
    private int _thisYear;

    [Inject]
    private SelfAssessments Service { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "year")]
    private int? Year { get; set; }

    [SupplyParameterFromQuery(Name = "saved")]
    private string? Saved { get; set; }

    [SupplyParameterFromForm(FormName = "self-assessment")]
    private SelfAssessmentForm? Input { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _thisYear = Clock.GetUtcNow().Year;
        var year = Math.Clamp(Input?.Year ?? Year ?? _thisYear, SelfAssessment.FirstYear, _thisYear);
        await _operation.RunAsync(async () => _view = await Service.GetMineAsync(HttpContext.User, year, HttpContext.RequestAborted));
    }

    private async Task SaveAsync()
    {
        if (Input is null || _view is null)
        {
            return;
        }

        var submit = Input.Action == "submit";
        var answers = Input.Answers
            .Where(a => a.Score is not null || !string.IsNullOrWhiteSpace(a.Comment))
            .Select(a => new ThemeAnswer(a.Theme, a.Score ?? -1, a.Comment))
            .ToList();
        var saved = await _operation.RunAsync(async () =>
        {
            await Service.SaveAsync(HttpContext.User, _view.Year, answers, Input.Version, submit, HttpContext.RequestAborted);
        });
        if (saved)
        {
            Navigation.NavigateTo($"/self-assessment?year={_view.Year}&saved={(submit ? "submitted" : "draft")}");
            return;
        }

        if (_operation.Conflict<SelfAssessmentView>() is { } current)
        {
            _conflict = true;
            _view = current;
            _operation.ClearConflict();
            return;
        }

        // Keep what the person typed next to the messages.
        _view = _view with
        {
            Answers = [.. Input.Answers
            .Where(a => a.Score is >= SelfAssessment.MinScore and <= SelfAssessment.MaxScore || !string.IsNullOrWhiteSpace(a.Comment))
            .Select(a => new ThemeAnswer(a.Theme, a.Score ?? -1, a.Comment))]
        };
    }

    private static FormField[] ThemeFields() =>
        [.. Themes.SelectMany(t => new[] { SelfAssessmentFields.Score(t), SelfAssessmentFields.Comment(t) })];

    private string ThemeName(AssessmentTheme theme) => ImpactLabels.Theme(T, theme);

    private string Question(AssessmentTheme theme) => theme switch
    {
        AssessmentTheme.SharedCriteria => T["How far does your organisation apply the pact's shared criteria in its ICT tenders?"],
        AssessmentTheme.DeviceLifetime =>
            T["How far does your organisation use its laptops and smartphones longer, with repair and battery replacement?"],
        AssessmentTheme.ReuseAndRefurbishment => T["How far does your organisation pass devices on for reuse or buy refurbished devices?"],
        AssessmentTheme.RecyclingAndTakeBack =>
            T["How far are your organisation's old devices taken back, wiped and recycled through certified channels?"],
        _ => T["How far does your organisation ask suppliers for fair working conditions and supply-chain transparency?"],
    };

    private string ScoreName(int score) => score switch
    {
        0 => T["Not at all"],
        1 => T["Started"],
        2 => T["Partly"],
        3 => T["Mostly"],
        _ => T["Fully, as standard practice"],
    };
}

/// <summary>The posted self-assessment form.</summary>
public sealed class SelfAssessmentForm
{
    public int Year { get; set; }

    public uint Version { get; set; }

    public string? Action { get; set; }

    public List<AnswerField> Answers { get; set; } = [];
}

public sealed class AnswerField
{
    public AssessmentTheme Theme { get; set; }

    public int? Score { get; set; }

    public string? Comment { get; set; }
}
