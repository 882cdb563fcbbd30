using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Data;
using ForumPlatform.Statistics.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Api;

/// <summary>One day's delivery latency: nearest-rank median and 95th percentile, in milliseconds.</summary>
public sealed record DailyLatency(string Day, int Deliveries, double MedianMilliseconds, double P95Milliseconds);

public sealed record PlatformFiguresResponse(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Metrics, IReadOnlyList<DailyLatency> DeliveryLatency);

public sealed record RecordedEventResponse(
    Guid EventId, string EventType, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? TraceId);

public static class PlatformFiguresApi
{
    public static RouteGroupBuilder MapPlatformFiguresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stats/platform").WithTags("Platform figures");
        api.MapGet("/", GetFigures).WithName("GetPlatformFigures")
            .WithSummary("Platform figures counted from events: each metric by dimension (all, day:, tag:, language:, track:, " +
                         "release:, ...), and the delivery latency of the most recent days (days=, default 30).");
        api.MapGet("/events", ListRecordedEvents).WithName("ListRecordedEvents")
            .WithSummary("The most recent events the figures were counted from, with when they were recorded.")
            .RequireAuthorization(ForumPolicies.Admin);
        api.MapPost("/rebuild", Rebuild).WithName("RebuildPlatformFigures")
            .WithSummary("Recomputes every figure from the event log (admin); also `dotnet run --project services/Statistics -- rebuild-figures`.")
            .RequireAuthorization(ForumPolicies.Admin);
        return api;
    }

    private static async Task<Ok<PlatformFiguresResponse>> GetFigures(
        StatisticsDbContext db, CancellationToken cancellationToken, [FromQuery] string? metric, [FromQuery] int? days)
    {
        var query = db.Counters.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(metric))
        {
            query = query.Where(counter => counter.Metric == metric);
        }

        var counters = await query.ToListAsync(cancellationToken);
        var metrics = counters
            .GroupBy(counter => counter.Metric)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyDictionary<string, long>)group
                    .OrderBy(counter => counter.Dimension, StringComparer.Ordinal)
                    .ToDictionary(counter => counter.Dimension, counter => counter.Value));
        return TypedResults.Ok(new PlatformFiguresResponse(metrics, await LatencyAsync(db, Math.Clamp(days ?? 30, 1, 366), cancellationToken)));
    }

    /// <summary>
    /// The most recent days' counts and nearest-rank percentiles in one query: each day's latencies are numbered in
    /// order along the (day, milliseconds) index, and the rows at ceil(p × n) − 1 are picked, in integer arithmetic:
    /// (n + 1) / 2 − 1 for the median, (19n + 19) / 20 − 1 for the 95th percentile.
    /// </summary>
    private static Task<List<DailyLatency>> LatencyAsync(StatisticsDbContext db, int days, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<DailyLatency>($"""
            WITH "Ranked" AS (
                SELECT "Day", "Milliseconds",
                       ROW_NUMBER() OVER (PARTITION BY "Day" ORDER BY "Milliseconds") - 1 AS "Rank",
                       COUNT(*) OVER (PARTITION BY "Day") AS "Deliveries"
                FROM "DeliveryLatencies"
                WHERE "Day" IN (SELECT DISTINCT "Day" FROM "DeliveryLatencies" ORDER BY "Day" DESC LIMIT {days}))
            SELECT "Day", "Deliveries",
                   MAX(CASE WHEN "Rank" = ("Deliveries" + 1) / 2 - 1 THEN "Milliseconds" END) AS "MedianMilliseconds",
                   MAX(CASE WHEN "Rank" = (19 * "Deliveries" + 19) / 20 - 1 THEN "Milliseconds" END) AS "P95Milliseconds"
            FROM "Ranked"
            GROUP BY "Day", "Deliveries"
            ORDER BY "Day" DESC
            """).ToListAsync(cancellationToken);

    private static async Task<Ok<List<RecordedEventResponse>>> ListRecordedEvents(
        StatisticsDbContext db, CancellationToken cancellationToken, string? type = null, int limit = 100)
    {
        var query = db.Events.AsNoTracking();
        if (type is not null)
        {
            query = query.Where(recorded => recorded.EventType == type);
        }

        var events = await query
            .OrderByDescending(recorded => recorded.RecordedAt)
            .Take(Math.Clamp(limit, 1, 1000))
            .Select(recorded => new RecordedEventResponse(
                recorded.EventId, recorded.EventType, recorded.OccurredAt, recorded.RecordedAt, recorded.TraceId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(events);
    }

    private static async Task<Ok<RebuildReport>> Rebuild(PlatformFigures figures, CancellationToken cancellationToken) =>
        TypedResults.Ok(await figures.RebuildAsync(cancellationToken));
}
