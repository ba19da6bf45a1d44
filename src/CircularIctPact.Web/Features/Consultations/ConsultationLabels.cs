using System.Globalization;
using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Features.Consultations;

/// <summary>Readable, translated labels for consultation phases and comment states.</summary>
internal static class ConsultationLabels
{
    public static string Phase(IStringLocalizer texts, ConsultationPhase phase, CriteriaSetStatus setStatus) =>
        setStatus is CriteriaSetStatus.Published or CriteriaSetStatus.Superseded ? texts["Published (read only)"]
        : phase switch
        {
            ConsultationPhase.NotYetOpen => texts["Not open yet"],
            ConsultationPhase.Open => texts["Open for comments"],
            _ => texts["Closed"],
        };

    public static string State(IStringLocalizer texts, CommentState state) => state switch
    {
        CommentState.Accepted => texts["Accepted"],
        CommentState.Rejected => texts["Rejected"],
        CommentState.Answered => texts["Answered"],
        _ => texts["Awaiting an answer"],
    };

    /// <summary>A moment in the secretariat's time zone, in the reader's culture.</summary>
    public static string When(DateTimeOffset at) =>
        ConsultationsFeature.InSecretariatTime(at).ToString("g", CultureInfo.CurrentCulture);
}
