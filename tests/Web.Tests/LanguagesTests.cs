using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>The interface in English, Chinese and Russian, and articles in the reader's language where a translation exists.</summary>
[Collection(WebsiteCollection.Name)]
public sealed partial class LanguagesTests(WebsiteFixture site)
{
    [Fact]
    public async Task The_language_switch_keeps_the_choice_in_a_cookie_and_returns_to_the_page()
    {
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/agenda?day=2025-12-02");

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();

        Assert.EndsWith("/agenda?day=2025-12-02", page.Url, StringComparison.Ordinal);
        Assert.Equal("zh", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.StartsWith("议程", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("新闻", await page.Locator("header nav a").First.InnerTextAsync());
        Assert.Contains(await page.Context.CookiesAsync(), cookie => cookie.Name == ".AspNetCore.Culture" && Uri.UnescapeDataString(cookie.Value).Contains("uic=zh", StringComparison.Ordinal));

        await page.GotoAsync("/figures");
        Assert.Equal("数据", await page.Locator("h1").InnerTextAsync());

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Русский" }).ClickAsync();
        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Цифры", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task An_article_opens_in_the_readers_chosen_language_where_a_translation_exists_and_the_original_stays_reachable()
    {
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/language/zh?returnUrl=/");

        await page.GotoAsync("/news/tianshan-forum-opens-in-urumqi");

        Assert.EndsWith("/news/tianshan-forum-opens-zh", page.Url, StringComparison.Ordinal);
        Assert.Equal("zh", await page.Locator("article").GetAttributeAsync("lang"));

        await page.Locator("section[aria-labelledby=translations-heading]").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Contains("/news/tianshan-forum-opens-in-urumqi", page.Url, StringComparison.Ordinal);
        Assert.Equal("en", await page.Locator("article").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task The_switch_goes_back_only_to_this_sites_own_pages()
    {
        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Address };

        var outside = await visitor.GetAsync("/language/ru?returnUrl=//evil.example/steal");
        var unknown = await visitor.GetAsync("/language/xx?returnUrl=/");

        Assert.Equal("/", outside.Headers.Location!.OriginalString);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public void Every_text_of_the_interface_has_a_chinese_and_a_russian_translation()
    {
        var web = Path.Combine(ForumPlatform.Testing.RabbitMqNode.RepositoryRoot(), "web");
        var texts = Directory.EnumerateFiles(Path.Combine(web, "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LocalizedText().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(texts.Count > 100, $"found only {texts.Count} texts");

        foreach (var language in new[] { "zh", "ru" })
        {
            var translated = XDocument.Load(Path.Combine(web, "Resources", $"SharedResource.{language}.resx")).Root!.Elements("data")
                .Where(data => !string.IsNullOrWhiteSpace(data.Element("value")?.Value))
                .Select(data => data.Attribute("name")!.Value)
                .ToHashSet(StringComparer.Ordinal);
            Assert.Empty(texts.Where(text => !translated.Contains(text)).Select(text => $"{language}: {text}"));
        }
    }

    [GeneratedRegex("""L\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizedText();
}
