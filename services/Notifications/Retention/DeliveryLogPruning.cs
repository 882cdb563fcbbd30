using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

using ForumPlatform.Notifications.Data;

namespace ForumPlatform.Notifications.Retention;

/// <summary>
/// Deletes what has served its purpose: ended deliveries past the delivery-log retention, then events nothing
/// refers to any more. Pending deliveries (retrying, or held for a paused subscription) and their events stay, but a
/// delivery held past <see cref="RetentionOptions.HeldDeliveries"/> fails, and is then deleted as any failed one.
/// </summary>
public static class DeliveryLogPruning
{
    public static readonly ActivitySource ActivitySource = new("ForumPlatform.Notifications.Retention");

    /// <summary>Whether a prune would change anything: asked first, untraced, so an idle sweep leaves no trace.</summary>
    public static async Task<bool> HasWorkAsync(NotificationsDbContext db, RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken) =>
        await HeldTooLong(db, options, now).AnyAsync(cancellationToken)
        || await Ended(db, options, now).AnyAsync(cancellationToken)
        || await Unreferenced(db, options, now).AnyAsync(cancellationToken);

    public static async Task<(int Deliveries, int Events)> PruneAsync(
        NotificationsDbContext db, RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("retention sweep");
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var reason = $"Held for more than {options.HeldDeliveries.TotalDays:0.#} days while the subscription was paused or disabled.";
        await HeldTooLong(db, options, now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(delivery => delivery.Status, DeliveryStatus.Failed)
                .SetProperty(delivery => delivery.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(delivery => delivery.CompletedAt, now)
                .SetProperty(delivery => delivery.LastError, reason), cancellationToken);
        var ended = Ended(db, options, now);
        await db.DeliveryAttempts.Where(attempt => ended.Any(delivery => delivery.Id == attempt.DeliveryId)).ExecuteDeleteAsync(cancellationToken);
        var deliveries = await ended.ExecuteDeleteAsync(cancellationToken);
        var events = await Unreferenced(db, options, now).ExecuteDeleteAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        return (deliveries, events);
    }

    private static IQueryable<Delivery> HeldTooLong(NotificationsDbContext db, RetentionOptions options, DateTimeOffset now)
    {
        var heldBefore = now - options.HeldDeliveries;
        return db.Deliveries.Where(delivery => delivery.Status == DeliveryStatus.Pending && delivery.CreatedAt < heldBefore
            && db.Subscriptions.Any(subscription => subscription.Id == delivery.SubscriptionId && subscription.Status != SubscriptionStatus.Active));
    }

    private static IQueryable<Delivery> Ended(NotificationsDbContext db, RetentionOptions options, DateTimeOffset now)
    {
        var endedBefore = now - options.DeliveryLog;
        return db.Deliveries.Where(delivery => delivery.Status != DeliveryStatus.Pending && delivery.CompletedAt < endedBefore);
    }

    private static IQueryable<ReceivedEvent> Unreferenced(NotificationsDbContext db, RetentionOptions options, DateTimeOffset now)
    {
        var receivedBefore = now - options.Events;
        return db.ReceivedEvents.Where(received => received.ReceivedAt < receivedBefore && received.ExchangePublishedAt != null
            && !db.Deliveries.Any(delivery => delivery.EventId == received.Id));
    }
}
