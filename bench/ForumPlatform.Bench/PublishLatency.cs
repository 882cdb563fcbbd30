using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Bench;

/// <summary>
/// From <c>POST /api/articles/{id}/publish</c> returning (through the gateway) to the statistics consumer
/// having recorded the event, per article. Each publish carries its own trace id, which the statistics event
/// log keeps, so every event is matched to its request. Both clocks are this machine's wall clock.
/// </summary>
public static class PublishLatency
{
    public static async Task<Series> RunAsync(RunningForumPlatform system, BenchScale scale)
    {
        using var editor = system.Gateway(ForumRoles.Editor);
        using var admin = system.Gateway(ForumRoles.Admin);
        var returnedAt = new Dictionary<string, DateTimeOffset>();
        var run = Guid.NewGuid().ToString("N")[..8];

        // Warm-up: the first events of each process pay JIT, query compilation and connection costs (seen as
        // second-long tails over the first ~100 publishes); the figures are for the steady state.
        var articles = scale.Of(200, 3);
        for (var i = 0; i < scale.Of(100, 2); i++)
        {
            await PublishAsync(editor, $"{run} warm-up", i);
        }

        for (var i = 0; i < articles; i++)
        {
            var (traceId, at) = await PublishAsync(editor, run, i);
            returnedAt[traceId] = at;
            await Task.Delay(5); // about 200 publishes a second, the pace of the reference figure
        }

        var recordedAt = await Eventually.GetAsync(async () =>
        {
            var events = await admin.GetFromJsonAsync<JsonElement>("/api/stats/platform/events?type=forum.article.published&limit=1000");
            var found = events.EnumerateArray()
                .Where(e => e.GetProperty("traceId").GetString() is { } id && returnedAt.ContainsKey(id))
                .ToDictionary(e => e.GetProperty("traceId").GetString()!, e => e.GetProperty("recordedAt").GetDateTimeOffset());
            return found.Count == returnedAt.Count ? found : null;
        }, TimeSpan.FromSeconds(60), "statistics to record every published article");

        var latencies = returnedAt.Select(pair => (recordedAt[pair.Key] - pair.Value).TotalMilliseconds).ToList();
        return new Series("publish-latency", "publish returned -> statistics", latencies);
    }

    private static async Task<(string TraceId, DateTimeOffset ReturnedAt)> PublishAsync(HttpClient editor, string run, int index)
    {
        var draft = await editor.PostAsJsonAsync("/api/articles", new
        {
            title = $"Bench article {run} {index}",
            language = "en",
            summary = "Sample data for the publish latency benchmark.",
            tags = new[] { "bench" },
        });
        draft.EnsureSuccessStatusCode();
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{id}/publish");
        publish.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        publish.Headers.IfMatch.Add(draft.Headers.ETag!);
        using var response = await editor.SendAsync(publish);
        var returnedAt = DateTimeOffset.UtcNow;
        response.EnsureSuccessStatusCode();
        return (traceId, returnedAt);
    }
}
