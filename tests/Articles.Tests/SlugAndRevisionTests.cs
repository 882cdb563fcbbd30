using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Articles.Tests;

[Collection(ArticlesCollection.Name)]
public sealed class SlugAndRevisionTests(ArticlesServiceFixture service)
{
    [Fact]
    public async Task Renamed_article_keeps_answering_at_its_old_slug_with_a_permanent_redirect()
    {
        var newsroom = new Newsroom(service.Editor());
        var oldSlug = $"old-{Guid.NewGuid():N}";
        var newSlug = $"new-{Guid.NewGuid():N}";
        var article = await newsroom.CreatePublishedAsync(Newsroom.Draft("Renamed story", slug: oldSlug));

        using var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{article.Id}")
        {
            Content = JsonContent.Create(Newsroom.Draft("Renamed story", slug: newSlug)),
        };
        rename.Headers.IfMatch.Add(article.ETag);
        Assert.Equal(HttpStatusCode.OK, (await service.Editor().SendAsync(rename)).StatusCode);

        var response = await service.Anonymous().GetAsync($"/api/articles/{oldSlug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/api/articles/{newSlug}", response.Headers.Location?.OriginalString);

        var taken = await service.Editor().PostAsJsonAsync("/api/articles", Newsroom.Draft("Another story", slug: oldSlug));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
    }

    [Fact]
    public async Task Every_change_keeps_a_revision_with_who_when_and_what()
    {
        var newsroom = new Newsroom(service.Editor());
        var started = DateTimeOffset.UtcNow.AddSeconds(-1); // a second's slack for how precisely the time is stored
        var draft = await newsroom.CreateAsync(Newsroom.Draft($"Revised story {Guid.NewGuid():N}"));
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{draft.Id}")
        {
            Content = JsonContent.Create(Newsroom.Draft("Revised story, second take", slug: draft.Slug)),
        };
        edit.Headers.IfMatch.Add(draft.ETag);
        var edited = await Written.ReadAsync(await service.Editor().SendAsync(edit));
        await newsroom.PublishAsync(edited);

        var revisions = await service.Editor().GetFromJsonAsync<JsonElement>($"/api/articles/{draft.Id}/revisions");
        Assert.Equal(["published", "edited", "created"], revisions.EnumerateArray().Select(r => r.GetProperty("action").GetString()));
        var times = revisions.EnumerateArray().Select(r => r.GetProperty("editedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(times, time => Assert.InRange(time, started, DateTimeOffset.UtcNow.AddSeconds(1)));
        var editRevision = revisions[1];
        Assert.Equal("test-editor", editRevision.GetProperty("editedBy").GetString());
        Assert.Equal(TestAuthority.NameOf("test-editor"), editRevision.GetProperty("editorName").GetString());
        var titleChange = Assert.Single(editRevision.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "title");
        Assert.Equal("Revised story, second take", titleChange.GetProperty("newValue").GetString());

        var first = await service.Editor().GetFromJsonAsync<JsonElement>($"/api/articles/{draft.Id}/revisions/1");
        Assert.StartsWith("Revised story ", first.GetProperty("content").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous().GetAsync($"/api/articles/{draft.Id}/revisions")).StatusCode);
    }

    [Fact]
    public async Task Restoring_an_earlier_revision_is_a_new_revision_announced_like_an_edit_and_needs_the_current_etag()
    {
        var newsroom = new Newsroom(service.Editor());
        var original = $"First take {Guid.NewGuid():N}";
        var published = await newsroom.CreatePublishedAsync(Newsroom.Draft(original));
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{published.Id}")
        {
            Content = JsonContent.Create(Newsroom.Draft("Second take, since regretted", slug: published.Slug)),
        };
        edit.Headers.IfMatch.Add(published.ETag);
        var edited = await Written.ReadAsync(await service.Editor().SendAsync(edit));

        async Task<HttpResponseMessage> RestoreAsync(int number, System.Net.Http.Headers.EntityTagHeaderValue etag)
        {
            using var restore = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{published.Id}/revisions/{number}/restore");
            restore.Headers.IfMatch.Add(etag);
            return await service.Editor().SendAsync(restore);
        }

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await RestoreAsync(1, published.ETag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RestoreAsync(99, edited.ETag)).StatusCode);
        var restored = await Written.ReadAsync(await RestoreAsync(1, edited.ETag));

        Assert.Equal(original, restored.Body.GetProperty("title").GetString());
        Assert.Equal(published.Slug, restored.Slug);
        var revisions = await service.Editor().GetFromJsonAsync<JsonElement>($"/api/articles/{published.Id}/revisions");
        Assert.Equal(["restored", "edited", "published", "created"], revisions.EnumerateArray().Select(r => r.GetProperty("action").GetString()));
        var titleChange = Assert.Single(revisions[0].GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "title");
        Assert.Equal(("Second take, since regretted", original), (titleChange.GetProperty("oldValue").GetString(), titleChange.GetProperty("newValue").GetString()));
        Assert.Equal(2, await service.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .CountAsync(m => m.MessageType == typeof(ForumPlatform.Contracts.ArticleUpdated).FullName && m.Body.Contains(published.Id))));
    }
}
