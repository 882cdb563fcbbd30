using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>Through the gateway and the real broker: changes in articles and agenda reach the matching subscribers, and only them.</summary>
[Collection(ForumPlatformCollection.Name)]
public sealed class NotificationFlowTests(ForumPlatformFixture platform)
{
    private const string Forum = "/api/agenda/forums/tianshan-forum-2025";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Publishing_an_article_and_rescheduling_a_session_reach_exactly_the_matching_subscribers()
    {
        using var editor = platform.Gateway(ForumRoles.Editor);
        using var organizer = platform.Gateway(ForumRoles.Organizer);
        var tag = $"flow-{Guid.NewGuid():N}"[..13];

        // A session of our own, released once, so that moving it later is a reschedule.
        var room = await Read(await organizer.PostAsJsonAsync($"{Forum}/rooms", new { name = $"Room {tag}", capacity = 40 }));
        var session = await Read(await organizer.PostAsJsonAsync($"{Forum}/sessions",
            Session($"Rail corridors {tag}", "2025-12-03T19:00:00+08:00", "2025-12-03T19:30:00+08:00", room.GetProperty("id").GetString()!)));
        var sessionId = session.GetProperty("id").GetString()!;
        await Read(await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = $"Adds {tag}" }));

        var articleHook = platform.Receiver.NewEndpoint();
        var sessionHook = platform.Receiver.NewEndpoint();
        var otherHook = platform.Receiver.NewEndpoint();
        var (_, articleSecret, articleOwner) = await platform.SubscribeAsync(articleHook, ["forum.article.published"], new { tags = new[] { tag } });
        var (_, sessionSecret, sessionOwner) = await platform.SubscribeAsync(sessionHook, ["forum.session.*"], new { sessionIds = new[] { sessionId } });
        var (_, _, otherOwner) = await platform.SubscribeAsync(otherHook, ["forum.article.published", "forum.session.cancelled"],
            new { tags = new[] { $"{tag}-other" }, sessionIds = new[] { Guid.NewGuid() } });
        using var owners = new Owners(articleOwner, sessionOwner, otherOwner);

        var created = await editor.PostAsJsonAsync("/api/articles", new { title = $"Corridor news {tag}", language = "en", tags = new[] { tag } });
        created.EnsureSuccessStatusCode();
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{(await Read(created)).GetProperty("id").GetString()}/publish");
        publish.Headers.IfMatch.Add(created.Headers.ETag!);
        (await editor.SendAsync(publish)).EnsureSuccessStatusCode();

        await Read(await SessionWrites.EditAsync(organizer, Forum, $"{sessionId}",
            Session($"Rail corridors {tag}", "2025-12-03T19:30:00+08:00", "2025-12-03T20:00:00+08:00", room.GetProperty("id").GetString()!)));
        await Read(await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = $"Moves {tag}" }));

        var article = Assert.Single(await platform.Receiver.WaitForAsync(articleHook, 1, Patience));
        Assert.Equal("forum.article.published", article.CloudEvent.Type);
        Assert.True(article.VerifiesWith(articleSecret));

        var moved = Assert.Single(await platform.Receiver.WaitForAsync(sessionHook, 1, Patience));
        Assert.Equal("forum.session.rescheduled", moved.CloudEvent.Type);
        Assert.True(moved.VerifiesWith(sessionSecret));
        var data = (JsonElement)moved.CloudEvent.Data!;
        Assert.Equal(DateTimeOffset.Parse("2025-12-03T11:00:00Z"), data.GetProperty("oldStart").GetDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse("2025-12-03T11:30:00Z"), data.GetProperty("newStart").GetDateTimeOffset());

        await Task.Delay(1000); // anything wrongly matched would have come with the rest
        Assert.Single(platform.Receiver.At(articleHook));
        Assert.Single(platform.Receiver.At(sessionHook));
        Assert.Empty(platform.Receiver.At(otherHook));
    }

    private static object Session(string title, string start, string end, string roomId) =>
        new { title, type = "panel", start, end, roomId, language = "en" };

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
