using System.Globalization;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Domain.Knowledge.Library;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>English labels (the resource keys) of the knowledge enums, and dates in the interface culture.</summary>
public static class KnowledgeLabels
{
    public static string Status(GoodPracticeStatus status) => status switch
    {
        GoodPracticeStatus.Draft => "Draft",
        GoodPracticeStatus.Submitted => "Waiting for review",
        GoodPracticeStatus.SentBack => "Sent back",
        GoodPracticeStatus.Published => "Published",
        _ => "Withdrawn",
    };

    public static string Action(ReviewAction action) => action switch
    {
        ReviewAction.Submitted => "Submitted",
        ReviewAction.SentBack => "Sent back with comments",
        ReviewAction.Resubmitted => "Resubmitted",
        ReviewAction.Approved => "Approved and published",
        _ => "Withdrawn",
    };

    public static string Visibility(KnowledgeVisibility visibility) => visibility == KnowledgeVisibility.Public ? "Public" : "Members only";

    public static string Type(LibraryItemType type) => type switch
    {
        LibraryItemType.Guide => "Guide",
        LibraryItemType.MarketVisionAndStrategy => "Market vision and strategy",
        LibraryItemType.Report => "Report",
        LibraryItemType.Template => "Template",
        _ => "Other",
    };

    public static string Date(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}
