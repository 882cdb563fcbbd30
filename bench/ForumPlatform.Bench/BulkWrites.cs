using System.Diagnostics;
using System.Globalization;
using ForumPlatform.Contracts;
using ForumPlatform.Database;
using ForumPlatform.Notifications.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Bench;

/// <summary>
/// Why <see cref="BulkInsert{TEntity}"/> exists: one write of many new rows through EF Core's change tracker beside
/// the same rows through <c>BulkInsert</c>, alternating, on a SQLite file migrated like the notifications service's.
/// The rows are a fan-out's webhook deliveries and the outbox events of as many outcomes; the figures rebuild writes
/// its rows the same way.
/// </summary>
public static class BulkWrites
{
    private const string Scenario = "bulk-writes";

    public static async Task<(List<Series> Series, Dictionary<string, string> Notes)> RunAsync(BenchScale scale)
    {
        var (rows, rounds) = (scale.Of(10_000, 10), scale.Of(5, 1));
        var path = Path.Combine(Path.GetTempPath(), $"forumplatform-bench-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Open(path))
            {
                await db.Database.MigrateAsync();
            }

            List<double> trackedDeliveries = [], bulkDeliveries = [], trackedEvents = [], bulkEvents = [];
            for (var round = 0; round < rounds; round++)
            {
                trackedDeliveries.Add(await TimeWriteAsync(path, db =>
                {
                    db.Deliveries.AddRange(Deliveries(rows));
                    return Task.CompletedTask;
                }));
                bulkDeliveries.Add(await TimeWriteAsync(path, async db =>
                {
                    await using var insert = await BulkInsert<Delivery>.PrepareAsync(db, CancellationToken.None);
                    foreach (var delivery in Deliveries(rows))
                    {
                        await insert.AddAsync(delivery, CancellationToken.None);
                    }
                }));
                trackedEvents.Add(await TimeWriteAsync(path, db =>
                {
                    foreach (var delivered in Events(rows))
                    {
                        db.AddEvent(delivered);
                    }

                    return Task.CompletedTask;
                }));
                bulkEvents.Add(await TimeWriteAsync(path, db => db.AddEventsAsync(Events(rows), CancellationToken.None)));
            }

            List<Series> series =
            [
                new(Scenario, $"{rows:N0} deliveries, change tracker", trackedDeliveries),
                new(Scenario, $"{rows:N0} deliveries, BulkInsert", bulkDeliveries),
                new(Scenario, $"{rows:N0} outbox events, change tracker (AddEvent)", trackedEvents),
                new(Scenario, $"{rows:N0} outbox events, BulkInsert (AddEventsAsync)", bulkEvents),
            ];
            var notes = new Dictionary<string, string>
            {
                ["bulk writes"] = string.Create(CultureInfo.InvariantCulture,
                    $"{rows:N0} rows in one write, medians of {rounds} alternating rounds: deliveries " +
                    $"{Ratio(series[0], series[1]):F1}x faster with BulkInsert, outbox events {Ratio(series[2], series[3]):F1}x"),
            };
            return (series, notes);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static double Ratio(Series tracked, Series bulk) => tracked.Median / bulk.Median;

    /// <summary>One write of its own, from the start of the write to its commit.</summary>
    private static async Task<double> TimeWriteAsync(string path, Func<NotificationsDbContext, Task> write)
    {
        await using var db = Open(path);
        var stopwatch = Stopwatch.StartNew();
        await using var unit = await db.BeginWriteAsync(CancellationToken.None);
        await write(db);
        await unit.CommitAsync(CancellationToken.None);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static List<Delivery> Deliveries(int count)
    {
        var (eventId, now) = (Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        return [.. Enumerable.Range(0, count).Select(_ => new Delivery
        {
            Id = Guid.CreateVersion7(),
            SubscriptionId = Guid.NewGuid(),
            EventId = eventId,
            EventType = "forum.article.published",
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        })];
    }

    private static List<NotificationDelivered> Events(int count)
    {
        var now = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(0, count).Select(_ => new NotificationDelivered(
            Guid.CreateVersion7(), now, Guid.CreateVersion7(), Guid.NewGuid(), "webhook", "forum.article.published",
            Guid.NewGuid(), now, 1, 200, 12.5))];
    }

    private static NotificationsDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<NotificationsDbContext>().UseSqlite($"Data Source={path}").Options);
}
