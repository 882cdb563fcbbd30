using ForumPlatform.Statistics.Data;

namespace ForumPlatform.Statistics.Api;

public sealed record IndicatorResponse(
    string Code, string Name, string Unit, int Scale, string? Description, IndicatorSourceBody Source, string Frequency,
    bool SampleData, DateTimeOffset UpdatedAt, int Observations, DateTimeOffset? ObservationsUpdatedAt)
{
    public static IndicatorResponse From(Indicator indicator) => new(
        indicator.Code, indicator.Name, indicator.Unit, indicator.Scale, indicator.Description,
        new IndicatorSourceBody(indicator.SourceOrganization, indicator.SourceUrl),
        indicator.Frequency.ToString().ToLowerInvariant(), indicator.IsSampleData, indicator.UpdatedAt,
        indicator.ObservationCount, indicator.ObservationsUpdatedAt);
}

public sealed record AreaResponse(string Code, string Name, IReadOnlyList<string> Members);
