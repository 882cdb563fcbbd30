using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace ForumPlatform.Articles.Tests;

[Collection(ArticlesCollection.Name)]
public sealed class SearchAndFeedTests(ArticlesServiceFixture service)
{
    private static string Word() => $"zq{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task Search_ranks_a_title_match_above_a_body_match_and_highlights_it()
    {
        var newsroom = new Newsroom(service.Editor());
        var word = Word();
        var inBody = await newsroom.CreatePublishedAsync(new { title = "Energy track opens", language = "en", body = $"Delegates discussed {word} at length." });
        var inTitle = await newsroom.CreatePublishedAsync(new { title = $"The {word} agreement", language = "en", body = "Signed in Urumqi." });
        await newsroom.CreateAsync(new { title = $"Unpublished {word} draft", language = "en" });

        var results = await service.Anonymous().GetFromJsonAsync<JsonElement>($"/api/articles/search?q={word}");
        var hits = results.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal([inTitle.Slug, inBody.Slug], hits.Select(hit => hit.GetProperty("article").GetProperty("slug").GetString()));
        Assert.Contains($"<mark>{word}</mark>", hits[0].GetProperty("snippet").GetString());
        Assert.True(hits[0].GetProperty("rank").GetDouble() > hits[1].GetProperty("rank").GetDouble());
    }

    [Fact]
    public async Task Search_follows_edits_and_escapes_article_text_in_snippets()
    {
        var newsroom = new Newsroom(service.Editor());
        var before = Word();
        var after = Word();
        var article = await newsroom.CreatePublishedAsync(new { title = "Digital track", language = "en", body = $"<b>{before}</b> matters" });

        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{article.Id}")
        {
            Content = JsonContent.Create(new { title = "Digital track", language = "en", slug = article.Slug, body = $"<b>{after}</b> matters" }),
        };
        edit.Headers.IfMatch.Add(article.ETag);
        (await service.Editor().SendAsync(edit)).EnsureSuccessStatusCode();

        using var anonymous = service.Anonymous();
        var old = await anonymous.GetFromJsonAsync<JsonElement>($"/api/articles/search?q={before}");
        Assert.Equal(0, old.GetProperty("hits").GetArrayLength());
        var found = await anonymous.GetFromJsonAsync<JsonElement>($"/api/articles/search?q={after}");
        var snippet = Assert.Single(found.GetProperty("hits").EnumerateArray()).GetProperty("snippet").GetString();
        Assert.Contains("&lt;b&gt;", snippet);
        Assert.DoesNotContain("<b>", snippet);
    }

    [Fact]
    public async Task Article_leaves_search_when_unpublished_and_returns_when_published_again()
    {
        var newsroom = new Newsroom(service.Editor());
        var word = Word();
        var article = await newsroom.CreatePublishedAsync(new { title = $"Customs {word} reform", language = "en" });
        using var anonymous = service.Anonymous();
        async Task<int> HitsAsync() =>
            (await anonymous.GetFromJsonAsync<JsonElement>($"/api/articles/search?q={word}")).GetProperty("hits").GetArrayLength();

        Assert.Equal(1, await HitsAsync());
        var draft = await newsroom.TransitionAsync(article, "unpublish");
        Assert.Equal(0, await HitsAsync());
        await newsroom.PublishAsync(draft);
        Assert.Equal(1, await HitsAsync());
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("AND OR NOT (")]
    [InlineData("title:* NEAR(")]
    [InlineData("天山")]
    public async Task Search_never_fails_on_query_syntax(string query)
    {
        var response = await service.Anonymous().GetAsync($"/api/articles/search?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Search_without_words_is_400_naming_q()
    {
        var response = await service.Anonymous().GetAsync("/api/articles/search?q=%20%21%21");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Rss_feed_parses_back_with_absolute_links_stable_guids_rfc822_dates_and_categories()
    {
        var tag = $"feed-{Guid.NewGuid():N}"[..13];
        var article = await new Newsroom(service.Editor()).CreatePublishedAsync(new
        {
            title = "Fiscal cooperation research center launched",
            language = "en",
            summary = "A new center for Central Asia.",
            tags = new[] { tag },
            themes = new[] { "finance" },
        });

        var response = await service.Anonymous().GetAsync($"/api/articles/tags/{tag}/feed.rss");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync();

        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(xml)));
        var item = Assert.Single(feed.Items);
        Assert.Equal("Fiscal cooperation research center launched", item.Title.Text);
        Assert.Equal($"urn:uuid:{article.Id}", item.Id);
        var link = Assert.Single(item.Links).Uri;
        Assert.True(link.IsAbsoluteUri);
        Assert.EndsWith($"/api/articles/{article.Slug}", link.AbsolutePath);
        Assert.Equal([tag, "finance"], item.Categories.Select(c => c.Name));

        var pubDate = XDocument.Parse(xml).Descendants("item").Single().Element("pubDate")!.Value;
        Assert.Matches(new Regex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (Z|GMT|[+-]\d{4})$"), pubDate);
    }

    [Fact]
    public async Task Atom_feed_carries_the_html_body_and_answers_304_to_its_own_etag()
    {
        var tag = $"atom-{Guid.NewGuid():N}"[..13];
        await new Newsroom(service.Editor()).CreatePublishedAsync(new { title = "Energy track summary", language = "en", body = "**Power** trade.", tags = new[] { tag } });

        using var anonymous = service.Anonymous();
        var response = await anonymous.GetAsync($"/api/articles/tags/{tag}/feed.atom");
        var feed = SyndicationFeed.Load(XmlReader.Create(await response.Content.ReadAsStreamAsync()));
        var content = Assert.IsType<TextSyndicationContent>(Assert.Single(feed.Items).Content);
        Assert.Contains("<strong>Power</strong>", content.Text);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/tags/{tag}/feed.atom");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Atom_feed_has_an_author_and_the_same_id_whatever_host_it_is_read_through()
    {
        using var anonymous = service.Anonymous();
        async Task<SyndicationFeed> ReadAsync(string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles/feed.atom");
            request.Headers.Host = host;
            using var response = await anonymous.SendAsync(request);
            return SyndicationFeed.Load(XmlReader.Create(await response.Content.ReadAsStreamAsync()));
        }

        var (direct, proxied) = (await ReadAsync("localhost"), await ReadAsync("news.example.org"));

        Assert.StartsWith("urn:uuid:", direct.Id, StringComparison.Ordinal);
        Assert.Equal(direct.Id, proxied.Id);
        Assert.Contains("news.example.org", Assert.Single(proxied.Links, link => link.RelationshipType == "self").Uri.Host, StringComparison.Ordinal);
        Assert.Equal("Forum newsroom", Assert.Single(direct.Authors).Name);
    }

    [Fact]
    public async Task A_full_feeds_etag_changes_when_an_article_leaves_it_and_an_older_one_takes_its_place()
    {
        var tag = $"full-{Guid.NewGuid():N}"[..13];
        var newsroom = new Newsroom(service.Editor());
        var articles = new List<Written>();
        for (var i = 0; i < 51; i++)
        {
            articles.Add(await newsroom.CreatePublishedAsync(Newsroom.Draft($"Full feed story {i} {tag}", tags: [tag])));
        }

        using var anonymous = service.Anonymous();
        var path = $"/api/articles/tags/{tag}/feed.atom";
        var before = (await anonymous.GetAsync(path)).Headers.ETag!;
        // Listed but not the newest, so neither the newest change among the listed nor their number moves.
        await newsroom.TransitionAsync(articles[45], "unpublish");

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(before);
        var response = await anonymous.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = SyndicationFeed.Load(XmlReader.Create(await response.Content.ReadAsStreamAsync()));
        Assert.DoesNotContain(feed.Items, item => item.Id == $"urn:uuid:{articles[45].Id}");
        Assert.Contains(feed.Items, item => item.Id == $"urn:uuid:{articles[0].Id}");
    }

    [Fact]
    public async Task Demo_story_of_the_forum_opening_is_published_with_its_source_and_translations()
    {
        var story = await service.Anonymous().GetFromJsonAsync<JsonElement>("/api/articles/tianshan-forum-opens-in-urumqi");
        Assert.Contains("$94.8 billion", story.GetProperty("body").GetString());
        Assert.Equal("CAREC Institute", story.GetProperty("sources")[0].GetProperty("title").GetString());
        Assert.Equal(["ru", "zh"], story.GetProperty("translations").EnumerateArray().Select(t => t.GetProperty("language").GetString()));
    }
}
