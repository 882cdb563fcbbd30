namespace ForumPlatform.Contracts;

/// <summary>
/// A notification reached its subscriber. Latency runs from the source event's <c>OccurredAt</c> to the
/// subscriber's answer, retries included.
/// </summary>
public sealed record NotificationDelivered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid DeliveryId,
    Guid SubscriptionId,
    string Channel,
    string EventType,
    Guid SourceEventId,
    DateTimeOffset SourceOccurredAt,
    int Attempts,
    int? StatusCode,
    double LatencyMilliseconds = 0) : IForumEvent;

/// <summary>A delivery attempt failed; <see cref="GaveUp"/> says whether retries are exhausted.</summary>
public sealed record NotificationFailed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid DeliveryId,
    Guid SubscriptionId,
    string Channel,
    string EventType,
    Guid SourceEventId,
    int Attempts,
    int? StatusCode,
    string Error,
    bool GaveUp) : IForumEvent;

/// <summary>
/// A subscription was created (no old status), changed status, or was deleted (no new status). Statuses are
/// <c>active</c>, <c>paused</c> and <c>disabled</c>. For platform figures; not offered to subscribers.
/// </summary>
public sealed record SubscriptionStatusChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid SubscriptionId,
    string Channel,
    string? OldStatus,
    string? NewStatus,
    string? Reason) : IForumEvent;
