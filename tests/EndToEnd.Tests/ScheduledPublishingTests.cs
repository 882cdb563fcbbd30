using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>An article scheduled through the gateway goes live by itself and its event reaches the other services.</summary>
[Collection(ForumPlatformCollection.Name)]
public sealed class ScheduledPublishingTests(ForumPlatformFixture platform)
{
    [Fact]
    public async Task Scheduled_article_goes_live_on_time_and_notifications_records_its_event()
    {
        using var editor = platform.Gateway(ForumRoles.Editor);
        var tag = $"sched-{Guid.NewGuid():N}"[..14];

        var webhook = platform.Receiver.NewEndpoint();
        var (_, secret, owner) = await platform.SubscribeAsync(webhook, ["forum.article.*"], new { tags = new[] { tag } });
        using var _ = owner;

        var created = await editor.PostAsJsonAsync("/api/articles",
            new { title = $"Fiscal cooperation research center launched {tag}", language = "en", tags = new[] { tag } });
        created.EnsureSuccessStatusCode();
        var article = await created.Content.ReadFromJsonAsync<JsonElement>();
        var publishAt = DateTimeOffset.UtcNow.AddSeconds(2);

        using var schedule = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{article.GetProperty("id").GetString()}/schedule")
        {
            Content = JsonContent.Create(new { publishAt }),
        };
        schedule.Headers.IfMatch.Add(created.Headers.ETag!);
        (await editor.SendAsync(schedule)).EnsureSuccessStatusCode();

        var slug = article.GetProperty("slug").GetString();
        using var anonymous = platform.Gateway();
        var live = await Eventually.GetValueAsync(async () =>
        {
            var response = await anonymous.GetAsync($"/api/articles/{slug}");
            return response.IsSuccessStatusCode ? (JsonElement?)await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }, TimeSpan.FromSeconds(15), "the scheduled article to go live");
        var publishedAt = live.GetProperty("publishedAt").GetDateTimeOffset();
        Assert.InRange(publishedAt, publishAt, publishAt.AddSeconds(3));

        var received = Assert.Single(await platform.Receiver.WaitForAsync(webhook, 1, TimeSpan.FromSeconds(10)));
        Assert.Equal("forum.article.published", received.CloudEvent.Type);
        Assert.True(received.VerifiesWith(secret));
    }
}
