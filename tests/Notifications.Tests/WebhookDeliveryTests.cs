using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Notifications.Tests;

/// <summary>Events from the real broker become signed CloudEvents POSTed to a real local receiver.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class WebhookDeliveryTests(NotificationsServiceFixture service)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Every_event_type_arrives_as_a_CloudEvent_the_reference_verifier_accepts()
    {
        var url = service.Receiver.NewEndpoint();
        var subscription = await service.SubscribeAsync(url, ["forum.*"]);
        IForumEvent[] events =
        [
            SampleEvents.ArticlePublished(), SampleEvents.ArticleUpdated(), SampleEvents.ArticleRetracted(),
            SampleEvents.SessionScheduled(), SampleEvents.SessionRescheduled(), SampleEvents.SessionCancelled(),
            SampleEvents.ScheduleReleased(), SampleEvents.IndicatorUpdated(),
        ];
        foreach (var domainEvent in events)
        {
            await service.PublishAsync((dynamic)domainEvent);
        }

        var received = await service.Receiver.WaitForAsync(url, events.Length, Patience);
        Assert.Equal(events.Length, received.Count);
        Assert.Equal(EventTypes.All.Order(), received.Select(request => request.CloudEvent.Type).Order());
        var deliveries = await service.DeliveriesAsync(subscription);
        foreach (var request in received)
        {
            Assert.True(request.VerifiesWith(subscription.Secret), $"signature of {request.WebhookId} does not verify");
            Assert.False(request.VerifiesWith("whsec_" + Convert.ToBase64String(new byte[32])), "a wrong secret must not verify");
            Assert.StartsWith("application/cloudevents+json", request.ContentType);

            var cloudEvent = request.CloudEvent;
            Assert.Equal(CloudNative.CloudEvents.CloudEventsSpecVersion.V1_0, cloudEvent.SpecVersion);
            var source = Assert.Single(events, e => e.EventId.ToString() == cloudEvent.Id);
            Assert.Equal(source.OccurredAt.ToUnixTimeMilliseconds(), cloudEvent.Time!.Value.ToUnixTimeMilliseconds());
            Assert.NotNull(cloudEvent.Subject);
            Assert.StartsWith("/", cloudEvent.Source!.ToString());
            Assert.Equal("application/json", cloudEvent.DataContentType);
            var data = (JsonElement)cloudEvent.Data!;
            Assert.Equal(source.EventId, data.GetProperty("eventId").GetGuid());

            // webhook-id is the delivery's id, listed in the delivery log.
            Assert.Contains(deliveries.EnumerateArray(), d => d.GetProperty("id").GetString() == request.WebhookId
                && d.GetProperty("eventId").GetString() == cloudEvent.Id);
        }
    }

    [Fact]
    public async Task Filters_decide_who_gets_what()
    {
        var energy = service.Receiver.NewEndpoint();
        var trackOnly = service.Receiver.NewEndpoint();
        var chinese = service.Receiver.NewEndpoint();
        await service.SubscribeAsync(energy, ["forum.article.published"], new { tags = new[] { "energy" } });
        await service.SubscribeAsync(trackOnly, ["forum.session.*"], new { tracks = new[] { "digital-connectivity" } });
        await service.SubscribeAsync(chinese, ["forum.article.*"], new { languages = new[] { "zh" } });

        await service.PublishAsync(SampleEvents.ArticlePublished(tags: ["transport"]));
        await service.PublishAsync(SampleEvents.ArticlePublished(tags: ["energy", "transport"]));
        await service.PublishAsync(SampleEvents.ArticlePublished(tags: ["energy"], language: "zh"));
        await service.PublishAsync(SampleEvents.SessionScheduled(track: "fiscal-cooperation"));
        await service.PublishAsync(SampleEvents.SessionRescheduled(track: "digital-connectivity"));

        var toEnergy = await service.Receiver.WaitForAsync(energy, 2, Patience);
        var toTrack = await service.Receiver.WaitForAsync(trackOnly, 1, Patience);
        var toChinese = await service.Receiver.WaitForAsync(chinese, 1, Patience);
        await Task.Delay(500); // anything wrongly matched would have arrived alongside
        Assert.Equal(2, service.Receiver.At(energy).Count);
        Assert.All(toEnergy, request => Assert.Contains("energy", request.Body));
        Assert.Equal(EventTypes.SessionRescheduled, Assert.Single(service.Receiver.At(trackOnly)).CloudEvent.Type);
        Assert.Equal("zh", ((JsonElement)Assert.Single(service.Receiver.At(chinese)).CloudEvent.Data!).GetProperty("language").GetString());
        Assert.Single(toTrack);
        Assert.Single(toChinese);
    }

    [Fact]
    public async Task Failed_attempts_are_retried_with_the_same_webhook_id_until_the_receiver_recovers()
    {
        var url = service.Receiver.NewEndpoint(new WebhookAnswer(503), new WebhookAnswer(500), new WebhookAnswer(204));
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        await service.PublishAsync(SampleEvents.ArticlePublished());

        var received = await service.Receiver.WaitForAsync(url, 3, Patience);
        Assert.Single(received.Select(request => request.WebhookId).Distinct());
        Assert.All(received, request => Assert.True(request.VerifiesWith(subscription.Secret)));

        var delivery = await Eventually.GetValueAsync(async () =>
        {
            var deliveries = await service.DeliveriesAsync(subscription);
            return deliveries[0].GetProperty("status").GetString() == "delivered" ? (JsonElement?)deliveries[0] : null;
        }, Patience, "the delivery to be recorded as delivered");
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal([503, 500, 204], delivery.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.All(delivery.GetProperty("attemptLog").EnumerateArray(), attempt => Assert.True(attempt.GetProperty("durationMilliseconds").GetDouble() > 0));
    }

    [Fact]
    public async Task Retry_after_is_honoured()
    {
        var url = service.Receiver.NewEndpoint(new WebhookAnswer(429, RetryAfter: "2"), new WebhookAnswer(204));
        await service.SubscribeAsync(url, ["forum.article.published"]);
        await service.PublishAsync(SampleEvents.ArticlePublished());

        var received = await service.Receiver.WaitForAsync(url, 2, Patience);
        // The schedule alone would retry after 0.2 s.
        Assert.True(received[1].ReceivedAt - received[0].ReceivedAt >= TimeSpan.FromSeconds(1.9),
            $"retried after {(received[1].ReceivedAt - received[0].ReceivedAt).TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task Gone_disables_the_subscription_at_once_and_later_events_wait()
    {
        var url = service.Receiver.NewEndpoint(new WebhookAnswer(410));
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        await service.PublishAsync(SampleEvents.ArticlePublished());

        await service.Receiver.WaitForAsync(url, 1, Patience);
        var disabled = await Eventually.GetValueAsync(async () =>
        {
            var state = await service.SubscriptionAsync(subscription);
            return state.GetProperty("status").GetString() == "disabled" ? (JsonElement?)state : null;
        }, Patience, "the subscription to be disabled");
        Assert.Contains("410", disabled.GetProperty("statusReason").GetString());
        var disabling = await service.WithServiceAsync<NotificationsDbContext, string>(db => db.OutboxMessages
            .Where(message => message.MessageType == typeof(SubscriptionStatusChanged).FullName && message.Body.Contains(subscription.Id.ToString()))
            .OrderBy(message => message.OccurredAt)
            .Select(message => message.Body)
            .LastAsync());
        var change = JsonSerializer.Deserialize<SubscriptionStatusChanged>(disabling, JsonSerializerOptions.Web)!;
        Assert.Equal(("active", "disabled"), (change.OldStatus, change.NewStatus));
        Assert.Contains("410", change.Reason);

        await service.PublishAsync(SampleEvents.ArticlePublished());
        await Eventually.TrueAsync(async () => (await service.DeliveriesAsync(subscription)).GetArrayLength() == 2, Patience,
            "the second event to be kept for the disabled subscription");
        await Task.Delay(500);
        Assert.Single(service.Receiver.At(url));
        // The 410 one failed; the later one waits, unsent, for the subscription to be resumed.
        var statuses = (await service.DeliveriesAsync(subscription)).EnumerateArray().Select(delivery => delivery.GetProperty("status").GetString()).Order();
        Assert.Equal(["failed", "pending"], statuses);
    }

    [Fact]
    public async Task Persistent_failure_gives_up_after_the_schedule_and_disables_with_the_reason()
    {
        var url = service.Receiver.NewEndpoint(new WebhookAnswer(500));
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        await service.PublishAsync(SampleEvents.ArticlePublished());

        // One attempt plus one per scheduled retry (three in this fixture).
        await service.Receiver.WaitForAsync(url, 4, Patience);
        var state = await Eventually.GetValueAsync(async () =>
        {
            var current = await service.SubscriptionAsync(subscription);
            return current.GetProperty("status").GetString() == "disabled" ? (JsonElement?)current : null;
        }, Patience, "the subscription to be disabled");
        Assert.Contains("HTTP 500", state.GetProperty("statusReason").GetString());
        Assert.Contains("4 attempts", state.GetProperty("statusReason").GetString());
        var delivery = (await service.DeliveriesAsync(subscription))[0];
        Assert.Equal("failed", delivery.GetProperty("status").GetString());
        await Task.Delay(700);
        Assert.Equal(4, service.Receiver.At(url).Count);
    }

    [Fact]
    public async Task Other_client_errors_fail_the_delivery_alone_and_redelivery_sends_it_again()
    {
        var url = service.Receiver.NewEndpoint(new WebhookAnswer(400), new WebhookAnswer(204));
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        await service.PublishAsync(SampleEvents.ArticlePublished());

        var failed = await Eventually.GetValueAsync(async () =>
        {
            var deliveries = await service.DeliveriesAsync(subscription, "failed");
            return deliveries.GetArrayLength() == 1 ? (JsonElement?)deliveries[0] : null;
        }, Patience, "the delivery to fail");
        Assert.Equal("active", (await service.SubscriptionAsync(subscription)).GetProperty("status").GetString());

        using var owner = service.Owner(subscription);
        var redeliver = await owner.PostAsync(
            $"/api/notifications/subscriptions/{subscription.Id}/deliveries/{failed.GetProperty("id").GetString()}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        var received = await service.Receiver.WaitForAsync(url, 2, Patience);
        Assert.Equal(received[0].WebhookId, received[1].WebhookId);
        await Eventually.TrueAsync(async () => (await service.DeliveriesAsync(subscription, "delivered")).GetArrayLength() == 1, Patience,
            "the redelivery to be recorded");

        // Redelivering failed ones since a time: none is left failed, so none is sent, whatever the time.
        var none = await owner.PostAsJsonAsync($"/api/notifications/subscriptions/{subscription.Id}/redeliver", new { since = DateTimeOffset.UtcNow.AddHours(-1) });
        Assert.Equal(0, (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redelivered").GetInt32());
    }

    [Fact]
    public async Task Redelivery_since_a_time_sends_the_failed_deliveries_created_from_then_on()
    {
        var url = service.Receiver.NewEndpoint(new WebhookAnswer(400), new WebhookAnswer(400), new WebhookAnswer(204));
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        async Task PublishAndWaitForFailureAsync(int failures)
        {
            await service.PublishAsync(SampleEvents.ArticlePublished());
            await Eventually.TrueAsync(async () => (await service.DeliveriesAsync(subscription, "failed")).GetArrayLength() == failures, Patience,
                $"{failures} failed deliveries");
        }

        await PublishAndWaitForFailureAsync(1);
        var between = DateTimeOffset.UtcNow;
        await PublishAndWaitForFailureAsync(2);

        using var owner = service.Owner(subscription);
        var response = await owner.PostAsJsonAsync($"/api/notifications/subscriptions/{subscription.Id}/redeliver", new { since = between });
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redelivered").GetInt32());
        var received = await service.Receiver.WaitForAsync(url, 3, Patience);
        Assert.Equal(received[1].WebhookId, received[2].WebhookId);
        await Eventually.TrueAsync(async () => (await service.DeliveriesAsync(subscription, "delivered")).GetArrayLength() == 1, Patience,
            "the second to be delivered");
        Assert.Equal(1, (await service.DeliveriesAsync(subscription, "failed")).GetArrayLength());
    }

    [Fact]
    public async Task A_subscription_gets_only_what_happened_after_it_was_made_however_late_the_event_arrives()
    {
        var url = service.Receiver.NewEndpoint();
        var tag = $"late-{Guid.NewGuid():N}"[..13];
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        var before = SampleEvents.ArticlePublished([tag]) with { OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-1) };
        var after = SampleEvents.ArticlePublished([tag]);

        await service.PublishAsync(before); // happened before the subscription, and arrives after it
        await service.PublishAsync(after);

        var received = Assert.Single(await service.Receiver.WaitForAsync(url, 1, Patience));
        Assert.Equal(after.EventId.ToString(), received.CloudEvent.Id);
        await Task.Delay(500);
        Assert.Single(service.Receiver.At(url));
        Assert.Equal(1, (await service.DeliveriesAsync(subscription)).GetArrayLength());
    }

    [Fact]
    public async Task Duplicate_incoming_event_is_delivered_once()
    {
        var url = service.Receiver.NewEndpoint();
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        var article = SampleEvents.ArticlePublished();
        await service.PublishAsync(article);
        await service.PublishAsync(article);

        await service.Receiver.WaitForAsync(url, 1, Patience);
        await Task.Delay(1000);
        Assert.Single(service.Receiver.At(url));
        Assert.Equal(1, (await service.DeliveriesAsync(subscription)).GetArrayLength());
    }

    [Fact]
    public async Task Secret_rotation_signs_with_both_secrets_during_the_grace_period()
    {
        var url = service.Receiver.NewEndpoint();
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        using var owner = service.Owner(subscription);
        var rotated = await (await owner.PostAsync($"/api/notifications/subscriptions/{subscription.Id}/rotate-secret", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        var newSecret = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(subscription.Secret, newSecret);
        Assert.StartsWith("whsec_", newSecret);

        await service.PublishAsync(SampleEvents.ArticlePublished());
        var request = Assert.Single(await service.Receiver.WaitForAsync(url, 1, Patience));
        Assert.Equal(2, request.Signature.Split(' ').Length);
        Assert.True(request.VerifiesWith(newSecret));
        Assert.True(request.VerifiesWith(subscription.Secret));
    }

    [Fact]
    public async Task Ping_sends_a_test_event_to_one_subscription()
    {
        var url = service.Receiver.NewEndpoint();
        var other = service.Receiver.NewEndpoint();
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        await service.SubscribeAsync(other, ["forum.article.published"]);
        using var owner = service.Owner(subscription);
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/notifications/subscriptions/{subscription.Id}/ping", null)).StatusCode);

        var ping = Assert.Single(await service.Receiver.WaitForAsync(url, 1, Patience));
        Assert.Equal(EventTypes.Ping, ping.CloudEvent.Type);
        Assert.True(ping.VerifiesWith(subscription.Secret));
        Assert.Empty(service.Receiver.At(other));
    }

    [Fact]
    public async Task A_backlog_at_one_slow_subscription_does_not_starve_the_retries_of_another()
    {
        var slow = service.Receiver.NewEndpoint(new WebhookAnswer(204, Delay: TimeSpan.FromSeconds(2)));
        var flaky = service.Receiver.NewEndpoint(new WebhookAnswer(500), new WebhookAnswer(204));
        var backlog = await service.SubscribeAsync(slow, ["forum.indicator.updated"]);
        await service.SubscribeAsync(flaky, ["forum.article.published"]);
        using var owner = service.Owner(backlog);
        await owner.PostAsync($"/api/notifications/subscriptions/{backlog.Id}/pause", null);
        for (var i = 0; i < 30; i++)
        {
            await service.PublishAsync(SampleEvents.IndicatorUpdated());
        }

        await Eventually.TrueAsync(async () => (await service.DeliveriesAsync(backlog)).GetArrayLength() == 30, Patience,
            "thirty deliveries held for the paused subscription");
        // Thirty due at once for a subscription that takes two at a time, two seconds each: more than a query's batch.
        await owner.PostAsync($"/api/notifications/subscriptions/{backlog.Id}/resume", null);
        await service.PublishAsync(SampleEvents.ArticlePublished());

        // The retry (due 0.2 s after the first attempt) comes from the database, behind thirty older due rows.
        var retried = await service.Receiver.WaitForAsync(flaky, 2, Patience);
        Assert.True(retried[1].ReceivedAt - retried[0].ReceivedAt < TimeSpan.FromSeconds(3),
            $"the retry waited {(retried[1].ReceivedAt - retried[0].ReceivedAt).TotalSeconds:0.0} s behind the backlog");
        Assert.True(service.Receiver.At(slow).Count < 30, "the backlog had already drained; the test shows nothing");
    }

    [Fact]
    public async Task A_slow_endpoint_does_not_hold_up_another_subscription()
    {
        var slow = service.Receiver.NewEndpoint(new WebhookAnswer(204, Delay: TimeSpan.FromSeconds(3)));
        var fast = service.Receiver.NewEndpoint();
        await service.SubscribeAsync(slow, ["forum.indicator.updated"]);
        await service.SubscribeAsync(fast, ["forum.article.published"]);
        for (var i = 0; i < 6; i++)
        {
            await service.PublishAsync(SampleEvents.IndicatorUpdated());
        }

        await service.PublishAsync(SampleEvents.ArticlePublished());
        var quick = Assert.Single(await service.Receiver.WaitForAsync(fast, 1, Patience));
        // Two slow requests at a time (this fixture's per-subscription limit): six take three rounds of 3 s.
        var slowDone = await service.Receiver.WaitForAsync(slow, 6, TimeSpan.FromSeconds(20));
        Assert.True(quick.ReceivedAt < slowDone[0].ReceivedAt, "the fast endpoint waited for the slow one");
        Assert.True(slowDone[5].ReceivedAt - slowDone[0].ReceivedAt >= TimeSpan.FromSeconds(5),
            "more than two requests ran at once against one subscription");
    }
}
