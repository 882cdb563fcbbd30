using System.Diagnostics;
using ForumPlatform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Notifications.Data;

/// <summary>How long the delivery log and received events are kept (section <c>Notifications:Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Notifications:Retention";

    /// <summary>Delivered and failed deliveries, with their attempts, are deleted this long after they ended.</summary>
    public TimeSpan DeliveryLog { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Received events are deleted after this long once no delivery refers to them and the exchange has them.
    /// Must exceed the stream's replay window.
    /// </summary>
    public TimeSpan Events { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Deliveries held for a paused or disabled subscription fail once they are this old, so an abandoned
    /// subscription neither collects every event for ever nor keeps the events it holds from being deleted.
    /// </summary>
    public TimeSpan HeldDeliveries { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Deletes what has served its purpose: ended deliveries past the delivery-log retention, then events nothing
/// refers to any more. Pending deliveries (retrying, or held for a paused subscription) and their events stay, but a
/// delivery held past <see cref="RetentionOptions.HeldDeliveries"/> fails, and is then deleted as any failed one.
/// </summary>
public static class Retention
{
    public static readonly ActivitySource ActivitySource = new("ForumPlatform.Notifications.Retention");

    /// <summary>Whether a prune would change anything: asked first, untraced, so an idle sweep leaves no trace.</summary>
    public static async Task<bool> HasWorkAsync(NotificationsDbContext db, RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken) =>
        await HeldTooLong(db, options, now).AnyAsync(cancellationToken)
        || await Ended(db, options, now).AnyAsync(cancellationToken)
        || await Unreferenced(db, options, now).AnyAsync(cancellationToken);

    public static async Task<(int Deliveries, int Events)> PruneAsync(
        NotificationsDbContext db, RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("retention sweep");
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var reason = $"Held for more than {options.HeldDeliveries.TotalDays:0.#} days while the subscription was paused or disabled.";
        await HeldTooLong(db, options, now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(delivery => delivery.Status, DeliveryStatus.Failed)
                .SetProperty(delivery => delivery.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(delivery => delivery.CompletedAt, now)
                .SetProperty(delivery => delivery.LastError, reason), cancellationToken);
        var ended = Ended(db, options, now);
        await db.DeliveryAttempts.Where(attempt => ended.Any(delivery => delivery.Id == attempt.DeliveryId)).ExecuteDeleteAsync(cancellationToken);
        var deliveries = await ended.ExecuteDeleteAsync(cancellationToken);
        var events = await Unreferenced(db, options, now).ExecuteDeleteAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        return (deliveries, events);
    }

    private static IQueryable<Delivery> HeldTooLong(NotificationsDbContext db, RetentionOptions options, DateTimeOffset now)
    {
        var heldBefore = now - options.HeldDeliveries;
        return db.Deliveries.Where(delivery => delivery.Status == DeliveryStatus.Pending && delivery.CreatedAt < heldBefore
            && db.Subscriptions.Any(subscription => subscription.Id == delivery.SubscriptionId && subscription.Status != SubscriptionStatus.Active));
    }

    private static IQueryable<Delivery> Ended(NotificationsDbContext db, RetentionOptions options, DateTimeOffset now)
    {
        var endedBefore = now - options.DeliveryLog;
        return db.Deliveries.Where(delivery => delivery.Status != DeliveryStatus.Pending && delivery.CompletedAt < endedBefore);
    }

    private static IQueryable<ReceivedEvent> Unreferenced(NotificationsDbContext db, RetentionOptions options, DateTimeOffset now)
    {
        var receivedBefore = now - options.Events;
        return db.ReceivedEvents.Where(received => received.ReceivedAt < receivedBefore && received.ExchangePublishedAt != null
            && !db.Deliveries.Any(delivery => delivery.EventId == received.Id));
    }
}

/// <summary>Runs <see cref="Retention.PruneAsync"/> every <see cref="RetentionOptions.SweepInterval"/>.</summary>
public sealed partial class RetentionSweep(
    IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock,
    ILogger<RetentionSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneOnceAsync(stoppingToken);
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPruneFailed(exception);
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task PruneOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        if (!await Retention.HasWorkAsync(db, options.Value, now, cancellationToken))
        {
            return;
        }

        var (deliveries, events) = await Retention.PruneAsync(db, options.Value, now, cancellationToken);
        if (deliveries + events > 0)
        {
            LogPruned(deliveries, events);
        }
    }

    [LoggerMessage(LogLevel.Information, "Retention: deleted {Deliveries} ended deliveries and {Events} received events")]
    private partial void LogPruned(int deliveries, int events);

    [LoggerMessage(LogLevel.Error, "Retention sweep failed; trying again at the next interval")]
    private partial void LogPruneFailed(Exception exception);
}
