using ForumPlatform.Testing;

namespace ForumPlatform.Notifications.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IdleCollection
{
    public const string Name = "Notifications idle, alone";
}

/// <summary>
/// An idle service sends no trace: its background loops (webhook dispatch every 0.1 s here, the exchange publisher, the
/// outbox relay, retention every 0.2 s) look for work untraced, so a request's trace is not buried under polling.
/// Runs alone, since the recorder hears every activity in the process.
/// </summary>
[Collection(IdleCollection.Name)]
public sealed class IdleTraceTests
{
    [Fact]
    public async Task An_idle_notifications_service_sends_no_trace_and_a_delivery_is_one_dispatch_trace()
    {
        IAsyncLifetime lifetime = new QuickSweepingService();
        await lifetime.InitializeAsync();
        try
        {
            await RecordAsync((QuickSweepingService)lifetime);
        }
        finally
        {
            await lifetime.DisposeAsync();
        }
    }

    private static async Task RecordAsync(QuickSweepingService service)
    {
        using var recorder = new TraceRecorder();

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.True(recorder.Traces.Count == 0, $"An idle service sent traces: {recorder.Describe()}");

        // Work does leave a trace: a ping is one request trace with its webhook attempt, and one dispatch.
        var url = service.Receiver.NewEndpoint();
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        using var owner = service.Owner(subscription);
        await owner.PostAsync($"/api/notifications/subscriptions/{subscription.Id}/ping", null);
        await service.Receiver.WaitForAsync(url, 1, TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => Task.FromResult(recorder.Traces.Any(trace => trace.DisplayName == "webhook dispatch")),
            TimeSpan.FromSeconds(10), "the dispatch trace");
    }

    private sealed class QuickSweepingService()
        : NotificationsServiceFixture([new("Notifications:Retention:SweepInterval", "00:00:00.200")]);
}
