using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.Database;
using ForumPlatform.Statistics.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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

        // One upsert per counter: no read-modify-write in C#, so the counting is as cheap as the log insert.
        foreach (var (metric, dimension, delta) in Combine(FigureRules.For(domainEvent)))
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Counters" ("Metric", "Dimension", "Value", "UpdatedAt") VALUES ({metric}, {dimension}, {delta}, {now.UtcDateTime})
                ON CONFLICT ("Metric", "Dimension") DO UPDATE SET "Value" = "Value" + excluded."Value", "UpdatedAt" = excluded."UpdatedAt"
                """, cancellationToken);
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
        var now = clock.GetUtcNow().UtcDateTime;
        var transactionHandle = db.Database.CurrentTransaction!.GetDbTransaction();
        await InsertAllAsync(transactionHandle, """INSERT INTO "Counters" ("Metric", "Dimension", "Value", "UpdatedAt") VALUES ($1, $2, $3, $4)""",
            totals.Select(total => new object[] { total.Key.Metric, total.Key.Dimension, total.Value, now }), cancellationToken);
        await InsertAllAsync(transactionHandle, """INSERT INTO "DeliveryLatencies" ("Day", "Milliseconds") VALUES ($1, $2)""",
            latencies.Select(latency => new object[] { latency.Day, latency.Milliseconds }), cancellationToken);
        await write.CommitAsync(cancellationToken);

        return new RebuildReport(events, skipped, totals.Count, latencies.Count, stopwatch.Elapsed.TotalSeconds);
    }

    private static IEnumerable<CounterDelta> Combine(IEnumerable<CounterDelta> deltas) => deltas
        .GroupBy(delta => (delta.Metric, delta.Dimension))
        .Select(group => new CounterDelta(group.Key.Metric, group.Key.Dimension, group.Sum(delta => delta.Delta)));

    private static async Task InsertAllAsync(DbTransaction transaction, string sql, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        List<DbParameter>? parameters = null;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                parameters = [.. row.Select((_, index) => command.AddParameter($"${index + 1}"))];
            }

            for (var index = 0; index < row.Length; index++)
            {
                parameters[index].Value = row[index];
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
