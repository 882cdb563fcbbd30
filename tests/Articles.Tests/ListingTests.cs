using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ForumPlatform.Articles.Tests;

[Collection(ArticlesCollection.Name)]
public sealed class ListingTests(ArticlesServiceFixture service)
{
    [Fact]
    public async Task Cursor_pages_neither_repeat_nor_skip_when_articles_are_published_between_them()
    {
        var newsroom = new Newsroom(service.Editor());
        var tag = $"paging-{Guid.NewGuid():N}"[..16];
        var published = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            published.Add((await newsroom.CreatePublishedAsync(Newsroom.Draft($"Paged story {i} {tag}", tags: [tag]))).Slug);
        }

        using var anonymous = service.Anonymous();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await anonymous.GetFromJsonAsync<JsonElement>($"/api/articles?tag={tag}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("slug").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            if (pages++ == 0)
            {
                // A newer article arrives while the reader is on page one.
                await newsroom.CreatePublishedAsync(Newsroom.Draft($"Late story {tag}", tags: [tag]));
            }
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(published.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task List_filters_by_tag_and_language_and_hides_drafts()
    {
        var newsroom = new Newsroom(service.Editor());
        var tag = $"filter-{Guid.NewGuid():N}"[..16];
        var english = await newsroom.CreatePublishedAsync(Newsroom.Draft($"English story {tag}", "en", [tag]));
        var russian = await newsroom.CreatePublishedAsync(Newsroom.Draft($"Russian story {tag}", "ru", [tag]));
        await newsroom.CreateAsync(Newsroom.Draft($"Draft story {tag}", "en", [tag]));

        using var anonymous = service.Anonymous();
        var all = await anonymous.GetFromJsonAsync<JsonElement>($"/api/articles?tag={tag}");
        Assert.Equal([russian.Slug, english.Slug], all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));

        var ru = await anonymous.GetFromJsonAsync<JsonElement>($"/api/articles?tag={tag}&language=ru");
        Assert.Equal([russian.Slug], ru.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task Editors_list_drafts_and_scheduled_articles_by_status_and_nobody_else_can()
    {
        var newsroom = new Newsroom(service.Editor());
        var tag = $"status-{Guid.NewGuid():N}"[..16];
        var draft = await newsroom.CreateAsync(Newsroom.Draft($"Draft in the newsroom {tag}", tags: [tag]));
        var scheduled = await newsroom.TransitionAsync(
            await newsroom.CreateAsync(Newsroom.Draft($"Scheduled in the newsroom {tag}", tags: [tag])),
            "schedule", new { publishAt = DateTimeOffset.UtcNow.AddDays(1) });

        var drafts = await service.Editor().GetFromJsonAsync<JsonElement>($"/api/articles?status=draft&tag={tag}");
        Assert.Equal([draft.Slug], drafts.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
        var upcoming = await service.Editor().GetFromJsonAsync<JsonElement>($"/api/articles?status=scheduled&tag={tag}");
        Assert.Equal([scheduled.Slug], upcoming.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous().GetAsync("/api/articles?status=draft")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientFor("organizer").GetAsync("/api/articles?status=draft")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Editor().GetAsync("/api/articles?status=lost")).StatusCode);
    }

    [Fact]
    public async Task Editors_search_a_list_by_status_for_text_in_title_summary_or_slug_taken_literally()
    {
        var newsroom = new Newsroom(service.Editor());
        var word = $"Quokka{Guid.NewGuid():N}"[..14];
        var inTitle = await newsroom.CreateAsync(Newsroom.Draft($"A draft about the {word} corridor"));
        var inSummary = await newsroom.CreateAsync(new { title = $"Another draft {Guid.NewGuid():N}"[..30], language = "en", summary = $"Mentions {word.ToLowerInvariant()} once." });
        await newsroom.CreateAsync(Newsroom.Draft($"A draft about nothing of the kind {Guid.NewGuid():N}"[..40]));

        using var editor = service.Editor();
        var found = await editor.GetFromJsonAsync<JsonElement>($"/api/articles?status=draft&q={word.ToUpperInvariant()}");
        Assert.Equal([inSummary.Slug, inTitle.Slug], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));

        // LIKE's wildcards are text to look for, not patterns: "%" alone matches no title here.
        var percent = await editor.GetFromJsonAsync<JsonElement>($"/api/articles?status=draft&q={Uri.EscapeDataString(word + "%")}");
        Assert.Empty(percent.GetProperty("items").EnumerateArray());

        var withoutStatus = await editor.GetAsync($"/api/articles?q={word}");
        Assert.Equal(HttpStatusCode.BadRequest, withoutStatus.StatusCode);
        Assert.Contains("\"q\"", await withoutStatus.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_cursor_and_limit_are_400()
    {
        using var anonymous = service.Anonymous();
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/articles?cursor=%%%")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/articles?limit=1000")).StatusCode);
    }
}
