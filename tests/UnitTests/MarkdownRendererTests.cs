using AngleSharp.Html.Parser;
using ForumPlatform.Articles.Content;

namespace ForumPlatform.UnitTests;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"https://example.org\" onclick=\"steal()\">x</a>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    public void Nothing_executable_survives(string markdown)
    {
        var document = new HtmlParser().ParseDocument(renderer.ToHtml(markdown));
        var elements = document.Body!.QuerySelectorAll("*");

        var attributes = elements.SelectMany(element => element.Attributes).ToList();

        Assert.DoesNotContain(elements, element => element.LocalName is "script" or "iframe" or "object" or "embed" or "style");
        Assert.DoesNotContain(attributes, attribute => attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, attribute => attribute.Name is "href" or "src"
            && !attribute.Value.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            && !attribute.Value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var html = renderer.ToHtml("<script>alert(1)</script>");
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_formatting_and_links()
    {
        var html = renderer.ToHtml("## Trade\n\nChina–Central Asia trade reached **$94.8 billion** in 2024 ([source](https://example.org/news)).");
        Assert.Contains("<h2", html);
        Assert.Contains("<strong>$94.8 billion</strong>", html);
        Assert.Contains("href=\"https://example.org/news\"", html);
    }
}
