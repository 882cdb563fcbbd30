using System.Diagnostics;
using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Platform;
using ForumPlatform.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Tests;

/// <summary>
/// Platform figures counted from events that travel through the service's real RabbitMQ node into its SQLite file.
/// Each test counts under a tag, track, type or day of its own.
/// </summary>
[Collection(StatisticsCollection.Name)]
public sealed class PlatformFigureTests(StatisticsServiceFixture service)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private Task<long> EventuallyAsync(string metric, string dimension, long expected) =>
        Eventually.GetValueAsync(async () =>
        {
            var value = (await service.MetricAsync(metric)).GetValueOrDefault(dimension);
            return value == expected ? (long?)value : null;
        }, Patience, $"{metric} {dimension} to reach {expected}");

    private static ArticlePublished Article(string tag, DateTimeOffset publishedAt, string language) => new(
        Guid.CreateVersion7(), Now, Guid.NewGuid(), $"test-{Guid.NewGuid():N}", "Test article", "Sample data.", language,
        [tag], ["Test"], null, publishedAt, ["trade"]);

    /// <summary>A day no other test counts on, so its counters hold this test's events only.</summary>
    private static DateTimeOffset DayOfItsOwn() =>
        new DateTimeOffset(2100, 1, 1, 3, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 30000));

    [Fact]
    public async Task Articles_are_counted_per_day_tag_and_language_and_a_duplicate_event_changes_nothing()
    {
        var tag = $"test-{Guid.NewGuid():N}";
        var language = $"x-{Guid.NewGuid().ToString("N")[..8]}"; // a private-use language tag of this test's own
        var day = DayOfItsOwn();
        var article = Article(tag, day, language);

        await service.PublishAsync(article);
        await service.PublishAsync(article);                               // redelivered: same message id
        await service.PublishAsync(article, messageId: Guid.NewGuid());    // the same event under another message id
        await service.PublishAsync(Article(tag, day.AddDays(1), language));

        await EventuallyAsync("articles.published", $"tag:{tag}", 2);
        await Task.Delay(500); // give a wrongly counted duplicate the time to show
        var published = await service.MetricAsync("articles.published");
        Assert.Equal(2, published[$"tag:{tag}"]);
        Assert.Equal(2, published[$"language:{language}"]);
        Assert.Equal(1, published[$"day:{day:yyyy-MM-dd}"]);
        Assert.Equal(1, published[$"day:{day.AddDays(1):yyyy-MM-dd}"]);

        var retraction = new ArticleRetracted(Guid.CreateVersion7(), Now, article.ArticleId, article.Slug, article.Title, language, [tag], null, "Test", false);
        await service.PublishAsync(retraction);
        await EventuallyAsync("articles.retracted", $"tag:{tag}", 1);
    }

    [Fact]
    public async Task Sessions_are_counted_per_track_and_day_moved_by_reschedules_and_removed_by_cancellations_per_release()
    {
        var track = $"track-{Guid.NewGuid():N}";
        var forum = $"test-forum-{Guid.NewGuid():N}";
        var dayOne = new DateTimeOffset(2025, 12, 2, 2, 0, 0, TimeSpan.Zero);
        var dayTwo = dayOne.AddDays(1);
        SessionScheduled Scheduled() => new(Guid.CreateVersion7(), Now, Guid.NewGuid(), forum, "1.0", "Test session", "panel", track, "Test track",
            "Room A", dayOne, dayOne.AddHours(1), "en", []);
        var first = Scheduled();
        var second = Scheduled();

        await service.PublishAsync(first);
        await service.PublishAsync(second);
        await service.PublishAsync(new SessionRescheduled(Guid.CreateVersion7(), Now, first.SessionId, forum, "1.1", first.Title, track,
            dayOne, dayOne.AddHours(1), "Room A", dayTwo, dayTwo.AddHours(1), "Room B"));
        await service.PublishAsync(new SessionCancelled(Guid.CreateVersion7(), Now, second.SessionId, forum, "1.1", second.Title, track,
            dayOne, dayOne.AddHours(1), "Room A"));

        // Each figure is waited for: the four events may be consumed in any order.
        await EventuallyAsync("sessions.scheduled", $"track:{track}", 2);
        await EventuallyAsync("sessions.rescheduled", $"release:{forum}/1.1", 1);
        await EventuallyAsync("sessions.cancelled", $"release:{forum}/1.1", 1);
        await EventuallyAsync("sessions.cancelled", $"track:{track}", 1);
        var sessions = await service.MetricAsync("sessions");
        Assert.Equal(1, sessions[$"track:{track}"]);
        Assert.Equal(0, sessions[$"track-day:{track}/2025-12-02"]);
        Assert.Equal(1, sessions[$"track-day:{track}/2025-12-03"]);
    }

    [Fact]
    public async Task Deliveries_give_each_days_median_and_p95_latency_and_only_given_up_deliveries_count_as_failed()
    {
        var type = $"test.{Guid.NewGuid():N}";
        var day = DayOfItsOwn();
        foreach (var latency in new[] { 40.0, 10.0, 30.0, 20.0, 25.0 })
        {
            await service.PublishAsync(new NotificationDelivered(Guid.CreateVersion7(), day, Guid.NewGuid(), Guid.NewGuid(), "webhook", type,
                Guid.NewGuid(), day, 1, 204, latency));
        }

        // Twenty values, where ceil(0.95 × 20) − 1 picks the 19th; a rounding-down formula would pick the 20th.
        var busyDay = day.AddDays(1);
        foreach (var latency in Enumerable.Range(1, 20))
        {
            await service.PublishAsync(new NotificationDelivered(Guid.CreateVersion7(), busyDay, Guid.NewGuid(), Guid.NewGuid(), "webhook", type,
                Guid.NewGuid(), busyDay, 1, 204, latency));
        }

        foreach (var gaveUp in new[] { false, false, true })
        {
            await service.PublishAsync(new NotificationFailed(Guid.CreateVersion7(), day, Guid.NewGuid(), Guid.NewGuid(), "webhook", type,
                Guid.NewGuid(), 3, 500, "Internal Server Error", gaveUp));
        }

        await EventuallyAsync("notifications.delivered", $"type:{type}", 25);
        await EventuallyAsync("notifications.failed-attempts", $"type:{type}", 2);
        await EventuallyAsync("notifications.failed", $"type:{type}", 1);

        var figures = await StatisticsServiceFixture.Read(await service.Anonymous().GetAsync("/api/stats/platform?metric=none&days=366"));
        var latencyOfDay = figures.GetProperty("deliveryLatency").EnumerateArray()
            .Single(entry => entry.GetProperty("day").GetString() == FigureRules.DayOf(day));
        // Nearest rank over 10, 20, 25, 30, 40: median = 3rd value, p95 = 5th.
        Assert.Equal((5, 25.0, 40.0), (latencyOfDay.GetProperty("deliveries").GetInt32(),
            latencyOfDay.GetProperty("medianMilliseconds").GetDouble(), latencyOfDay.GetProperty("p95Milliseconds").GetDouble()));
        var latencyOfBusyDay = figures.GetProperty("deliveryLatency").EnumerateArray()
            .Single(entry => entry.GetProperty("day").GetString() == FigureRules.DayOf(busyDay));
        // Nearest rank over 1 … 20: median = 10th value, p95 = 19th.
        Assert.Equal((20, 10.0, 19.0), (latencyOfBusyDay.GetProperty("deliveries").GetInt32(),
            latencyOfBusyDay.GetProperty("medianMilliseconds").GetDouble(), latencyOfBusyDay.GetProperty("p95Milliseconds").GetDouble()));
    }

    [Fact]
    public async Task Active_subscriptions_follow_creation_pause_resume_disabling_and_deletion()
    {
        var baseline = (await service.MetricAsync("subscriptions.active")).GetValueOrDefault("all");
        var deletedBefore = (await service.MetricAsync("subscriptions.deleted")).GetValueOrDefault("all");
        var subscription = Guid.NewGuid();
        SubscriptionStatusChanged Change(string? from, string? to) => new(Guid.CreateVersion7(), Now, subscription, "webhook", from, to, null);

        await service.PublishAsync(Change(null, "active"));
        await EventuallyAsync("subscriptions.active", "all", baseline + 1);
        await service.PublishAsync(Change("active", "paused"));
        await EventuallyAsync("subscriptions.active", "all", baseline);
        await service.PublishAsync(Change("paused", "active"));
        await EventuallyAsync("subscriptions.active", "all", baseline + 1);
        await service.PublishAsync(Change("active", "disabled"));
        await EventuallyAsync("subscriptions.active", "all", baseline);
        await service.PublishAsync(Change("disabled", null));
        await EventuallyAsync("subscriptions.deleted", "all", deletedBefore + 1);
        Assert.Equal(baseline, (await service.MetricAsync("subscriptions.active"))["all"]);
    }

    [Fact]
    public async Task A_rebuild_from_the_event_log_gives_the_same_figures_and_repairs_a_damaged_counter()
    {
        var tag = $"test-{Guid.NewGuid():N}";
        await service.PublishAsync(Article(tag, Now, "en"));
        await EventuallyAsync("articles.published", $"tag:{tag}", 1);
        var before = await FiguresAsync();
        await service.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Counters\" SET \"Value\" = 999 WHERE \"Dimension\" = {"tag:" + tag}"));
        Assert.Equal(999, (await service.MetricAsync("articles.published"))[$"tag:{tag}"]);

        var report = await StatisticsServiceFixture.Read(await service.ClientFor(ForumRoles.Admin).PostAsync("/api/stats/platform/rebuild", null));

        Assert.True(report.GetProperty("events").GetInt32() > 0);
        Assert.Equal(before, await FiguresAsync());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden,
            (await service.ClientFor(ForumRoles.Analyst).PostAsync("/api/stats/platform/rebuild", null)).StatusCode);
    }

    [Fact]
    public async Task The_rebuild_command_recomputes_a_copy_of_the_database_without_a_broker()
    {
        var tag = $"test-{Guid.NewGuid():N}";
        await service.PublishAsync(Article(tag, Now, "en"));
        await EventuallyAsync("articles.published", $"tag:{tag}", 1);
        var copy = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"statistics-copy-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={service.DatabasePath}"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"VACUUM INTO '{copy}'";
                await command.ExecuteNonQueryAsync();
            }

            await using (var connection = new SqliteConnection($"Data Source={copy};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM \"Counters\"";
                await command.ExecuteNonQueryAsync();
            }

            var start = new ProcessStartInfo("dotnet", [typeof(PlatformFigures).Assembly.Location, "rebuild-figures"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["ConnectionStrings__statistics-db"] = $"Data Source={copy};Pooling=False" },
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
            Assert.Contains("Rebuilt the platform figures", output, StringComparison.Ordinal);
            await using var check = new SqliteConnection($"Data Source={copy};Pooling=False");
            await check.OpenAsync();
            await using var query = check.CreateCommand();
            query.CommandText = "SELECT \"Value\" FROM \"Counters\" WHERE \"Metric\" = 'articles.published' AND \"Dimension\" = $tag";
            query.Parameters.AddWithValue("$tag", $"tag:{tag}");
            Assert.Equal(1L, await query.ExecuteScalarAsync());
        }
        finally
        {
            SqliteTestFiles.Delete(copy);
        }
    }

    /// <summary>
    /// Every figure but indicator updates: those keep arriving from other tests' imports (through the outbox and the
    /// broker) while this test runs.
    /// </summary>
    private async Task<string> FiguresAsync()
    {
        var figures = await StatisticsServiceFixture.Read(await service.Anonymous().GetAsync("/api/stats/platform?days=366"));
        var metrics = figures.GetProperty("metrics").EnumerateObject().Where(metric => metric.Name != "indicators.updated");
        return JsonSerializer.Serialize(new { metrics = metrics.ToDictionary(metric => metric.Name, metric => metric.Value), latency = figures.GetProperty("deliveryLatency") });
    }
}
