using System.Text.RegularExpressions;
using Xunit;

namespace CircularIctPact.Testing;

/// <summary>Reads a server-rendered form's markup the way assistive technology does: which message belongs to which input.</summary>
public static partial class FieldErrorMarkup
{
    /// <summary>The input carries aria-invalid and names, in aria-describedby, the element that holds <paramref name="message"/>.</summary>
    public static void AssertTiedError(string html, string inputId, string message)
    {
        var input = InputTag(html, inputId);
        Assert.Contains("aria-invalid=\"true\"", input, StringComparison.Ordinal);
        var describedBy = DescribedBy().Match(input);
        Assert.True(describedBy.Success, $"{inputId} has no aria-describedby: {input}");
        var errorId = describedBy.Groups["value"].Value;
        var error = Regex.Match(html, $"<div id=\"{Regex.Escape(errorId)}\"[^>]*>(?<text>.*?)</div>\\s*</div>", RegexOptions.Singleline);
        Assert.True(error.Success, $"No element with id {errorId} for {inputId}.");
        Assert.Contains(message, Tags().Replace(error.Groups["text"].Value, string.Empty), StringComparison.Ordinal);
    }

    /// <summary>The opening tag of the input, select or text area with id <paramref name="inputId"/>.</summary>
    public static string InputTag(string html, string inputId)
    {
        var input = Regex.Match(html, $"<(?:input|select|textarea)[^>]*id=\"{Regex.Escape(inputId)}\"[^>]*>");
        Assert.True(input.Success, $"No input {inputId} on the page.");
        return input.Value;
    }

    [GeneratedRegex("aria-describedby=\"(?<value>[^\"]+)\"")]
    private static partial Regex DescribedBy();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
