using System.Net;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>The news: list, filters, paging, tag pages, search and the article page, in Chromium without JavaScript.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class NewsPagesTests(WebsiteFixture site)
{
    private readonly Newsroom newsroom = new(site);

    private static string NewTag() => $"web{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task The_filters_work_as_a_plain_form_and_the_list_pages_back_in_time()
    {
        var tag = NewTag();
        for (var i = 1; i <= 21; i++)
        {
            await newsroom.PublishAsync(new { title = $"Paging story {i:00} {tag}", language = "en", summary = "For the pager.", body = "Text.", tags = new[] { tag }, themes = new[] { "finance" } });
        }

        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync($"/news/tags/{tag}");
        await page.SelectOptionAsync("#theme", "finance");
        await page.Locator("form.filters button").ClickAsync();

        Assert.EndsWith($"/news/tags/{tag}?theme=finance&language=", page.Url, StringComparison.Ordinal);
        Assert.Equal($"News tagged #{tag}", await page.Locator("h1").InnerTextAsync());
        var titles = page.Locator(".card__title a");
        Assert.Equal(20, await titles.CountAsync());
        Assert.StartsWith("Paging story 21", await titles.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal($"/api/articles/tags/{tag}/feed.atom", await page.Locator("link[rel=alternate][type='application/atom+xml']").GetAttributeAsync("href"));

        await page.Locator("a[rel=next]").ClickAsync();
        Assert.Equal(1, await titles.CountAsync());
        Assert.StartsWith("Paging story 01", await titles.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("a[rel=next]").CountAsync());

        await page.GotoAsync($"/news/tags/{tag}?theme=energy");
        Assert.Equal("No articles match.", await page.Locator("main p").Last.InnerTextAsync());
    }

    [Fact]
    public async Task A_filter_the_api_refuses_gets_a_400_page_that_says_why()
    {
        var page = await site.NewPageAsync(javaScript: false);

        var response = await page.GotoAsync("/news?cursor=not-a-cursor");

        Assert.Equal((int)HttpStatusCode.BadRequest, response!.Status);
        Assert.Contains("cursor", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_shows_the_matches_with_highlighted_snippets()
    {
        var word = $"zq{Guid.NewGuid():N}"[..12];
        await newsroom.PublishAsync(new { title = "Searchable story", language = "en", summary = "A summary.", body = $"The body mentions {word} once." });

        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/news");
        await page.FillAsync("#news-search", word);
        await page.Locator("form.search button").ClickAsync();

        Assert.Contains($"/news/search?q={word}", page.Url, StringComparison.Ordinal);
        Assert.Equal("Searchable story", await page.Locator(".card__title a").InnerTextAsync());
        Assert.Equal(word, await page.Locator(".snippet mark").InnerTextAsync());

        await page.GotoAsync($"/news/search?q=nothingmatches{word}&offset=oops");
        Assert.StartsWith("Nothing in the news matches", await page.Locator("[role=status]:not(#live-notice)").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_page_has_its_text_cover_sources_translations_and_a_retraction_notice_and_an_old_slug_redirects()
    {
        var tag = NewTag();
        var original = await newsroom.PublishAsync(new
        {
            title = $"Corridor study {tag}",
            language = "en",
            summary = "What the corridor study found.",
            body = "## Findings\n\nTrade *grew*.\n\n<script>alert(1)</script>",
            tags = new[] { tag },
            sources = new[] { new { title = "The study", url = "https://example.org/study" } },
            coverImageUrl = "https://example.org/cover.jpg",
            coverImageAlt = "Trucks at the Khorgos border crossing",
        });
        var translation = await newsroom.PublishAsync(new { title = $"Исследование коридоров {tag}", language = "ru", summary = "Итоги.", body = "Текст.", translationOf = original.Id });

        var page = await site.NewPageAsync(javaScript: false);
        var response = await page.GotoAsync($"/news/{original.Slug}");

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        Assert.Equal($"Corridor study {tag}", await page.Locator("article h1").InnerTextAsync());
        Assert.Equal("Findings", await page.Locator(".prose h2").InnerTextAsync());
        Assert.Equal("grew", await page.Locator(".prose em").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".prose script").CountAsync());
        Assert.Equal("Trucks at the Khorgos border crossing", await page.Locator(".cover img").GetAttributeAsync("alt"));
        Assert.Equal("https://example.org/study", await page.GetByRole(AriaRole.Link, new() { Name = "The study" }).GetAttributeAsync("href"));
        var russian = page.Locator("section[aria-labelledby=translations-heading] a");
        Assert.Equal("Русский", await russian.InnerTextAsync());
        Assert.Equal("ru", await russian.GetAttributeAsync("hreflang"));
        Assert.EndsWith($"/news/{translation.Slug}", await page.Locator("link[rel=alternate][hreflang=ru]").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal("en", await page.Locator("article").GetAttributeAsync("lang"));

        await newsroom.TransitionAsync(original.Id, original.ETag, "retract", new { reason = "The study's figures were wrong." });
        await page.ReloadAsync();
        Assert.Contains("The study's figures were wrong.", await page.Locator(".notice--alert").InnerTextAsync(), StringComparison.Ordinal);

        await newsroom.EditAsync(translation.Id, translation.ETag, new { title = $"Исследование коридоров {tag}", language = "ru", summary = "Итоги.", body = "Текст.", slug = $"renamed-{tag}" });
        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Address };
        var moved = await visitor.GetAsync($"/news/{translation.Slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"/news/renamed-{tag}", moved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_article_that_does_not_exist_is_the_sites_404_page()
    {
        var page = await site.NewPageAsync(javaScript: false);

        var response = await page.GotoAsync("/news/no-such-article-anywhere");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
    }
}
