namespace ForumPlatform.Contracts;

/// <summary>What an indicator code looks like, e.g. <c>trade.total.usd</c>: statistics defines codes by it, and subscribers filter by it.</summary>
public static class IndicatorCodes
{
    public const string Pattern = "^[a-z0-9]+([._-][a-z0-9]+)*$";
}

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
