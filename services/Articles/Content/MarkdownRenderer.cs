using System.Diagnostics.CodeAnalysis;
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

    public const string TooDeeplyNested = "The body nests quotes, lists or tables too deeply (Markdig renders at most 128 levels).";

    /// <summary>Renders Markdown known to be sensible (the demo content); an editor's goes through <see cref="TryToHtml"/>.</summary>
    public string ToHtml(string markdown) =>
        TryToHtml(markdown, out var html) ? html : throw new ArgumentException(TooDeeplyNested, nameof(markdown));

    /// <summary>
    /// Renders an editor's Markdown, or says it cannot: Markdig refuses input nested deeper than its depth limit
    /// (200 <c>&gt;</c> in a row is enough) with an <see cref="ArgumentException"/>, which is the editor's error, not ours.
    /// </summary>
    public bool TryToHtml(string markdown, [NotNullWhen(true)] out string? html)
    {
        html = null;
        if (string.IsNullOrWhiteSpace(markdown))
        {
            html = "";
            return true;
        }

        string rendered;
        try
        {
            rendered = Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            return false;
        }

        html = sanitizer.Sanitize(rendered);
        return true;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Add("id"); // heading anchors
        return sanitizer;
    }
}
