using ForumPlatform.Web.Api;

namespace ForumPlatform.Web.Portal;

/// <summary>
/// A signed-in subscriber's calls about the subscriptions they made, with their own token (<see cref="PersonalApi"/>):
/// the notifications service lets the person who made a subscription signed in manage it.
/// </summary>
public sealed class SubscriberApi(PersonalApi api)
{
    private const string Subscriptions = "/api/notifications/subscriptions";

    /// <summary>A new subscription, made with the person's token so it is theirs to manage here.</summary>
    public Task<ApiResult<CreatedSubscription>> CreateAsync(SubscriptionRequest subscription, CancellationToken cancellationToken) =>
        api.SendAsync<CreatedSubscription>(HttpMethod.Post, Subscriptions, cancellationToken, subscription);

    public Task<ApiResult<List<SubscriptionDetails>>> MineAsync(CancellationToken cancellationToken) =>
        api.GetAsync<List<SubscriptionDetails>>("/api/notifications/me/subscriptions", cancellationToken);

    public Task<ApiResult<SubscriptionDetails>> SubscriptionAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<SubscriptionDetails>($"{Subscriptions}/{id}", cancellationToken);

    public Task<ApiResult<SubscriptionDetails>> ReplaceAsync(Guid id, SubscriptionRequest subscription, CancellationToken cancellationToken) =>
        api.SendAsync<SubscriptionDetails>(HttpMethod.Put, $"{Subscriptions}/{id}", cancellationToken, subscription);

    /// <summary>pause, resume, ping: a POST with no body.</summary>
    public Task<ApiResult<object>> ActAsync(Guid id, string action, CancellationToken cancellationToken) =>
        api.SendAsync<object>(HttpMethod.Post, $"{Subscriptions}/{id}/{action}", cancellationToken);

    /// <summary>A new signing secret, shown in this answer only; the old one keeps signing too for a while.</summary>
    public Task<ApiResult<RotatedSecret>> RotateSecretAsync(Guid id, CancellationToken cancellationToken) =>
        api.SendAsync<RotatedSecret>(HttpMethod.Post, $"{Subscriptions}/{id}/rotate-secret", cancellationToken);

    public Task<ApiResult<List<DeliveryLogEntry>>> DeliveriesAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<List<DeliveryLogEntry>>($"{Subscriptions}/{id}/deliveries?limit=50", cancellationToken);

    public Task<ApiResult<object>> RedeliverAsync(Guid id, Guid deliveryId, CancellationToken cancellationToken) =>
        api.SendAsync<object>(HttpMethod.Post, $"{Subscriptions}/{id}/deliveries/{deliveryId}/redeliver", cancellationToken);

    /// <summary>Every failed delivery since <paramref name="since"/>, sent again.</summary>
    public Task<ApiResult<Redelivery>> RedeliverSinceAsync(Guid id, DateTimeOffset since, CancellationToken cancellationToken) =>
        api.SendAsync<Redelivery>(HttpMethod.Post, $"{Subscriptions}/{id}/redeliver", cancellationToken, new { since });
}

// The notifications service's answers, as the portal shows them.

public sealed record SubscriptionDetails(
    Guid Id, string Name, string Contact, string Channel, string? WebhookUrl, IReadOnlyList<string> EventTypes, SubscriptionFilter Filter,
    string Status, string? StatusReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PreviousSecretExpiresAt)
{
    public SubscriptionRequest ToRequest() => new(Name, Contact, EventTypes, WebhookUrl, Filter);
}

public sealed record RotatedSecret(string Secret, DateTimeOffset? PreviousSecretExpiresAt);

public sealed record Redelivery(int Redelivered);

public sealed record DeliveryAttemptEntry(int Number, DateTimeOffset StartedAt, double DurationMilliseconds, int? StatusCode, string? Error, string? ResponseExcerpt);

public sealed record DeliveryLogEntry(
    Guid Id, Guid SubscriptionId, Guid EventId, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? CompletedAt, int? LastStatusCode, string? LastError, IReadOnlyList<DeliveryAttemptEntry> AttemptLog);
