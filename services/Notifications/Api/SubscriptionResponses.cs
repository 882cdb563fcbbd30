using ForumPlatform.Notifications.Data;

namespace ForumPlatform.Notifications.Api;

public sealed record SubscriptionResponse(
    Guid Id,
    string Name,
    string Contact,
    string Channel,
    string? WebhookUrl,
    IReadOnlyList<string> EventTypes,
    SubscriptionFilter Filter,
    string Status,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PreviousSecretExpiresAt)
{
    public static SubscriptionResponse From(Subscription subscription) => new(
        subscription.Id, subscription.Name, subscription.Contact, subscription.Channel, subscription.WebhookUrl,
        subscription.EventTypes, subscription.Filter, subscription.Status.ToString().ToLowerInvariant(), subscription.StatusReason,
        subscription.CreatedAt, subscription.UpdatedAt, subscription.PreviousSecretExpiresAt);
}

/// <summary>The only time the signing secret and the management token are shown.</summary>
public sealed record CreatedSubscriptionResponse(SubscriptionResponse Subscription, string Secret, string ManagementToken);

public sealed record RotatedSecretResponse(string Secret, DateTimeOffset PreviousSecretExpiresAt);

public sealed record DeliveryResponse(
    Guid Id,
    Guid SubscriptionId,
    Guid EventId,
    string EventType,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? CompletedAt,
    int? LastStatusCode,
    string? LastError,
    string? TraceId,
    IReadOnlyList<AttemptResponse> AttemptLog);

/// <summary>One attempt: when, how long until the answer, its status (or the error that prevented one) and the start of the answer.</summary>
public sealed record AttemptResponse(
    int Number, DateTimeOffset StartedAt, double DurationMilliseconds, int? StatusCode, string? Error, string? ResponseExcerpt);

public sealed record RedeliveryResponse(int Redelivered);

public sealed record PingResponse(Guid DeliveryId, Guid EventId);
