namespace ForumPlatform.Statistics.Api;

public sealed record SeriesResponse<TPoint>(
    IndicatorResponse Indicator, string Reporter, IReadOnlyList<string> Partners, string? Region, IReadOnlyList<TPoint> Points);
