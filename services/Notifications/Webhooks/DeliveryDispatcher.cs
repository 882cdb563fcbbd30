using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Notifications.Webhooks;

/// <summary>
/// Sends webhook deliveries, on one path: whatever writes delivery rows (the fan-out of an event, a ping, a
/// redelivery, a resume) wakes the dispatcher after its commit; the dispatcher asks the database which deliveries are
/// due, sends them, and records what came of them. A restart therefore resumes every pending delivery (an attempt cut
/// off by a crash is sent again with the same <c>webhook-id</c>). Sending runs with bounded concurrency overall and per
/// subscription; outcomes are written in batches, one write each, with their <see cref="NotificationDelivered"/> /
/// <see cref="NotificationFailed"/> events in the outbox.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    RetryPolicy retryPolicy,
    DeliverySignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    public static readonly ActivitySource ActivitySource = new("ForumPlatform.Notifications.Webhooks");

    private const int DispatchBatchSize = 1_000;
    private const int OutcomeBatchSize = 500;

    private readonly Channel<DeliveryOutcome> outcomes = Channel.CreateUnbounded<DeliveryOutcome>(
        new UnboundedChannelOptions { SingleReader = true });

    // Deliveries being sent, or sent with their outcome not yet committed (delivery id → subscription id): the due
    // query leaves them out, so none is sent twice.
    private readonly ConcurrentDictionary<Guid, Guid> inFlight = new();

    // Sends in progress, overall and per subscription: the concurrency limits. An outcome waiting for its batch to
    // commit holds no connection, so it holds no slot either.
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrency);
    private readonly Dictionary<Guid, int> sendingTo = [];

    // Whether the last look left due deliveries behind because their subscription had no free slot.
    private volatile bool leftBehind;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writing = Task.Run(() => WriteOutcomesAsync(stoppingToken), CancellationToken.None);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogDispatchFailed(exception);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        outcomes.Writer.TryComplete();
        await writing;
    }

    /// <summary>
    /// Sends what is due, a batch at a time: one query loads up to <see cref="DispatchBatchSize"/> due deliveries, one
    /// more their events, and each delivery starts as soon as a slot is free. Waiting for slots rather than asking the database again
    /// for every freed one keeps a backlog at the senders' pace: with a look per freed slot, a fan-out of 10,000
    /// spent half its time in near-empty queries (bench/run.sh notifications). Looking is untraced; a batch that finds
    /// work is one <c>webhook dispatch</c> span (each send is a span of its own in the trace of the event it carries).
    /// </summary>
    private async Task DispatchDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            List<Guid> full;
            lock (sendingTo)
            {
                full = [.. sendingTo.Where(pair => pair.Value >= options.Value.MaxConcurrencyPerSubscription).Select(pair => pair.Key)];
            }

            leftBehind = full.Count > 0;
            var due = await LoadDueAsync(DispatchBatchSize, [.. inFlight.Keys], full, cancellationToken);
            if (due.Count == 0)
            {
                return;
            }

            using var activity = ActivitySource.StartActivity("webhook dispatch");
            var bodies = await LoadBodiesAsync(due, cancellationToken);
            var started = 0;
            foreach (var delivery in due)
            {
                if (!bodies.TryGetValue(delivery.EventId, out var body))
                {
                    continue; // pruned since the first query: nothing is left to send
                }

                if (!TryTakeSubscriptionSlot(delivery.SubscriptionId))
                {
                    leftBehind = true; // a later look finds it, once a send to its subscription ends
                    continue;
                }

                await slots.WaitAsync(cancellationToken);
                inFlight[delivery.Id] = delivery.SubscriptionId;
                started++;
                _ = SendAsync(delivery, body, cancellationToken);
            }

            activity?.SetTag("webhook.started", started);
            if (started == 0 || due.Count < DispatchBatchSize)
            {
                return;
            }
        }
    }

    private bool TryTakeSubscriptionSlot(Guid subscriptionId)
    {
        lock (sendingTo)
        {
            var sending = sendingTo.GetValueOrDefault(subscriptionId);
            if (sending >= options.Value.MaxConcurrencyPerSubscription)
            {
                return false;
            }

            sendingTo[subscriptionId] = sending + 1;
            return true;
        }
    }

    /// <summary>Gives back a send's slots; the dispatcher looks again if deliveries were left for want of one.</summary>
    private void ReleaseSlots(Guid subscriptionId)
    {
        lock (sendingTo)
        {
            if (sendingTo[subscriptionId] == 1)
            {
                sendingTo.Remove(subscriptionId);
            }
            else
            {
                sendingTo[subscriptionId]--;
            }
        }

        slots.Release();
        if (leftBehind)
        {
            signal.Wake();
        }
    }

    /// <summary>
    /// Due deliveries, oldest first, leaving out those in flight and subscriptions with no free slot (so one backlog
    /// cannot fill the batch and starve the rest).
    /// </summary>
    private async Task<List<DueDelivery>> LoadDueAsync(int limit, List<Guid> busy, List<Guid> fullSubscriptions, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        return await db.Deliveries.AsNoTracking()
            .Where(delivery => delivery.Status == DeliveryStatus.Pending && delivery.NextAttemptAt <= now)
            .Where(delivery => !busy.Contains(delivery.Id) && !fullSubscriptions.Contains(delivery.SubscriptionId))
            .OrderBy(delivery => delivery.NextAttemptAt)
            .Join(db.Subscriptions.Where(subscription => subscription.Status == SubscriptionStatus.Active && subscription.WebhookUrl != null),
                delivery => delivery.SubscriptionId, subscription => subscription.Id,
                (delivery, subscription) => new { delivery, subscription })
            .Join(db.ReceivedEvents, pair => pair.delivery.EventId, received => received.Id,
                (pair, received) => new DueDelivery(
                    pair.delivery.Id, pair.subscription.Id, received.Id, received.Type, received.OccurredAt, received.TraceParent,
                    pair.subscription.WebhookUrl!, pair.subscription.Secret, pair.subscription.PreviousSecret,
                    pair.subscription.PreviousSecretExpiresAt))
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The batch's events, each read and encoded once however many deliveries carry it (a fan-out: thousands).</summary>
    private async Task<Dictionary<Guid, EncodedEvent>> LoadBodiesAsync(IEnumerable<DueDelivery> due, CancellationToken cancellationToken)
    {
        var eventIds = due.Select(delivery => delivery.EventId).Distinct().ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var events = await db.ReceivedEvents.AsNoTracking().Where(received => eventIds.Contains(received.Id)).ToListAsync(cancellationToken);
        return events.ToDictionary(received => received.Id, received => new EncodedEvent(CloudEventEncoding.Encode(received)));
    }

    private async Task SendAsync(DueDelivery delivery, EncodedEvent body, CancellationToken cancellationToken)
    {
        try
        {
            ActivityContext.TryParse(delivery.TraceParent, null, out var parent);
            using var activity = ActivitySource.StartActivity("webhook deliver", ActivityKind.Client, parent);
            activity?.SetTag("webhook.id", delivery.Id);
            activity?.SetTag("cloudevents.event_type", delivery.EventType);
            activity?.SetTag("forum.subscription_id", delivery.SubscriptionId);

            var secrets = delivery.SigningSecrets(clock.GetUtcNow());
            var result = await sender.SendAsync(delivery.Url, delivery.Id.ToString(), secrets, body, cancellationToken);
            activity?.SetTag("http.response.status_code", result.StatusCode);
            if (!result.Succeeded)
            {
                activity?.SetStatus(ActivityStatusCode.Error, result.Error ?? $"HTTP {result.StatusCode}");
            }

            outcomes.Writer.TryWrite(new DeliveryOutcome(delivery, result));
            ReleaseSlots(delivery.SubscriptionId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the delivery stays pending and is sent again after the restart.
        }
        catch (Exception exception)
        {
            // Not recorded; let go so the query finds it again (it is still pending in the database).
            LogSendFailed(exception, delivery.Id);
            inFlight.TryRemove(delivery.Id, out _);
            ReleaseSlots(delivery.SubscriptionId);
            signal.Wake(); // due again now
        }
    }

    private async Task WriteOutcomesAsync(CancellationToken stoppingToken)
    {
        var batch = new List<DeliveryOutcome>(OutcomeBatchSize);
        // Outcomes already received are still written when the service stops; the reader ends when the channel completes.
        while (await outcomes.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < OutcomeBatchSize && outcomes.Reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }

            // Until the outcome is written the deliveries stay in flight: released early, they would be sent again.
            var retryDelay = TimeSpan.FromMilliseconds(200);
            while (true)
            {
                try
                {
                    await WriteAsync(batch, stoppingToken.IsCancellationRequested ? CancellationToken.None : stoppingToken);
                    break;
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogWriteFailed(exception, batch.Count, retryDelay.TotalSeconds);
                    await Task.Delay(retryDelay, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                    retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                }
                catch (Exception exception)
                {
                    // Stopping: not written, so sent again (same webhook-id) after the restart.
                    LogWriteFailed(exception, batch.Count, 0);
                    break;
                }
            }

            foreach (var outcome in batch)
            {
                inFlight.TryRemove(outcome.Delivery.Id, out _);
            }

            batch.Clear();
            signal.Wake(); // a retry may be due now
        }
    }

    private async Task WriteAsync(List<DeliveryOutcome> batch, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("webhook outcomes");
        activity?.SetTag("webhook.outcomes", batch.Count);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var write = await db.BeginWriteAsync(cancellationToken);

        var ids = batch.Select(outcome => outcome.Delivery.Id).ToList();
        var deliveries = await db.Deliveries.Where(delivery => ids.Contains(delivery.Id)).ToDictionaryAsync(delivery => delivery.Id, cancellationToken);
        var disable = new Dictionary<Guid, string>();
        var now = clock.GetUtcNow();
        foreach (var (due, result) in batch)
        {
            if (!deliveries.TryGetValue(due.Id, out var delivery) || delivery.Status != DeliveryStatus.Pending)
            {
                continue; // deleted with its subscription meanwhile
            }

            delivery.Attempts++;
            delivery.TotalAttempts++;
            delivery.LastStatusCode = result.StatusCode;
            delivery.LastError = result.Error;
            db.DeliveryAttempts.Add(new DeliveryAttempt
            {
                DeliveryId = delivery.Id,
                Number = delivery.TotalAttempts,
                StartedAt = result.StartedAt,
                DurationMilliseconds = result.Duration.TotalMilliseconds,
                StatusCode = result.StatusCode,
                Error = result.Error,
                ResponseExcerpt = result.Excerpt,
            });

            switch (retryPolicy.Judge(result, delivery.Attempts, delivery.CreatedAt))
            {
                case AttemptVerdict.Delivered:
                    delivery.Status = DeliveryStatus.Delivered;
                    delivery.NextAttemptAt = null;
                    delivery.CompletedAt = now;
                    db.AddEvent(new NotificationDelivered(
                        Guid.CreateVersion7(now), now, delivery.Id, due.SubscriptionId, "webhook", due.EventType, due.EventId,
                        due.EventOccurredAt, delivery.TotalAttempts, result.StatusCode,
                        (result.StartedAt + result.Duration - due.EventOccurredAt).TotalMilliseconds));
                    break;
                case AttemptVerdict.RetryAt retry:
                    delivery.NextAttemptAt = retry.When;
                    db.AddEvent(Failed(due, delivery, result, result.Error ?? $"HTTP {result.StatusCode}", gaveUp: false, now));
                    break;
                case AttemptVerdict.GiveUp giveUp:
                    delivery.Status = DeliveryStatus.Failed;
                    delivery.NextAttemptAt = null;
                    delivery.CompletedAt = now;
                    delivery.LastError = giveUp.Reason;
                    db.AddEvent(Failed(due, delivery, result, giveUp.Reason, gaveUp: true, now));
                    if (giveUp.DisableSubscription is { } reason)
                    {
                        disable.TryAdd(due.SubscriptionId, reason);
                    }

                    break;
            }
        }

        if (disable.Count > 0)
        {
            var subscriptionIds = disable.Keys.ToList();
            var subscriptions = await db.Subscriptions
                .Where(subscription => subscriptionIds.Contains(subscription.Id) && subscription.Status == SubscriptionStatus.Active)
                .ToListAsync(cancellationToken);
            foreach (var subscription in subscriptions)
            {
                db.ChangeStatus(subscription, SubscriptionStatus.Disabled, disable[subscription.Id], now);
                LogDisabled(subscription.Id, disable[subscription.Id]);
            }
        }

        await write.CommitAsync(cancellationToken);
    }

    private static NotificationFailed Failed(
        DueDelivery due, Delivery delivery, AttemptResult result, string error, bool gaveUp, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, delivery.Id, due.SubscriptionId, "webhook", due.EventType, due.EventId,
            delivery.TotalAttempts, result.StatusCode, error, gaveUp);

    [LoggerMessage(LogLevel.Error, "Dispatching webhook deliveries failed; trying again")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(LogLevel.Error, "Sending delivery {DeliveryId} failed unexpectedly; it stays pending")]
    private partial void LogSendFailed(Exception exception, Guid deliveryId);

    [LoggerMessage(LogLevel.Error, "Recording the outcome of {Count} deliveries failed; trying again in {Seconds} s")]
    private partial void LogWriteFailed(Exception exception, int count, double seconds);

    [LoggerMessage(LogLevel.Warning, "Subscription {SubscriptionId} disabled: {Reason}")]
    private partial void LogDisabled(Guid subscriptionId, string reason);
}

/// <summary>A delivery ready to send, with what sending needs from its subscription and event.</summary>
public sealed record DueDelivery(
    Guid Id,
    Guid SubscriptionId,
    Guid EventId,
    string EventType,
    DateTimeOffset EventOccurredAt,
    string? TraceParent,
    string Url,
    string Secret,
    string? PreviousSecret,
    DateTimeOffset? PreviousSecretExpiresAt)
{
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];
}

internal sealed record DeliveryOutcome(DueDelivery Delivery, AttemptResult Result);
