using System.Net;
using System.Text;
using CloudNative.CloudEvents.SystemTextJson;
using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Exchange;
using ForumPlatform.Testing;
using RabbitMQ.Client;

namespace ForumPlatform.Notifications.Tests;

/// <summary>The other two channels: Server-Sent Events with resume, and the topic exchange on the real broker.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class StreamAndExchangeTests(NotificationsServiceFixture service)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stream_is_filtered_and_resumes_from_Last_Event_ID()
    {
        var forum = $"forum-{Guid.NewGuid():N}"[..20];
        using var client = service.Anonymous();
        string lastSeen;
        using (var first = await ServerSentEventsReader.OpenAsync(client, $"/api/notifications/stream?types=forum.article.*&forum={forum}"))
        {
            var wanted = SampleEvents.ArticlePublished(forum: forum);
            await service.PublishAsync(SampleEvents.ArticlePublished(forum: "another-forum"));
            await service.PublishAsync(SampleEvents.SessionScheduled());
            await service.PublishAsync(wanted);
            var item = await first.NextAsync("message", Patience);
            Assert.Equal(wanted.EventId.ToString(), item.Id);
            var cloudEvent = new JsonEventFormatter().DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(item.Data), null, null);
            Assert.Equal(EventTypes.ArticlePublished, cloudEvent.Type);
            Assert.Equal(wanted.EventId.ToString(), cloudEvent.Id);
            lastSeen = item.Id!;
            var heartbeat = await first.NextAsync("heartbeat", TimeSpan.FromSeconds(5));
            Assert.Null(heartbeat.Id);
        }

        // Missed while disconnected.
        var missed1 = SampleEvents.ArticlePublished(forum: forum);
        var missed2 = SampleEvents.ArticlePublished(forum: forum);
        await service.PublishAsync(missed1);
        await service.PublishAsync(SampleEvents.ArticlePublished(forum: "another-forum"));
        await service.PublishAsync(missed2);
        await Eventually.TrueAsync(() => service.WithServiceAsync<Data.NotificationsDbContext, bool>(db =>
            Task.FromResult(db.ReceivedEvents.Any(e => e.Id == missed2.EventId))), Patience, "the missed events to be stored");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/notifications/stream?types=forum.article.*&forum={forum}");
        request.Headers.Add("Last-Event-ID", lastSeen);
        using var resumed = await ServerSentEventsReader.OpenAsync(client, request);
        var replayed1 = await resumed.NextAsync("message", Patience);
        var replayed2 = await resumed.NextAsync("message", Patience);
        Assert.Equal(new[] { missed1.EventId.ToString(), missed2.EventId.ToString() }, new[] { replayed1.Id!, replayed2.Id! });

        var live = SampleEvents.ArticlePublished(forum: forum);
        await service.PublishAsync(live);
        Assert.Equal(live.EventId.ToString(), (await resumed.NextAsync("message", Patience)).Id);
    }

    [Fact]
    public async Task A_stream_only_subscription_filters_its_stream()
    {
        var forum = $"forum-{Guid.NewGuid():N}"[..20];
        var subscription = await service.SubscribeAsync(null, ["forum.article.*"], new { forums = new[] { forum } });
        using var anonymous = service.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.GetAsync($"/api/notifications/stream?subscription={subscription.Id}")).StatusCode);

        using var owner = service.Owner(subscription);
        using var stream = await ServerSentEventsReader.OpenAsync(owner, $"/api/notifications/stream?subscription={subscription.Id}");
        var wanted = SampleEvents.ArticlePublished(forum: forum);
        await service.PublishAsync(SampleEvents.ArticlePublished(forum: "another-forum"));
        await service.PublishAsync(wanted);
        Assert.Equal(wanted.EventId.ToString(), (await stream.NextAsync("message", Patience)).Id);
    }

    [Fact]
    public async Task Stream_refuses_unknown_types()
    {
        using var client = service.Anonymous();
        var response = await client.GetAsync("/api/notifications/stream?types=forum.nothing");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("types", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_queue_bound_to_the_exchange_receives_the_CloudEvent_with_the_type_as_routing_key()
    {
        var factory = new ConnectionFactory { Uri = new Uri(service.Broker.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        // Declared by the service at start; a subscriber binds its own queue, here to session events only.
        await channel.ExchangeDeclarePassiveAsync(ExchangePublisher.ExchangeName);
        var queue = (await channel.QueueDeclareAsync(exclusive: true)).QueueName;
        await channel.QueueBindAsync(queue, ExchangePublisher.ExchangeName, "forum.session.*");

        var rescheduled = SampleEvents.SessionRescheduled();
        await service.PublishAsync(SampleEvents.ArticlePublished());
        await service.PublishAsync(rescheduled);

        var message = await Eventually.GetAsync(async () => await channel.BasicGetAsync(queue, autoAck: true), Patience,
            "the CloudEvent on the bound queue");
        Assert.Equal(EventTypes.SessionRescheduled, message.RoutingKey);
        Assert.Equal("application/cloudevents+json", message.BasicProperties.ContentType);
        var cloudEvent = new JsonEventFormatter().DecodeStructuredModeMessage(message.Body.ToArray(), null, null);
        Assert.Equal(rescheduled.EventId.ToString(), cloudEvent.Id);
        Assert.Equal("/agenda", cloudEvent.Source!.ToString());
        await Task.Delay(300);
        Assert.Null(await channel.BasicGetAsync(queue, autoAck: true)); // the article did not match the binding
    }
}
