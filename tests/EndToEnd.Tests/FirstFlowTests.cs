using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>The first flow through the running system: an article written through the gateway reaches every consumer.</summary>
[Collection(ForumPlatformCollection.Name)]
public sealed class FirstFlowTests(ForumPlatformFixture platform)
{
    private static readonly TimeSpan EventPatience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Published_article_is_counted_by_statistics_and_recorded_by_notifications_in_the_requests_trace()
    {
        using var editor = platform.Gateway(ForumRoles.Editor);
        using var admin = platform.Gateway(ForumRoles.Admin);
        var tag = $"e2e-{Guid.NewGuid():N}"[..12];

        var webhook = platform.Receiver.NewEndpoint();
        var (subscriptionId, secret, owner) = await platform.SubscribeAsync(webhook, ["forum.article.published"], new { tags = new[] { tag } });
        using var _ = owner;

        var created = await editor.PostAsJsonAsync("/api/articles", new
        {
            title = $"Tianshan Forum opens in Urumqi {tag}",
            language = "en",
            summary = "Sample data for an end-to-end test.",
            tags = new[] { tag, "connectivity" },
        });
        var draft = await ReadJsonAsync(created);
        var articleId = draft.GetProperty("id").GetString();

        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{articleId}/publish");
        publish.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        publish.Headers.IfMatch.Add(created.Headers.ETag!);
        var published = await editor.SendAsync(publish);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var counted = await Eventually.GetValueAsync(async () =>
        {
            var figures = await ReadJsonAsync(await admin.GetAsync("/api/stats/platform"));
            return figures.GetProperty("metrics").TryGetProperty("articles.published", out var metric)
                && metric.TryGetProperty($"tag:{tag}", out var value) ? (long?)value.GetInt64() : null;
        }, EventPatience, "statistics to count the article");
        Assert.Equal(1, counted);

        var received = Assert.Single(await platform.Receiver.WaitForAsync(webhook, 1, EventPatience));
        Assert.True(received.VerifiesWith(secret));
        Assert.Equal("forum.article.published", received.CloudEvent.Type);
        var delivery = await Eventually.GetValueAsync(async () =>
        {
            var deliveries = await ReadJsonAsync(await owner.GetAsync($"/api/notifications/subscriptions/{subscriptionId}/deliveries"));
            return deliveries.GetArrayLength() > 0 && deliveries[0].GetProperty("status").GetString() == "delivered" ? (JsonElement?)deliveries[0] : null;
        }, EventPatience, "notifications to record the delivery");
        Assert.Equal(received.WebhookId, delivery.GetProperty("id").GetString());
        Assert.Equal(traceId, delivery.GetProperty("traceId").GetString());

        var recorded = await ReadJsonAsync(await admin.GetAsync("/api/stats/platform/events?type=forum.article.published&limit=1000"));
        Assert.Contains(recorded.EnumerateArray(), e => e.GetProperty("traceId").GetString() == traceId);
    }

    [Fact]
    public async Task Demo_forum_is_listed_through_the_gateway()
    {
        using var anonymous = platform.Gateway();
        var forums = await ReadJsonAsync(await anonymous.GetAsync("/api/agenda/forums"));
        var tianshan = Assert.Single(forums.EnumerateArray(), f => f.GetProperty("slug").GetString() == "tianshan-forum-2025");
        Assert.Equal("Urumqi", tianshan.GetProperty("city").GetString());
        Assert.Equal("2025-12-02", tianshan.GetProperty("startDate").GetString());
        Assert.Equal("Asia/Shanghai", tianshan.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Feed_read_through_the_gateway_links_to_the_gateway()
    {
        using var anonymous = platform.Gateway();
        var xml = await anonymous.GetStringAsync("/api/articles/feed.atom");
        var links = System.Xml.Linq.XDocument.Parse(xml).Descendants("{http://www.w3.org/2005/Atom}link")
            .Select(link => link.Attribute("href")!.Value).ToList();

        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(anonymous.BaseAddress!.GetLeftPart(UriPartial.Authority), link));
    }

    [Fact]
    public async Task Gateway_health_reports_every_service_and_the_broker_and_alive_only_the_gateway()
    {
        using var anonymous = platform.Gateway();
        var health = await ReadJsonAsync(await anonymous.GetAsync("/health"));
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var check in new[] { "articles", "agenda", "statistics", "notifications", "broker" })
        {
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        }

        Assert.StartsWith("The broker answered", health.GetProperty("checks").GetProperty("broker").GetProperty("description").GetString(), StringComparison.Ordinal);
        var alive = await ReadJsonAsync(await anonymous.GetAsync("/alive"));
        Assert.Equal(["self"], alive.GetProperty("checks").EnumerateObject().Select(check => check.Name));
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
