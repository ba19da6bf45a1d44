using Ganss.Xss;
using Markdig;

namespace CircularIctPact.Web.Features.Discussions;

/// <summary>
/// Posts are plain text with light Markdown (emphasis, lists, links, quotes, code). HTML typed by people is shown as
/// text, and the rendered result is sanitised as well, so no script, event handler or javascript: link reaches a page.
/// </summary>
public static class PostText
{
    // Declared before Sanitizer: static fields are initialised in order, and CreateSanitizer reads this list.
    private static readonly string[] AllowedTags =
        ["p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "pre", "h1", "h2", "h3", "h4", "hr"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The words without Markdown marks, shortened for lists and search results.</summary>
    public static string Snippet(string? markdown, int maxLength = 200)
    {
        var plain = Markdown.ToPlainText(markdown ?? string.Empty, Pipeline).ReplaceLineEndings(" ").Trim();
        return plain.Length <= maxLength ? plain : plain[..maxLength].TrimEnd() + "…";
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in AllowedTags)
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.KeepChildNodes = true;
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
