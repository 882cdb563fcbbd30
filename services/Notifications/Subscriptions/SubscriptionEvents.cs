using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;

namespace ForumPlatform.Notifications.Subscriptions;

/// <summary>The events a subscription's life raises, so other services can count subscribers without asking.</summary>
internal static class SubscriptionEvents
{
    public static SubscriptionStatusChanged StatusChanged(
        Subscription subscription, SubscriptionStatus? oldStatus, SubscriptionStatus? newStatus, DateTimeOffset now) => new(
        Guid.CreateVersion7(now), now, subscription.Id, subscription.Channel,
        oldStatus?.ToString().ToLowerInvariant(), newStatus?.ToString().ToLowerInvariant(), subscription.StatusReason);
}
