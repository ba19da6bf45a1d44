using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Picks criteria of one published criteria set for a tender; the filters are this picker's own state.</summary>
public sealed partial class TenderCriteriaPicker
{
    private CriterionTheme? _theme;
    private AmbitionLevel? _level;
    private string? _search;

    /// <summary>The criteria of the criteria set the tender applies.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<CriterionView> Criteria { get; set; } = [];

    /// <summary>The criteria the tender applies now.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyCollection<Guid> Selected { get; set; } = [];

    /// <summary>Raised when a criterion is ticked or unticked.</summary>
    [Parameter]
    public EventCallback<CriterionChoice> Toggled { get; set; }

    private IEnumerable<CriterionView> FilteredCriteria =>
        Criteria
            .Where(c => _theme is null || c.Theme == _theme)
            .Where(c => _level is null || c.AmbitionLevel == _level)
            .Where(c => string.IsNullOrWhiteSpace(_search)
                || c.Code.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase)
                || c.Content.Title.Contains(_search.Trim(), StringComparison.CurrentCultureIgnoreCase)
                || c.Content.Requirement.Contains(_search.Trim(), StringComparison.CurrentCultureIgnoreCase));
}

/// <summary>One criterion ticked (<paramref name="Applied"/> true) or unticked in the picker.</summary>
public sealed record CriterionChoice(Guid CriterionId, bool Applied);
