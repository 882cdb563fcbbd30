namespace ForumPlatform.Contracts;

/// <summary>An import changed an observation; a null value means "not available".</summary>
public sealed record IndicatorUpdated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string IndicatorCode,
    string IndicatorName,
    string Unit,
    string Reporter,
    string Partner,
    string Period,
    decimal? OldValue,
    decimal? NewValue,
    string? Source) : IForumEvent;
