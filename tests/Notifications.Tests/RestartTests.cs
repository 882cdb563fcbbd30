using System.Text.Json;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Notifications.Tests;

/// <summary>Deliveries live in the database: stopping the service between attempts loses nothing.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class RestartTests(NotificationsServiceFixture running)
{
    [Fact]
    public async Task Delivery_interrupted_by_a_stop_between_attempts_is_resumed_with_the_same_webhook_id()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"notifications-restart-{Guid.NewGuid():N}.db");
        // The first retry is due an hour after the failed attempt, so the first instance cannot make it however slowly
        // it stops; the hour then passes while the service is down (below).
        KeyValuePair<string, string>[] slowRetry = [new("Notifications:Webhooks:RetrySchedule:0", "01:00:00")];
        var url = running.Receiver.NewEndpoint(new WebhookAnswer(503), new WebhookAnswer(204));
        // A broker of its own: on the shared one, the running instance would compete for the event.
        await using var broker = await RabbitMqNode.StartNewAsync();
        CreatedSubscription subscription;
        var first = new NotificationsServiceFixture(databasePath, broker, slowRetry);
        await using (first)
        {
            await first.WaitUntilReadyAsync();
            subscription = await first.SubscribeAsync(url, ["forum.schedule.released"]);
            await first.PublishAsync(SampleEvents.ScheduleReleased());
            await running.Receiver.WaitForAsync(url, 1, TimeSpan.FromSeconds(10));
            await Eventually.TrueAsync(async () =>
                (await first.DeliveriesAsync(subscription))[0].GetProperty("attempts").GetInt32() == 1,
                TimeSpan.FromSeconds(10), "the failed attempt to be recorded");
        }

        Assert.Single(running.Receiver.At(url));
        await using (var db = new NotificationsDbContext(new DbContextOptionsBuilder<NotificationsDbContext>().UseSqlite($"Data Source={databasePath}").Options))
        {
            var due = await db.Deliveries.Where(delivery => delivery.SubscriptionId == subscription.Id && delivery.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(delivery => delivery.NextAttemptAt, DateTimeOffset.UtcNow));
            Assert.Equal(1, due);
        }

        var second = new NotificationsServiceFixture(databasePath, broker, slowRetry);
        await using (second)
        {
            await second.WaitUntilReadyAsync();
            var received = await running.Receiver.WaitForAsync(url, 2, TimeSpan.FromSeconds(15));
            Assert.Equal(received[0].WebhookId, received[1].WebhookId);
            var delivery = await Eventually.GetValueAsync(async () =>
            {
                var deliveries = await second.DeliveriesAsync(subscription);
                return deliveries[0].GetProperty("status").GetString() == "delivered" ? (JsonElement?)deliveries[0] : null;
            }, TimeSpan.FromSeconds(10), "the resumed delivery to be recorded");
            Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        SqliteTestFiles.Delete(databasePath);
    }
}
