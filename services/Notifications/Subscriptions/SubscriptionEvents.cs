using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;

namespace ForumPlatform.Notifications.Subscriptions;

/// <summary>The events a subscription's life raises, so other services can count subscribers without asking.</summary>
internal static class SubscriptionEvents
{
    /// <summary>A new subscription, in the status it starts with.</summary>
    public static void AddCreated(this NotificationsDbContext db, Subscription subscription, DateTimeOffset now) =>
        db.AddEvent(StatusChanged(subscription, null, subscription.Status, null, now));

    /// <summary>A subscription removed, with who removed it.</summary>
    public static void AddDeleted(this NotificationsDbContext db, Subscription subscription, string reason, DateTimeOffset now) =>
        db.AddEvent(StatusChanged(subscription, subscription.Status, null, reason, now));

    /// <summary>
    /// Moves <paramref name="subscription"/> to <paramref name="status"/> and, if that is a change, raises the event with
    /// <paramref name="reason"/>: why it changed (who paused or resumed it, which failure disabled it). The subscription
    /// keeps the reason while it is paused or disabled; an active one has none.
    /// </summary>
    public static void ChangeStatus(
        this NotificationsDbContext db, Subscription subscription, SubscriptionStatus status, string reason, DateTimeOffset now)
    {
        var oldStatus = subscription.Status;
        subscription.Status = status;
        subscription.StatusReason = status == SubscriptionStatus.Active ? null : reason;
        subscription.UpdatedAt = now;
        if (oldStatus != status)
        {
            db.AddEvent(StatusChanged(subscription, oldStatus, status, reason, now));
        }
    }

    private static SubscriptionStatusChanged StatusChanged(
        Subscription subscription, SubscriptionStatus? oldStatus, SubscriptionStatus? newStatus, string? reason, DateTimeOffset now) => new(
        Guid.CreateVersion7(now), now, subscription.Id, subscription.Channel,
        oldStatus?.ToString().ToLowerInvariant(), newStatus?.ToString().ToLowerInvariant(), reason);
}
