namespace CircularIctPact.Web.Features.Discussions;

/// <summary>
/// Finds "@Name" or "@e-mail address" of people who can see the space. Mentions are matched against the space's
/// members only, so a name of someone outside the space never turns into a notification.
/// </summary>
public static class Mentions
{
    public static IReadOnlyList<DiscussionScope> Find(string text, IEnumerable<DiscussionScope> spaceMembers) =>
        [.. spaceMembers.Where(member => Mentioned(text, member.DisplayName) || Mentioned(text, member.Email))];

    /// <summary>The text to insert for a member picked from the suggestions.</summary>
    public static string Handle(string displayName) => "@" + displayName;

    private static bool Mentioned(string text, string handle)
    {
        if (string.IsNullOrWhiteSpace(handle))
        {
            return false;
        }

        var token = "@" + handle;
        for (var at = text.IndexOf(token, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(
            token,
            at + 1,
            StringComparison.OrdinalIgnoreCase))
        {
            var end = at + token.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startsWord && endsWord)
            {
                return true;
            }
        }

        return false;
    }
}
