using System.Diagnostics;
using ForumPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Messaging;

/// <summary>
/// Publishes outbox rows to the broker: each committed row at once (announced by the write that committed it),
/// and, on a timer, every unpublished row that is due again after a failed publish. The same timer deletes
/// published outbox rows and inbox records past their retention. Delivery is at least once;
/// consumers' inboxes absorb the rare duplicate (a publish confirmed but not marked before a crash).
/// </summary>
internal sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : MessagingDbContext
{
    internal static readonly ActivitySource ActivitySource = new("ForumPlatform.Messaging");

    private readonly OutboxOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var committed = await WaitForCommittedAsync(nextSweep, stoppingToken);
                if (committed.Count > 0)
                {
                    await PublishAsync(committed, stoppingToken);
                }

                if (clock.GetUtcNow() >= nextSweep)
                {
                    await ResendDueAsync(stoppingToken);
                    nextSweep = clock.GetUtcNow() + settings.SweepInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A database hiccup must not stop the relay; whatever was not published stays due.
                LogRelayFailed(exception);
                await Task.Delay(settings.SweepInterval, clock, stoppingToken);
            }
        }
    }

    private async Task<List<Guid>> WaitForCommittedAsync(DateTimeOffset nextSweep, CancellationToken stoppingToken)
    {
        var ids = new List<Guid>();
        var untilSweep = nextSweep - clock.GetUtcNow();
        if (untilSweep > TimeSpan.Zero)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(untilSweep);
            try
            {
                await signal.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Time to sweep.
            }
        }

        while (ids.Count < settings.BatchSize && signal.Reader.TryRead(out var id))
        {
            ids.Add(id);
        }

        return ids;
    }

    private async Task PublishAsync(List<Guid> ids, CancellationToken stoppingToken)
    {
        using var activity = ActivitySource.StartActivity("outbox relay");
        activity?.SetTag("messaging.batch.message_count", ids.Count);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var rows = await db.OutboxMessages
            .Where(message => ids.Contains(message.Id) && message.PublishedAt == null)
            .ToListAsync(stoppingToken);
        await PublishRowsAsync(db, rows, stoppingToken);
    }

    /// <summary>
    /// Publishes what is due again and deletes what is past retention. Looking costs a query or three, untraced; only
    /// a sweep that finds work leaves a trace (one <c>outbox relay</c> span).
    /// </summary>
    private async Task ResendDueAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = clock.GetUtcNow();
        var (publishedBefore, processedBefore) = (now - settings.PublishedRetention, now - settings.InboxRetention);
        var expiredOutbox = db.OutboxMessages.Where(message => message.PublishedAt != null && message.PublishedAt < publishedBefore);
        var expiredInbox = db.InboxMessages.Where(message => message.ProcessedAt < processedBefore);
        var due = await db.OutboxMessages
            .Where(message => message.PublishedAt == null && message.NextAttemptAt <= now)
            .OrderBy(message => message.OccurredAt)
            .Take(settings.BatchSize)
            .ToListAsync(stoppingToken);
        if (due.Count == 0 && !await expiredOutbox.AnyAsync(stoppingToken) && !await expiredInbox.AnyAsync(stoppingToken))
        {
            return;
        }

        using var activity = ActivitySource.StartActivity("outbox relay");
        if (due.Count > 0)
        {
            LogResending(due.Count);
            activity?.SetTag("messaging.batch.message_count", due.Count);
            await PublishRowsAsync(db, due, stoppingToken);
        }

        await using var write = await db.BeginWriteAsync(stoppingToken);
        await expiredOutbox.ExecuteDeleteAsync(stoppingToken);
        await expiredInbox.ExecuteDeleteAsync(stoppingToken);
        await write.CommitAsync(stoppingToken);
    }

    /// <summary>
    /// Publishes a batch with every publish in flight at once (each waits for its broker confirm), then saves all
    /// outcomes in one write. A crash before that save republishes the batch; the
    /// consumers' inboxes absorb the duplicates. Order within a batch is not kept, as consumers never relied on it:
    /// they process several messages at a time anyway.
    /// </summary>
    private async Task PublishRowsAsync(TDbContext db, IEnumerable<OutboxMessage> rows, CancellationToken stoppingToken)
    {
        var outcomes = await Task.WhenAll(rows.Select(async row =>
        {
            try
            {
                await PublishRowAsync(row, stoppingToken);
                return (Row: row, Error: (Exception?)null);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                return (Row: row, Error: exception);
            }
        }));
        if (outcomes.Length == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var (row, error) in outcomes)
        {
            if (error is null)
            {
                row.MarkPublished(now);
            }
            else
            {
                row.MarkFailed(now, settings.RetryDelay(row.Attempts + 1), error.Message);
                LogPublishFailed(error, row.Id, row.MessageType, row.Attempts);
            }
        }

        await using var write = await db.BeginWriteAsync(CancellationToken.None);
        await write.CommitAsync(CancellationToken.None);
    }

    private async Task PublishRowAsync(OutboxMessage row, CancellationToken stoppingToken)
    {
        var contractType = typeof(IForumEvent).Assembly.GetType(row.MessageType)
            ?? throw new InvalidOperationException($"Unknown contract type '{row.MessageType}'.");
        var message = row.Deserialize(contractType);

        // Continue the trace of the request that wrote the event, so one trace runs from HTTP to the consumers.
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = ActivitySource.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.Id);
        activity?.SetTag("messaging.message.type", row.MessageType);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(settings.PublishTimeout);
        await bus.Publish(message, contractType, Pipe.Execute<PublishContext>(context => context.MessageId = row.Id), timeout.Token);
    }

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId} ({MessageType}) failed to publish, attempt {Attempts}; it will be retried")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string messageType, int attempts);

    [LoggerMessage(LogLevel.Information, "Re-sending {Count} outbox messages")]
    private partial void LogResending(int count);

    [LoggerMessage(LogLevel.Error, "Outbox relay failed; retrying")]
    private partial void LogRelayFailed(Exception exception);
}
