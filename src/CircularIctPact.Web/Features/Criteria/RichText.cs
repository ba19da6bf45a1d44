using System.Net;
using AngleSharp.Html.Parser;
using CircularIctPact.Domain.Criteria;
using Ganss.Xss;
using Microsoft.Extensions.Caching.Memory;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Criterion texts may carry simple formatting (paragraphs, lists, emphasis, links). Everything else —
/// scripts, event handlers, styles, frames — is stripped when a text is saved and again when it is shown.
/// </summary>
public static class RichText
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();
    private static readonly HtmlParser Parser = new();

    // Sanitising parses the text into a DOM, which made showing a page of criteria cost tens of milliseconds of CPU.
    // The result depends on the text alone, so the sanitised markup of recently shown texts is kept, keyed by the text
    // itself (a changed text is a new key); the size limit counts characters, about 16 MB at most.
    private static readonly MemoryCache SanitisedForDisplay = new(new MemoryCacheOptions { SizeLimit = 8 * 1024 * 1024 });

    /// <summary>The text with only the allowed formatting left; plain text passes unchanged.</summary>
    public static string? Sanitise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return LooksLikeHtml(text) ? Sanitizer.Sanitize(text).Trim() : text.Trim();
    }

    /// <summary>Every text of a criterion sanitised as it is saved, by the editor and by an import alike.</summary>
    public static CriterionContent Sanitise(CriterionContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new(
            content.Title,
            Sanitise(content.Requirement) ?? string.Empty,
            Sanitise(content.Verification),
            Sanitise(content.ContractManagement),
            Sanitise(content.ExplanatoryNote),
            Sanitise(content.MarketReadiness));
    }

    /// <summary>Safe HTML for a page: sanitised markup, or plain text encoded with its line breaks kept.</summary>
    public static string ToHtml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!LooksLikeHtml(text))
        {
            return WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);
        }

        return SanitisedForDisplay.GetOrCreate(text, entry =>
        {
            var html = Sanitizer.Sanitize(text);
            entry.Size = text.Length + html.Length;
            return html;
        })!;
    }

    /// <summary>The words without markup, for exports and search snippets; list items and paragraphs become lines.</summary>
    public static string ToPlainText(string? text)
    {
        if (string.IsNullOrEmpty(text) || !LooksLikeHtml(text))
        {
            return text ?? string.Empty;
        }

        using var document = Parser.ParseDocument("<body>" + Sanitizer.Sanitize(text) + "</body>");
        foreach (var block in document.QuerySelectorAll("p, li, br, h3, h4"))
        {
            block.Before(document.CreateTextNode("\n"));
        }

        var lines = (document.Body?.TextContent ?? string.Empty)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    private static bool LooksLikeHtml(string text) =>
        text.Contains('<', StringComparison.Ordinal) && text.Contains('>', StringComparison.Ordinal);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a", "h3", "h4", "sub", "sup" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        return sanitizer;
    }
}
