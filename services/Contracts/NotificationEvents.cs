namespace ForumPlatform.Contracts;

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
    int? StatusCode) : IForumEvent;

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
