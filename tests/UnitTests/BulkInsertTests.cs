using System.Globalization;
using ForumPlatform.Database;
using ForumPlatform.Messaging.Tests;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Statistics.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.UnitTests;

/// <summary>
/// The statements written without the change tracker (<see cref="BulkInsert{TEntity}"/>): outbox rows from
/// <c>AddEventsAsync</c>, webhook deliveries from the fan-out, observations and their revisions from an import, and the
/// platform figures' counters and latencies from a rebuild. Each row must read back as written, and be stored
/// byte for byte as SaveChanges stores the same values, so a changed converter or column shows here.
/// </summary>
public sealed class BulkInsertTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 12, 2, 9, 30, 15, 123, TimeSpan.FromHours(6));

    // One file per context: each has its own migrations.
    private readonly string notificationsPath = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"bulk-{Guid.NewGuid():N}.db");
    private readonly string outboxPath = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"bulk-{Guid.NewGuid():N}.db");
    private readonly string statisticsPath = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"bulk-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(notificationsPath)!);
        await using var notifications = Notifications();
        await notifications.Database.MigrateAsync();
        await using var outbox = Outbox();
        await outbox.Database.MigrateAsync();
        await using var statistics = Statistics();
        await statistics.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(notificationsPath);
        File.Delete(outboxPath);
        File.Delete(statisticsPath);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Outbox_rows_added_in_bulk_are_stored_as_AddEvent_stores_them()
    {
        var tracked = TestService.NewEvent() with { OccurredAt = Now };
        var bulk = TestService.NewEvent() with { OccurredAt = Now };
        await using (var db = Outbox())
        {
            await using var write = await db.BeginWriteAsync(CancellationToken.None);
            db.AddEvent(tracked);
            await db.AddEventsAsync([bulk], CancellationToken.None);
            await write.CommitAsync(CancellationToken.None);
        }

        await using var reader = Outbox();
        var stored = await reader.OutboxMessages.AsNoTracking().SingleAsync(message => message.Id == bulk.EventId);
        Assert.Equal(bulk.EventId, stored.Id);
        Assert.Equal(typeof(Contracts.ArticlePublished).FullName, stored.MessageType);
        Assert.Contains(bulk.EventId.ToString(), stored.Body);
        Assert.Equal(Now, stored.OccurredAt);
        Assert.Equal(Now + TimeSpan.FromSeconds(5), stored.NextAttemptAt);
        Assert.Null(stored.PublishedAt);
        Assert.Equal(0, stored.Attempts);
        Assert.Equal(
            await StoredFormsAsync(reader, "OutboxMessages", tracked.EventId, except: ["Id", "Body"]),
            await StoredFormsAsync(reader, "OutboxMessages", bulk.EventId, except: ["Id", "Body"]));
    }

    [Fact]
    public async Task Deliveries_inserted_in_bulk_read_back_and_are_stored_as_SaveChanges_stores_them()
    {
        Delivery Make(Guid eventId) => new()
        {
            Id = Guid.CreateVersion7(),
            SubscriptionId = Guid.NewGuid(),
            EventId = eventId,
            EventType = "forum.article.published",
            Status = DeliveryStatus.Failed,
            Attempts = 3,
            TotalAttempts = 7,
            NextAttemptAt = Now.AddMinutes(5),
            CreatedAt = Now,
            CompletedAt = Now.AddHours(1),
            LastStatusCode = 503,
            LastError = "Service Unavailable",
        };

        var tracked = Make(Guid.NewGuid());
        var bulk = Make(Guid.NewGuid());
        await using (var db = Notifications())
        {
            await using var write = await db.BeginWriteAsync(CancellationToken.None);
            db.Deliveries.Add(tracked);
            await db.SaveChangesAsync();
            await using var insert = await BulkInsert<Delivery>.PrepareAsync(db, CancellationToken.None);
            await insert.AddAsync(bulk, CancellationToken.None);
            await write.CommitAsync(CancellationToken.None);
        }

        await using var reader = Notifications();
        var stored = await reader.Deliveries.AsNoTracking().SingleAsync(delivery => delivery.Id == bulk.Id);
        Assert.Equivalent(bulk, stored, strict: true);
        Assert.Equal(
            await StoredFormsAsync(reader, "Deliveries", tracked.Id, except: ["Id", "SubscriptionId", "EventId"]),
            await StoredFormsAsync(reader, "Deliveries", bulk.Id, except: ["Id", "SubscriptionId", "EventId"]));
    }

    [Fact]
    public async Task Platform_counters_and_latencies_inserted_in_bulk_read_back_and_are_stored_as_SaveChanges_stores_them()
    {
        PlatformCounter Counter(string dimension) => new() { Metric = "articles.published", Dimension = dimension, Value = 42, UpdatedAt = Now };
        DeliveryLatency Latency() => new() { Day = "2025-12-02", Milliseconds = 12.5 };
        var (trackedCounter, bulkCounter) = (Counter("tag:tracked"), Counter("tag:bulk"));
        var (trackedLatency, bulkLatency) = (Latency(), Latency());
        await using (var db = Statistics())
        {
            await using var write = await db.BeginWriteAsync(CancellationToken.None);
            db.Counters.Add(trackedCounter);
            db.DeliveryLatencies.Add(trackedLatency);
            await db.SaveChangesAsync();
            await using (var counterRows = await BulkInsert<PlatformCounter>.PrepareAsync(db, CancellationToken.None))
            {
                await counterRows.AddAsync(bulkCounter, CancellationToken.None);
            }

            await using (var latencyRows = await BulkInsert<DeliveryLatency>.PrepareAsync(db, CancellationToken.None))
            {
                await latencyRows.AddAsync(bulkLatency, CancellationToken.None);
            }

            await write.CommitAsync(CancellationToken.None);
        }

        await using var reader = Statistics();
        Assert.Equivalent(bulkCounter, await reader.Counters.AsNoTracking().SingleAsync(counter => counter.Dimension == "tag:bulk"), strict: true);
        var latencies = await reader.DeliveryLatencies.AsNoTracking().OrderBy(latency => latency.Id).ToListAsync();
        Assert.Equal(2, latencies.Count);
        Assert.Equal((bulkLatency.Day, bulkLatency.Milliseconds), (latencies[1].Day, latencies[1].Milliseconds));
        Assert.Equal(
            await StoredFormsAsync(reader, "Counters", "Dimension", "tag:tracked", except: ["Dimension"]),
            await StoredFormsAsync(reader, "Counters", "Dimension", "tag:bulk", except: ["Dimension"]));
        Assert.Equal(
            await StoredFormsAsync(reader, "DeliveryLatencies", "Id", latencies[0].Id, except: ["Id"]),
            await StoredFormsAsync(reader, "DeliveryLatencies", "Id", latencies[1].Id, except: ["Id"]));
    }

    [Fact]
    public async Task Observations_and_revisions_inserted_in_bulk_read_back_and_are_stored_as_SaveChanges_stores_them()
    {
        // 94.80 keeps its digits: the statistics model stores decimals as given, and BulkInsert must too.
        Observation Make(string partner) => new()
        {
            IndicatorCode = "bench.bulk", Reporter = "CHN", Partner = partner, Period = "2024", Value = 94.80m,
            Status = "provisional", SourceNote = "customs", UpdatedAt = Now, ImportId = Guid.CreateVersion7(),
        };
        ObservationRevision Revise(Observation observation) => new()
        {
            ObservationId = observation.Id, Value = -1.5m, Status = null, SourceNote = null, UpdatedAt = Now,
            ImportId = Guid.CreateVersion7(), ReplacedAt = Now.AddDays(1), ReplacedByImportId = observation.ImportId,
        };

        var (tracked, bulk) = (Make("KAZ"), Make("UZB"));
        await using (var db = Statistics())
        {
            await using var write = await db.BeginWriteAsync(CancellationToken.None);
            db.Indicators.Add(new Indicator
            {
                Code = "bench.bulk", Name = "Bulk", Unit = "USD", Scale = 0, Frequency = Frequency.Annual,
                SourceOrganization = "Test", UpdatedAt = Now,
            });
            db.Observations.Add(tracked);
            await db.SaveChangesAsync();
            db.ObservationRevisions.Add(Revise(tracked));
            await db.SaveChangesAsync();
            await using (var observations = await BulkInsert<Observation>.PrepareAsync(db, CancellationToken.None))
            {
                await observations.AddAsync(bulk, CancellationToken.None);
            }

            await write.CommitAsync(CancellationToken.None);
        }

        await using (var db = Statistics())
        {
            bulk = await db.Observations.AsNoTracking().SingleAsync(observation => observation.Partner == "UZB");
            await using var write = await db.BeginWriteAsync(CancellationToken.None);
            await using (var revisions = await BulkInsert<ObservationRevision>.PrepareAsync(db, CancellationToken.None))
            {
                await revisions.AddAsync(Revise(bulk), CancellationToken.None);
            }

            await write.CommitAsync(CancellationToken.None);
        }

        await using var reader = Statistics();
        Assert.Equal("94.80", (await reader.Observations.AsNoTracking().SingleAsync(observation => observation.Id == bulk.Id)).Value?.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(
            await StoredFormsAsync(reader, "Observations", "Id", tracked.Id, except: ["Id", "Partner", "ImportId"]),
            await StoredFormsAsync(reader, "Observations", "Id", bulk.Id, except: ["Id", "Partner", "ImportId"]));
        Assert.Equal(
            await StoredFormsAsync(reader, "ObservationRevisions", "ObservationId", tracked.Id, except: ["Id", "ObservationId", "ImportId", "ReplacedByImportId"]),
            await StoredFormsAsync(reader, "ObservationRevisions", "ObservationId", bulk.Id, except: ["Id", "ObservationId", "ImportId", "ReplacedByImportId"]));
    }

    [Fact]
    public async Task An_insert_outside_a_write_is_refused()
    {
        await using var db = Notifications();
        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert<Delivery>.PrepareAsync(db, CancellationToken.None));
    }

    /// <summary>
    /// Each column of one row as SQLite stores it: its storage class and its literal, with the columns that differ
    /// between the two rows by design reduced to their storage class (and for text, whether it is upper-case).
    /// </summary>
    private static Task<List<string>> StoredFormsAsync(DbContext db, string table, Guid id, string[] except) =>
        StoredFormsAsync(db, table, "Id", id.ToString().ToUpperInvariant(), except);

    /// <inheritdoc cref="StoredFormsAsync(DbContext, string, Guid, string[])"/>
    private static async Task<List<string>> StoredFormsAsync(DbContext db, string table, string keyColumn, object key, string[] except)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT * FROM "{table}" WHERE "{keyColumn}" = $key""";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync(), $"no row {key} in {table}");
        var forms = new List<string>();
        for (var i = 0; i < row.FieldCount; i++)
        {
            var value = row.GetValue(i);
            var stored = !except.Contains(row.GetName(i)) ? $"{value.GetType().Name}: {value}"
                : value is string text ? $"text, upper-case: {text == text.ToUpperInvariant()}"
                : value.GetType().Name;
            forms.Add($"{row.GetName(i)} = {stored}");
        }

        return forms;
    }

    private NotificationsDbContext Notifications() =>
        new(new DbContextOptionsBuilder<NotificationsDbContext>().UseSqlite($"Data Source={notificationsPath}").Options);

    private StatisticsDbContext Statistics() =>
        new(new DbContextOptionsBuilder<StatisticsDbContext>().UseSqlite($"Data Source={statisticsPath}").Options);

    private TestDbContext Outbox() =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseSqlite($"Data Source={outboxPath}").Options);
}
