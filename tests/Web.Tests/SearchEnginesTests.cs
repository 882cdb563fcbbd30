using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;

namespace ForumPlatform.Web.Tests;

/// <summary>What search engines and link previews read: canonical addresses, OpenGraph and Twitter tags, JSON-LD, the sitemap and robots.txt.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class SearchEnginesTests(WebsiteFixture site)
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task An_article_page_has_its_canonical_address_sharing_tags_and_a_news_article_in_json_ld()
    {
        using var api = site.System.Gateway();
        var slug = (await api.GetFromJsonAsync<JsonElement>("/api/articles?limit=1")).GetProperty("items")[0].GetProperty("slug").GetString();
        var page = await site.NewPageAsync(javaScript: false);

        await page.GotoAsync($"/news/{slug}");

        Assert.Equal($"{site.Address.ToString().TrimEnd('/')}/news/{slug}", await page.Locator("link[rel=canonical]").GetAttributeAsync("href"));
        Assert.Equal("article", await page.Locator("meta[property='og:type']").GetAttributeAsync("content"));
        Assert.Equal(await page.Locator("h1").InnerTextAsync(), await page.Locator("meta[property='og:title']").GetAttributeAsync("content"));
        Assert.NotNull(await page.Locator("meta[name='twitter:card']").GetAttributeAsync("content"));
        var data = JsonDocument.Parse(await page.Locator("script[type='application/ld+json']").InnerTextAsync()).RootElement;
        Assert.Equal("NewsArticle", data.GetProperty("@type").GetString());
        Assert.Equal(await page.Locator("h1").InnerTextAsync(), data.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task A_lists_canonical_address_keeps_its_filters_and_drops_its_paging()
    {
        var page = await site.NewPageAsync(javaScript: false);
        using var api = site.System.Gateway();
        var cursor = (await api.GetFromJsonAsync<JsonElement>("/api/articles?limit=1")).GetProperty("nextCursor").GetString();

        await page.GotoAsync($"/news?theme=energy&cursor={Uri.EscapeDataString(cursor!)}");

        Assert.Equal($"{site.Address.ToString().TrimEnd('/')}/news?theme=energy", await page.Locator("link[rel=canonical]").GetAttributeAsync("href"));
    }

    [Fact]
    public async Task The_sitemap_lists_every_kind_of_public_page_and_robots_txt_names_it()
    {
        using var visitor = new HttpClient { BaseAddress = site.Address };
        var root = site.Address.ToString().TrimEnd('/');

        var robots = await visitor.GetStringAsync("/robots.txt");
        var response = await visitor.GetAsync("/sitemap.xml");
        var urls = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(Sitemaps + "url")
            .Select(url => url.Element(Sitemaps + "loc")!.Value).ToList();

        Assert.Contains($"Sitemap: {root}/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{root}/", urls);
        Assert.Contains($"{root}/agenda", urls);
        Assert.Contains($"{root}/news/tianshan-forum-opens-zh", urls);
        Assert.Contains($"{root}/news/tags/energy", urls);
        Assert.Contains($"{root}/figures/trade.china-central-asia.usd", urls);
        Assert.Contains(urls, url => url.StartsWith($"{root}/agenda/sessions/", StringComparison.Ordinal));
        Assert.Contains(urls, url => url.StartsWith($"{root}/agenda/speakers/", StringComparison.Ordinal));
        Assert.Equal(urls.Count, urls.Distinct().Count());
    }
}
