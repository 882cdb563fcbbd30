using System.Diagnostics;
using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.Database;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Exchange;
using ForumPlatform.Notifications.LiveStream;
using ForumPlatform.Notifications.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ForumPlatform.Notifications.Subscriptions;

/// <summary>
/// Keeps an incoming event and records one pending delivery per webhook subscription that wants it, in the
/// consumer's write (the inbox filter commits it). Once committed, the dispatcher, the live stream and the
/// exchange publisher are woken.
/// </summary>
public sealed class Fanout(
    NotificationsDbContext db, TimeProvider clock, DeliverySignal deliveries, NotificationStream stream, ExchangeSignal exchange)
{
    public async Task RecordAsync<TEvent>(
        TEvent domainEvent, string source, string subject, NotificationFacts facts, CancellationToken cancellationToken)
        where TEvent : class, IForumEvent
    {
        var received = new ReceivedEvent
        {
            Id = domainEvent.EventId,
            Type = facts.Type,
            Source = source,
            Subject = subject,
            OccurredAt = domainEvent.OccurredAt,
            ReceivedAt = clock.GetUtcNow(),
            TraceId = Activity.Current?.TraceId.ToHexString(),
            TraceParent = Activity.Current?.Id,
            Data = JsonSerializer.Serialize(domainEvent, Catalog.EventCatalog.DataJson),
            Facts = facts,
        };
        db.ReceivedEvents.Add(received);

        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(subscription => subscription.WebhookUrl != null)
            .ToListAsync(cancellationToken);
        // Paused and disabled subscriptions get their deliveries too; they wait until the subscription is resumed.
        // A subscription gets what happened after it was made, however late the event reaches this service.
        var wanting = subscriptions
            .Where(subscription => subscription.CreatedAt <= received.OccurredAt && subscription.Wants(facts))
            .ToList();
        await InsertDeliveriesAsync(received, wanting, cancellationToken);

        var body = new EncodedEvent(CloudEventEncoding.Encode(received));
        db.OnCommitted(() =>
        {
            deliveries.Wake();
            exchange.Wake();
            stream.Publish(new LiveNotification(received, body));
        });
    }

    /// <summary>
    /// One prepared INSERT per delivery (<see cref="BulkInsert{TEntity}"/>) in the consumer's write: fanning one event
    /// out to thousands of subscriptions through the change tracker would cost seconds.
    /// </summary>
    private async Task InsertDeliveriesAsync(ReceivedEvent received, List<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        if (subscriptions.Count == 0)
        {
            return;
        }

        await using var insert = await BulkInsert<Delivery>.PrepareAsync(db, cancellationToken);
        foreach (var wanting in subscriptions)
        {
            await insert.AddAsync(new Delivery
            {
                Id = Guid.CreateVersion7(received.ReceivedAt),
                SubscriptionId = wanting.Id,
                EventId = received.Id,
                EventType = received.Type,
                Status = DeliveryStatus.Pending,
                NextAttemptAt = received.ReceivedAt,
                CreatedAt = received.ReceivedAt,
            }, cancellationToken);
        }
    }
}
