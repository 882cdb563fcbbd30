using ForumPlatform.Web.Api;
using ForumPlatform.Web.Portal;

namespace ForumPlatform.Web.Workspace;

/// <summary>What admins read and do across every subscription, with their own token (the API refuses anyone else).</summary>
public sealed class AdminNotificationsApi(PersonalApi api, SubscriberApi subscriptions)
{
    public Task<ApiResult<List<SubscriptionDetails>>> SubscriptionsAsync(CancellationToken cancellationToken) =>
        api.GetAsync<List<SubscriptionDetails>>("/api/notifications/subscriptions", cancellationToken);

    /// <summary>The latest deliveries that failed, across subscriptions, newest first.</summary>
    public Task<ApiResult<List<DeliveryLogEntry>>> FailedDeliveriesAsync(CancellationToken cancellationToken) =>
        api.GetAsync<List<DeliveryLogEntry>>("/api/notifications/deliveries?status=failed&limit=100", cancellationToken);

    /// <summary>Sends one delivery again (an admin may, for any subscription).</summary>
    public Task<ApiResult<object>> RedeliverAsync(Guid subscriptionId, Guid deliveryId, CancellationToken cancellationToken) =>
        subscriptions.RedeliverAsync(subscriptionId, deliveryId, cancellationToken);
}
