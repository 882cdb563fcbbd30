namespace ForumPlatform.Statistics.Api;

/// <summary>The page header public data APIs put before their data.</summary>
public sealed record PageHeader(int Page, int Pages, int PerPage, int Total, DateTimeOffset? LastUpdated);

public sealed record ObservationResponse(
    string Indicator, string Reporter, string Partner, string Period, decimal? Value, string? Status, string? Note, DateTimeOffset LastUpdated);

public sealed record ObservationPage(PageHeader Page, IndicatorResponse Indicator, IReadOnlyList<ObservationResponse> Observations);

public sealed record ObservationRevisionResponse(decimal? Value, string? Status, string? Note, DateTimeOffset StoredAt, Guid ImportId, DateTimeOffset ReplacedAt);

public sealed record ObservationHistoryResponse(ObservationResponse Current, IReadOnlyList<ObservationRevisionResponse> Revisions);
