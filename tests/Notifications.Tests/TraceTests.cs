using System.Collections.Concurrent;
using System.Diagnostics;
using ForumPlatform.Notifications.Webhooks;

namespace ForumPlatform.Notifications.Tests;

/// <summary>A webhook attempt continues the trace of the event that caused it, so the dashboard shows one trace.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class TraceTests(NotificationsServiceFixture service)
{
    [Fact]
    public async Task The_webhook_attempt_is_a_span_in_the_trace_of_the_published_event()
    {
        var attempts = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DeliveryDispatcher.ActivitySource.Name || source.Name == "ForumPlatform.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.OperationName == "webhook deliver")
                {
                    attempts.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("ForumPlatform.Tests");

        var url = service.Receiver.NewEndpoint();
        await service.SubscribeAsync(url, ["forum.schedule.released"]);
        ActivityTraceId traceId;
        using (var request = source.StartActivity("source service request", ActivityKind.Server))
        {
            traceId = request!.TraceId;
            await service.PublishAsync(SampleEvents.ScheduleReleased());
        }

        await service.Receiver.WaitForAsync(url, 1, TimeSpan.FromSeconds(10));
        await Testing.Eventually.TrueAsync(() => Task.FromResult(attempts.Any(a => a.TraceId == traceId)), TimeSpan.FromSeconds(5),
            "the webhook span in the event's trace");
        var attempt = attempts.First(a => a.TraceId == traceId);
        Assert.Equal(ActivityKind.Client, attempt.Kind);
        Assert.Equal("forum.schedule.released", attempt.GetTagItem("cloudevents.event_type"));
    }
}
