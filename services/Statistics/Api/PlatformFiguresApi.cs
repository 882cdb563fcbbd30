using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Api;

public sealed record PlatformFiguresResponse(IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Metrics);

public sealed record RecordedEventResponse(
    Guid EventId, string EventType, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? TraceId);

public static class PlatformFiguresApi
{
    public static RouteGroupBuilder MapPlatformFiguresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stats/platform").WithTags("Platform figures");
        api.MapGet("/", GetFigures).WithName("GetPlatformFigures")
            .WithSummary("Platform figures counted from events: each metric by dimension (all, day:, tag:, language:, ...).");
        api.MapGet("/events", ListRecordedEvents).WithName("ListRecordedEvents")
            .WithSummary("The most recent events the figures were counted from, with when they were recorded.")
            .RequireAuthorization(ForumPolicies.Admin);
        return api;
    }

    private static async Task<Ok<PlatformFiguresResponse>> GetFigures(StatisticsDbContext db, CancellationToken cancellationToken)
    {
        var counters = await db.Counters.AsNoTracking().ToListAsync(cancellationToken);
        var metrics = counters
            .GroupBy(counter => counter.Metric)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyDictionary<string, long>)group
                    .OrderBy(counter => counter.Dimension, StringComparer.Ordinal)
                    .ToDictionary(counter => counter.Dimension, counter => counter.Value));
        return TypedResults.Ok(new PlatformFiguresResponse(metrics));
    }

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
}
