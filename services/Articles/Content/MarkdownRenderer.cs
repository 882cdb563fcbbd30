using Ganss.Xss;
using Markdig;

namespace ForumPlatform.Articles.Content;

/// <summary>
/// Renders article Markdown to HTML that is safe to embed: raw HTML in the source is escaped by Markdig, and
/// the output passes an allow-list sanitizer, so no script, event handler or <c>javascript:</c> link survives.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToHtml(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Add("id"); // heading anchors
        return sanitizer;
    }
}
