using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CircularIctPact.Domain.Discussions;

public enum DiscussionSpaceKind
{
    PactWide,
    BuyerGroup,
    WorkingGroup,
}

/// <summary>
/// Names a discussion space: the pact-wide one, or the one of a buyer group or working group. Spaces follow from the
/// groups that exist, so they are not stored; threads carry the key as text (<c>pact</c>, <c>bg-…</c>, <c>wg-…</c>).
/// </summary>
public readonly record struct DiscussionSpaceKey(DiscussionSpaceKind Kind, Guid? GroupId)
{
    public const int MaxLength = 40;
    private const string PactText = "pact";
    private const string BuyerGroupPrefix = "bg-";
    private const string WorkingGroupPrefix = "wg-";

    public static DiscussionSpaceKey PactWide => new(DiscussionSpaceKind.PactWide, null);

    public static DiscussionSpaceKey ForBuyerGroup(Guid buyerGroupId) => new(DiscussionSpaceKind.BuyerGroup, buyerGroupId);

    public static DiscussionSpaceKey ForWorkingGroup(Guid workingGroupId) => new(DiscussionSpaceKind.WorkingGroup, workingGroupId);

    public static bool TryParse(string? text, [NotNullWhen(true)] out DiscussionSpaceKey? key)
    {
        key = null;
        if (string.Equals(text, PactText, StringComparison.OrdinalIgnoreCase))
        {
            key = PactWide;
        }
        else if (Group(text, BuyerGroupPrefix) is { } buyerGroup)
        {
            key = ForBuyerGroup(buyerGroup);
        }
        else if (Group(text, WorkingGroupPrefix) is { } workingGroup)
        {
            key = ForWorkingGroup(workingGroup);
        }

        return key is not null;
    }

    public override string ToString() => Kind switch
    {
        DiscussionSpaceKind.BuyerGroup => BuyerGroupPrefix + GroupId!.Value.ToString("D", CultureInfo.InvariantCulture),
        DiscussionSpaceKind.WorkingGroup => WorkingGroupPrefix + GroupId!.Value.ToString("D", CultureInfo.InvariantCulture),
        _ => PactText,
    };

    private static Guid? Group(string? text, string prefix) =>
        text is not null && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && Guid.TryParse(text.AsSpan(prefix.Length), CultureInfo.InvariantCulture, out var id) ? id : null;
}
