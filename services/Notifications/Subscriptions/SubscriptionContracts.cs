using System.ComponentModel.DataAnnotations;
using ForumPlatform.Notifications.Data;

namespace ForumPlatform.Notifications.Subscriptions;

/// <summary>A subscription as its owner writes it. Omitted filter lists mean "no restriction".</summary>
public sealed record SubscriptionRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: Required, StringLength(200, MinimumLength = 1)] string Contact,
    [property: Required, MinLength(1), MaxLength(20)] IReadOnlyList<string> EventTypes,
    [property: StringLength(2000)] string? WebhookUrl = null,
    SubscriptionFilterRequest? Filter = null);

/// <summary>
/// Each list narrows the events that carry that attribute (tags and themes: articles; forums: articles and the
/// agenda; tracks and session ids: sessions; indicator codes: indicators; languages: articles and sessions).
/// </summary>
public sealed record SubscriptionFilterRequest(
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Themes = null,
    IReadOnlyList<string>? Forums = null,
    IReadOnlyList<string>? Tracks = null,
    IReadOnlyList<Guid>? SessionIds = null,
    IReadOnlyList<string>? IndicatorCodes = null,
    IReadOnlyList<string>? Languages = null);

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

public sealed record AttemptResponse(int Number, DateTimeOffset StartedAt, double DurationMilliseconds, int? StatusCode, string? Error);

public sealed record RedeliverRequest([property: Required] DateTimeOffset Since);

public sealed record RedeliveryResponse(int Redelivered);

public sealed record PingResponse(Guid DeliveryId, Guid EventId);
