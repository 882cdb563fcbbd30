namespace ForumPlatform.Statistics.Api;

/// <summary>One day's delivery latency: nearest-rank median and 95th percentile, in milliseconds.</summary>
public sealed record DailyLatency(string Day, int Deliveries, double MedianMilliseconds, double P95Milliseconds);

public sealed record PlatformFiguresResponse(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Metrics, IReadOnlyList<DailyLatency> DeliveryLatency);

public sealed record RecordedEventResponse(
    Guid EventId, string EventType, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? TraceId);
