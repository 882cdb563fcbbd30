using System.Diagnostics;
using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.Database;
using ForumPlatform.Statistics.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Platform;

/// <summary>What a rebuild read and wrote.</summary>
public sealed record RebuildReport(int Events, int Skipped, int Counters, int Latencies, double Seconds);

/// <summary>
/// Keeps the platform figures: every event is logged as received and counted in the consumer's write (the
/// inbox filter commits both). An event already in the log is not counted again, however it arrives. The figures can be
/// rebuilt from the log at any time.
/// </summary>
public sealed class PlatformFigures(StatisticsDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(IForumEvent domainEvent, CancellationToken cancellationToken)
    {
        if (await db.Events.AnyAsync(recorded => recorded.EventId == domainEvent.EventId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.Events.Add(new RecordedEvent
        {
            EventId = domainEvent.EventId,
            EventType = FigureRules.NameOf(domainEvent),
            OccurredAt = domainEvent.OccurredAt,
            RecordedAt = now,
            TraceId = Activity.Current?.TraceId.ToHexString(),
            Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), FigureRules.Json),
        });

        // Counted in the database (Value + delta, one statement), not read into C# and written back: as cheap as the log
        // insert, and right however many writers count at once. A counter seen for the first time is added.
        foreach (var (metric, dimension, delta) in Combine(FigureRules.For(domainEvent)))
        {
            var counted = await db.Counters
                .Where(counter => counter.Metric == metric && counter.Dimension == dimension)
                .ExecuteUpdateAsync(counter => counter
                    .SetProperty(c => c.Value, c => c.Value + delta)
                    .SetProperty(c => c.UpdatedAt, now), cancellationToken);
            if (counted == 0)
            {
                db.Counters.Add(new PlatformCounter { Metric = metric, Dimension = dimension, Value = delta, UpdatedAt = now });
            }
        }

        if (FigureRules.Latency(domainEvent) is { } latency)
        {
            db.DeliveryLatencies.Add(new DeliveryLatency { Day = latency.Day, Milliseconds = latency.Milliseconds });
        }
    }

    /// <summary>
    /// Recomputes every counter and latency from the event log in one write: the figures are replaced, not
    /// added to, so a rebuild can run as often as wanted.
    /// </summary>
    public async Task<RebuildReport> RebuildAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var totals = new Dictionary<(string Metric, string Dimension), long>();
        var latencies = new List<(string Day, double Milliseconds)>();
        int events = 0, skipped = 0;

        await using var write = await db.BeginWriteAsync(cancellationToken);
        await foreach (var recorded in db.Events.AsNoTracking().OrderBy(recorded => recorded.RecordedAt)
                           .Select(recorded => new { recorded.EventType, recorded.Payload })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (FigureRules.Read(recorded.EventType, recorded.Payload) is not { } domainEvent)
            {
                skipped++;
                continue;
            }

            events++;
            foreach (var (metric, dimension, delta) in FigureRules.For(domainEvent))
            {
                totals[(metric, dimension)] = totals.GetValueOrDefault((metric, dimension)) + delta;
            }

            if (FigureRules.Latency(domainEvent) is { } latency)
            {
                latencies.Add(latency);
            }
        }

        await db.Counters.ExecuteDeleteAsync(cancellationToken);
        await db.DeliveryLatencies.ExecuteDeleteAsync(cancellationToken);
        // A row per delivered notification ever, millions in a long-lived log: written like the outbox's bulk events,
        // without the change tracker.
        var now = clock.GetUtcNow();
        await using (var counterRows = await BulkInsert<PlatformCounter>.PrepareAsync(db, cancellationToken))
        {
            foreach (var ((metric, dimension), value) in totals)
            {
                await counterRows.AddAsync(new PlatformCounter { Metric = metric, Dimension = dimension, Value = value, UpdatedAt = now }, cancellationToken);
            }
        }

        await using (var latencyRows = await BulkInsert<DeliveryLatency>.PrepareAsync(db, cancellationToken))
        {
            foreach (var (day, milliseconds) in latencies)
            {
                await latencyRows.AddAsync(new DeliveryLatency { Day = day, Milliseconds = milliseconds }, cancellationToken);
            }
        }

        await write.CommitAsync(cancellationToken);

        return new RebuildReport(events, skipped, totals.Count, latencies.Count, stopwatch.Elapsed.TotalSeconds);
    }

    private static IEnumerable<CounterDelta> Combine(IEnumerable<CounterDelta> deltas) => deltas
        .GroupBy(delta => (delta.Metric, delta.Dimension))
        .Select(group => new CounterDelta(group.Key.Metric, group.Key.Dimension, group.Sum(delta => delta.Delta)));
}
