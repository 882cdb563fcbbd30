using System.Diagnostics;
using System.Text.Json;
using ForumPlatform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Notifications.Data;

/// <summary>
/// Keeps an incoming event and records one pending delivery per subscription that wants it, in the
/// consumer's transaction (the inbox commits it).
/// </summary>
public sealed class Fanout(NotificationsDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RecordAsync<TEvent>(
        TEvent domainEvent, string eventType, string subject, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
        where TEvent : class, IForumEvent
    {
        var now = clock.GetUtcNow();
        db.ReceivedEvents.Add(new ReceivedEvent
        {
            Id = domainEvent.EventId,
            Type = eventType,
            Subject = subject,
            OccurredAt = domainEvent.OccurredAt,
            ReceivedAt = now,
            TraceId = Activity.Current?.TraceId.ToHexString(),
            Data = JsonSerializer.Serialize(domainEvent, Json),
        });

        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(subscription => subscription.Active)
            .ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions.Where(s => s.Wants(eventType, tags)))
        {
            db.Deliveries.Add(new Delivery
            {
                Id = Guid.CreateVersion7(now),
                SubscriptionId = subscription.Id,
                EventId = domainEvent.EventId,
                EventType = eventType,
                Status = DeliveryStatus.Pending,
                CreatedAt = now,
            });
        }
    }
}
