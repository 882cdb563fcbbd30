using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Retention;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Notifications.Tests;

/// <summary>Retention on a real SQLite file with the service's migrations.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"notifications-retention-{Guid.NewGuid():N}.db");
    private NotificationsDbContext db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        db = new NotificationsDbContext(new DbContextOptionsBuilder<NotificationsDbContext>().UseSqlite($"Data Source={databasePath}").Options);
        await db.Database.MigrateAsync();
    }

    [Fact]
    public async Task Ended_deliveries_go_after_the_log_retention_and_then_their_events_pending_ones_stay()
    {
        var old = Now.AddDays(-40);
        var oldDelivered = Event(old);
        var oldPending = Event(old);
        var oldUnreferenced = Event(old);
        var oldNotOnExchange = Event(old, onExchange: false);
        var recent = Event(Now.AddDays(-1));
        db.ReceivedEvents.AddRange(oldDelivered, oldPending, oldUnreferenced, oldNotOnExchange, recent);
        var subscription = Guid.NewGuid();
        var delivered = Delivery(subscription, oldDelivered, DeliveryStatus.Delivered, completedAt: old.AddMinutes(1));
        var pending = Delivery(subscription, oldPending, DeliveryStatus.Pending, completedAt: null);
        var recentFailed = Delivery(subscription, recent, DeliveryStatus.Failed, completedAt: Now.AddDays(-1));
        db.Deliveries.AddRange(delivered, pending, recentFailed);
        db.DeliveryAttempts.AddRange(
            new DeliveryAttempt { DeliveryId = delivered.Id, Number = 1, StartedAt = old, StatusCode = 204 },
            new DeliveryAttempt { DeliveryId = recentFailed.Id, Number = 1, StartedAt = Now.AddDays(-1), StatusCode = 400 });
        await using (var write = await db.BeginWriteAsync(CancellationToken.None))
        {
            await write.CommitAsync(CancellationToken.None);
        }

        var (deliveries, events) = await DeliveryLogPruning.PruneAsync(db, new RetentionOptions(), Now, CancellationToken.None);

        Assert.Equal(1, deliveries);
        Assert.Equal(2, events); // the delivered one's event and the one nothing referred to
        db.ChangeTracker.Clear();
        Assert.Equal(new[] { pending.Id, recentFailed.Id }.Order(), (await db.Deliveries.Select(d => d.Id).ToListAsync()).Order());
        Assert.Equal([recentFailed.Id], await db.DeliveryAttempts.Select(a => a.DeliveryId).ToListAsync());
        Assert.Equal(
            new[] { oldPending.Id, oldNotOnExchange.Id, recent.Id }.Order(),
            (await db.ReceivedEvents.Select(e => e.Id).ToListAsync()).Order());
    }

    [Fact]
    public async Task Deliveries_held_past_their_limit_for_a_paused_or_disabled_subscription_fail_and_retrying_ones_stay()
    {
        var old = Now.AddDays(-40);
        var (paused, disabled, active) = (Subscription(SubscriptionStatus.Paused), Subscription(SubscriptionStatus.Disabled), Subscription(SubscriptionStatus.Active));
        db.Subscriptions.AddRange(paused, disabled, active);
        var (heldOld, heldRecent, disabledOld, retrying) = (Event(old), Event(Now.AddDays(-1)), Event(old), Event(old));
        db.ReceivedEvents.AddRange(heldOld, heldRecent, disabledOld, retrying);
        var expiring = Delivery(paused.Id, heldOld, DeliveryStatus.Pending, completedAt: null);
        var kept = Delivery(paused.Id, heldRecent, DeliveryStatus.Pending, completedAt: null);
        var expiringToo = Delivery(disabled.Id, disabledOld, DeliveryStatus.Pending, completedAt: null);
        var stillRetrying = Delivery(active.Id, retrying, DeliveryStatus.Pending, completedAt: null);
        db.Deliveries.AddRange(expiring, kept, expiringToo, stillRetrying);
        await using (var write = await db.BeginWriteAsync(CancellationToken.None))
        {
            await write.CommitAsync(CancellationToken.None);
        }

        await DeliveryLogPruning.PruneAsync(db, new RetentionOptions(), Now, CancellationToken.None);

        db.ChangeTracker.Clear();
        var after = await db.Deliveries.ToDictionaryAsync(delivery => delivery.Id);
        foreach (var id in new[] { expiring.Id, expiringToo.Id })
        {
            Assert.Equal((DeliveryStatus.Failed, Now, (DateTimeOffset?)null), (after[id].Status, after[id].CompletedAt!.Value, after[id].NextAttemptAt));
            Assert.Equal("Held for more than 30 days while the subscription was paused or disabled.", after[id].LastError);
        }

        Assert.Equal(DeliveryStatus.Pending, after[kept.Id].Status);
        Assert.Equal(DeliveryStatus.Pending, after[stillRetrying.Id].Status);
    }

    private static Subscription Subscription(SubscriptionStatus status) => new()
    {
        Id = Guid.NewGuid(),
        Name = "retention test",
        Contact = "ops@example.org",
        WebhookUrl = "https://example.org/hook",
        Status = status,
        Secret = "whsec_test",
        ManagementTokenHash = Guid.NewGuid().ToString("N"),
        CreatedAt = Now.AddDays(-60),
        UpdatedAt = Now.AddDays(-60),
    };

    private static ReceivedEvent Event(DateTimeOffset at, bool onExchange = true) => new()
    {
        Id = Guid.NewGuid(),
        Type = EventTypes.ArticlePublished,
        Source = "/articles",
        Subject = "articles/sample",
        OccurredAt = at,
        ReceivedAt = at,
        Data = "{}",
        Facts = new NotificationFacts(EventTypes.ArticlePublished),
        ExchangePublishedAt = onExchange ? at : null,
    };

    private static Delivery Delivery(Guid subscription, ReceivedEvent received, DeliveryStatus status, DateTimeOffset? completedAt) => new()
    {
        Id = Guid.NewGuid(),
        SubscriptionId = subscription,
        EventId = received.Id,
        EventType = received.Type,
        Status = status,
        CreatedAt = received.ReceivedAt,
        CompletedAt = completedAt,
        NextAttemptAt = status == DeliveryStatus.Pending ? received.ReceivedAt : null,
    };

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Testing.SqliteTestFiles.Delete(databasePath);
    }
}
