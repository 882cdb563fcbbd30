using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ForumPlatform.Articles.Tests;

/// <summary>ETags: conditional GET answers 304; writes need a current If-Match, and a stale one changes nothing.</summary>
[Collection(ArticlesCollection.Name)]
public sealed class ConcurrencyAndCachingTests(ArticlesServiceFixture service)
{
    [Fact]
    public async Task Conditional_get_with_the_current_etag_is_304_and_after_a_change_200()
    {
        var newsroom = new Newsroom(service.Editor());
        var article = await newsroom.CreatePublishedAsync(Newsroom.Draft($"Cached story {Guid.NewGuid():N}"));
        using var anonymous = service.Anonymous();

        var first = await anonymous.GetAsync($"/api/articles/{article.Slug}");
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{article.Slug}");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await anonymous.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);

        await newsroom.TransitionAsync(article, "retract", new { reason = "Superseded." });
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{article.Slug}");
        afterChange.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(afterChange)).StatusCode);
    }

    [Fact]
    public async Task Edit_with_a_stale_etag_gets_412_and_changes_nothing()
    {
        var newsroom = new Newsroom(service.Editor());
        var original = await newsroom.CreateAsync(Newsroom.Draft($"Contested draft {Guid.NewGuid():N}"));

        var first = await PutAsync(original.Id, original.ETag, "The first editor's title");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await PutAsync(original.Id, original.ETag, "The second editor's title");
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);

        var stored = await service.Editor().GetFromJsonAsync<JsonElement>($"/api/articles/{original.Id}");
        Assert.Equal("The first editor's title", stored.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Write_without_if_match_gets_428()
    {
        var newsroom = new Newsroom(service.Editor());
        var draft = await newsroom.CreateAsync(Newsroom.Draft($"Unconditional {Guid.NewGuid():N}"));
        var response = await service.Editor().PostAsync($"/api/articles/{draft.Id}/publish", null);
        Assert.Equal((HttpStatusCode)428, response.StatusCode);

        var stored = await service.Editor().GetFromJsonAsync<JsonElement>($"/api/articles/{draft.Id}");
        Assert.Equal("draft", stored.GetProperty("status").GetString());
    }

    private Task<HttpResponseMessage> PutAsync(string id, EntityTagHeaderValue etag, string title)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{id}")
        {
            Content = JsonContent.Create(Newsroom.Draft(title)),
        };
        request.Headers.IfMatch.Add(etag);
        return service.Editor().SendAsync(request);
    }
}
