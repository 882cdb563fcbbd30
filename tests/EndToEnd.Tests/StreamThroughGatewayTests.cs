using System.Net.Http.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>The live stream works through the gateway: events arrive as they happen, not when the response ends.</summary>
[Collection(ForumPlatformCollection.Name)]
public sealed class StreamThroughGatewayTests(ForumPlatformFixture platform)
{
    [Fact]
    public async Task A_published_article_arrives_on_the_stream_through_the_gateway()
    {
        using var anonymous = platform.Gateway();
        using var editor = platform.Gateway(ForumRoles.Editor);
        var tag = $"sse-{Guid.NewGuid():N}"[..12];
        using var stream = await ServerSentEventsReader.OpenAsync(anonymous, $"/api/notifications/stream?types=forum.article.published&tags={tag}");

        var created = await editor.PostAsJsonAsync("/api/articles", new { title = $"Stream news {tag}", language = "en", tags = new[] { tag } });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{id}/publish");
        publish.Headers.IfMatch.Add(created.Headers.ETag!);
        (await editor.SendAsync(publish)).EnsureSuccessStatusCode();

        var item = await stream.NextAsync("message", TimeSpan.FromSeconds(15));
        Assert.Contains(tag, item.Data);
        Assert.Contains("\"type\":\"forum.article.published\"", item.Data);
        Assert.NotNull(item.Id);
    }
}
