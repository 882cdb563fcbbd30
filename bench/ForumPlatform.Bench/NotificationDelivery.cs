using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Bench;

/// <summary>
/// Webhook delivery by the notifications service to a real local receiver (Kestrel, in this process):
/// <list type="bullet">
/// <item>latency: one subscription; articles published through the gateway at 50 a second; per event, to the
/// webhook arriving from its <c>time</c> (set by the articles service in the transaction that publishes it) and
/// from the publish request returning (after the commit);</item>
/// <item>fan-out: N subscriptions on one tag, one article published; from the publish request returning to the
/// last of the N webhooks arriving, beside a baseline: this process sending N signed 1 KB POSTs to the same
/// receiver with one HttpClient, 64 at a time.</item>
/// </list>
/// </summary>
public static class NotificationDelivery
{
    public static async Task<(List<Series> Series, Dictionary<string, string> Notes)> RunAsync(
        RunningForumPlatform system, BenchScale scale)
    {
        var latencyEvents = scale.Of(500, 3);
        var warmUps = scale.Of(300, 3);
        int[] fanouts = scale.Quick ? [5] : Environment.GetEnvironmentVariable("BENCH_FANOUTS") is { } f ? [.. f.Split(',').Select(int.Parse)] : [1_000, 10_000];
        await using var receiver = await WebhookReceiver.StartAsync();
        using var editor = system.Gateway(ForumRoles.Editor);
        using var anonymous = system.Gateway();
        var series = new List<Series>();
        var notes = new Dictionary<string, string>();

        // Latency at 50 events a second, one subscriber.
        var run = Guid.NewGuid().ToString("N")[..8];
        var latencyHook = receiver.NewEndpoint();
        var latencySubscription = await SubscribeAsync(anonymous, latencyHook, $"latency-{run}");
        var warmupHook = receiver.NewEndpoint();
        await SubscribeAsync(anonymous, warmupHook, $"warmup-{run}");
        // Warm-up, not measured: tiered JIT, query compilation and connections in every process on the path (with
        // 50 warm-up events the tails were twice as long as with 300).
        for (var i = 0; i < warmUps; i++)
        {
            await PublishAsync(editor, $"warmup-{run}", i);
        }

        await receiver.WaitForAsync(warmupHook, warmUps, TimeSpan.FromSeconds(60));

        // Drafts first, so the paced loop is one publish request per event.
        var drafts = new List<(string Id, System.Net.Http.Headers.EntityTagHeaderValue ETag)>();
        for (var i = 0; i < latencyEvents; i++)
        {
            drafts.Add(await CreateDraftAsync(editor, $"latency-{run}", i));
        }

        var returnedAt = new Dictionary<string, DateTimeOffset>();
        var pace = Stopwatch.StartNew();
        for (var i = 0; i < latencyEvents; i++)
        {
            returnedAt[drafts[i].Id] = await PublishDraftAsync(editor, drafts[i]);
            var due = TimeSpan.FromMilliseconds(20 * (i + 1));
            if (due > pace.Elapsed)
            {
                await Task.Delay(due - pace.Elapsed);
            }
        }

        var arrived = await receiver.WaitForAsync(latencyHook, latencyEvents, TimeSpan.FromSeconds(60));
        notes["latency breakdown (last 200)"] = await BreakdownAsync(anonymous, latencySubscription, arrived);
        notes["latency pace"] = string.Create(CultureInfo.InvariantCulture, $"{latencyEvents / pace.Elapsed.TotalSeconds:F1} events/s offered");
        // The source's commit lies between the event's time (stamped in the transaction, before its writes) and
        // the publish request returning (after the commit): both bounds are reported.
        series.Add(new Series("notify-latency", "event time -> webhook arrived", arrived
            .Select(request => (request.ReceivedAt - request.CloudEvent.Time!.Value).TotalMilliseconds).ToList()));
        series.Add(new Series("notify-latency", "publish returned -> webhook arrived", arrived
            .Select(request => (request.ReceivedAt - returnedAt[((JsonElement)request.CloudEvent.Data!).GetProperty("articleId").GetString()!]).TotalMilliseconds)
            .ToList()));

        var (listenerSeries, listenerNote) = await StreamListenersAsync(system, editor, listeners: scale.Of(500, 2), run);
        series.Add(listenerSeries);
        notes["stream listeners"] = listenerNote;

        // A size named more than once (BENCH_FANOUTS=10000,10000,10000) is measured that many times, each on a tag of
        // its own, and reported as one series.
        var times = fanouts.Distinct().ToDictionary(count => count, _ => (Fanout: new List<double>(), Baseline: new List<double>()));
        foreach (var (count, round) in fanouts.Select((count, round) => (count, round)))
        {
            var tag = $"fanout-{count}-{run}-{round}";
            var hook = receiver.NewEndpoint();
            var creating = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (i, _) => await SubscribeAsync(anonymous, $"{hook}?n={i}", tag));
            notes[$"fan-out {count}: subscriptions created"] = string.Create(CultureInfo.InvariantCulture, $"{creating.Elapsed.TotalSeconds:F1} s");

            var returned = await PublishAsync(editor, tag, 0);
            var all = await receiver.WaitForAsync(hook, count, TimeSpan.FromSeconds(120));
            var last = all.Max(request => request.ReceivedAt);
            var first = all.Min(request => request.ReceivedAt);
            var total = (last - returned).TotalMilliseconds;
            times[count].Fanout.Add(total);
            notes[$"fan-out {count} (round {round + 1})"] = string.Create(CultureInfo.InvariantCulture,
                $"all delivered {total:F0} ms after publish returned; first after {(first - returned).TotalMilliseconds:F0} ms; " +
                $"{count / ((last - first).TotalSeconds + 1e-9):F0} deliveries/s between first and last");

            var baseline = await RawSenderAsync(receiver, count);
            times[count].Baseline.Add(baseline);
            notes[$"fan-out {count} vs raw sender (round {round + 1})"] = string.Create(CultureInfo.InvariantCulture, $"{total / baseline:F1}x the raw sender's time");
        }

        foreach (var (count, (fanout, baseline)) in times)
        {
            series.Add(new Series("notify-fanout", $"{count} subscribers: publish -> all", fanout));
            series.Add(new Series("notify-fanout", $"{count} raw signed POSTs (baseline)", baseline));
        }

        notes["notifications service peak memory"] = ArticleReads.PeakMemory("ForumPlatform.Notifications");
        return (series, notes);
    }

    /// <summary>
    /// Many live listeners on the stream through the gateway, one event: per listener, from the publish request
    /// returning to the event read from its stream.
    /// </summary>
    private static async Task<(Series Series, string Note)> StreamListenersAsync(RunningForumPlatform system, HttpClient editor, int listeners, string run)
    {
        var tag = $"stream-{run}";
        using var gateway = system.Gateway();
        // A plain client: the test client's resilience pipeline times out attempts, which long-lived streams outlast.
        using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var readers = new ServerSentEventsReader[listeners];
        await Parallel.ForEachAsync(Enumerable.Range(0, listeners), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            readers[i] = await ServerSentEventsReader.OpenAsync(client, $"/api/notifications/stream?types=forum.article.published&tags={tag}"));
        try
        {
            var reading = readers.Select(async reader =>
            {
                await reader.NextAsync("message", TimeSpan.FromSeconds(30));
                return DateTimeOffset.UtcNow;
            }).ToList();
            var returned = await PublishAsync(editor, tag, 0);
            var arrivals = await Task.WhenAll(reading);
            var times = arrivals.Select(at => (at - returned).TotalMilliseconds).ToList();
            return (new Series("notify-stream", $"{listeners} SSE listeners: publish -> read", times),
                string.Create(CultureInfo.InvariantCulture, $"{listeners} listeners through the gateway, the last read the event {times.Max():F0} ms after publish returned"));
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader?.Dispose();
            }
        }
    }

    private static async Task<(string Id, string Token)> SubscribeAsync(HttpClient client, string url, string tag)
    {
        using var response = await client.PostAsJsonAsync("/api/notifications/subscriptions", new
        {
            name = "bench subscriber",
            contact = "bench@example.org",
            webhookUrl = url,
            eventTypes = new[] { "forum.article.published" },
            filter = new { tags = new[] { tag } },
        });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("subscription").GetProperty("id").GetString()!, created.GetProperty("managementToken").GetString()!);
    }

    /// <summary>
    /// Where the time goes, from the delivery log of the last 200 events: event time → the notifications consumer
    /// committed it (the delivery's creation), → the first attempt started, and the attempt itself.
    /// </summary>
    private static async Task<string> BreakdownAsync(HttpClient client, (string Id, string Token) subscription, IReadOnlyList<ReceivedWebhook> arrived)
    {
        var times = arrived.ToDictionary(request => request.CloudEvent.Id!, request => request.CloudEvent.Time!.Value);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/notifications/subscriptions/{subscription.Id}/deliveries?limit=200");
        request.Headers.Authorization = new("Bearer", subscription.Token);
        using var response = await client.SendAsync(request);
        var deliveries = await response.Content.ReadFromJsonAsync<JsonElement>();
        var toConsumer = new List<double>();
        var toAttempt = new List<double>();
        var attempt = new List<double>();
        foreach (var delivery in deliveries.EnumerateArray())
        {
            var created = delivery.GetProperty("createdAt").GetDateTimeOffset();
            var first = delivery.GetProperty("attemptLog")[0];
            toConsumer.Add((created - times[delivery.GetProperty("eventId").GetString()!]).TotalMilliseconds);
            toAttempt.Add((first.GetProperty("startedAt").GetDateTimeOffset() - created).TotalMilliseconds);
            attempt.Add(first.GetProperty("durationMilliseconds").GetDouble());
        }

        return $"event time -> consumer {Stat(toConsumer)}; consumer -> attempt start {Stat(toAttempt)}; attempt {Stat(attempt)}";

        static string Stat(List<double> values)
        {
            var series = new Series("", "", values);
            return string.Create(CultureInfo.InvariantCulture, $"median {series.Median:F1} / p99 {series.Percentile(99):F1} ms");
        }
    }

    private static async Task<DateTimeOffset> PublishAsync(HttpClient editor, string tag, int index) =>
        await PublishDraftAsync(editor, await CreateDraftAsync(editor, tag, index));

    private static async Task<(string Id, System.Net.Http.Headers.EntityTagHeaderValue ETag)> CreateDraftAsync(HttpClient editor, string tag, int index)
    {
        using var draft = await editor.PostAsJsonAsync("/api/articles", new
        {
            title = $"Bench notification {tag} {index}",
            language = "en",
            summary = "Sample data for the notification benchmark.",
            tags = new[] { tag },
        });
        draft.EnsureSuccessStatusCode();
        return ((await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, draft.Headers.ETag!);
    }

    private static async Task<DateTimeOffset> PublishDraftAsync(HttpClient editor, (string Id, System.Net.Http.Headers.EntityTagHeaderValue ETag) draft)
    {
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{draft.Id}/publish");
        publish.Headers.IfMatch.Add(draft.ETag);
        using var response = await editor.SendAsync(publish);
        response.EnsureSuccessStatusCode();
        return DateTimeOffset.UtcNow;
    }

    /// <summary>The floor: N signed 1 KB POSTs from one HttpClient to the same receiver, 64 in flight.</summary>
    private static async Task<double> RawSenderAsync(WebhookReceiver receiver, int count)
    {
        var hook = receiver.NewEndpoint();
        var secret = "whsec_" + Convert.ToBase64String(new byte[32]);
        var body = new string('x', 1024);
        using var client = new HttpClient();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, token) =>
        {
            var id = $"msg_{i}";
            var now = DateTimeOffset.UtcNow;
            using var request = new HttpRequestMessage(HttpMethod.Post, hook) { Content = new StringContent(body) };
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", new StandardWebhooks.StandardWebhook(secret).Sign(id, now, body));
            using var response = await client.SendAsync(request, token);
        });
        return clock.Elapsed.TotalMilliseconds;
    }
}
