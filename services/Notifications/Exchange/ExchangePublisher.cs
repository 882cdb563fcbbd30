using System.Diagnostics;
using ForumPlatform.Messaging;
using ForumPlatform.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;

namespace ForumPlatform.Notifications.Exchange;

/// <summary>Wakes the exchange publisher when notifications are committed.</summary>
public sealed class ExchangeSignal : WakeSignal;

/// <summary>
/// Publishes every notification to the durable topic exchange <c>forum.notifications</c> as a structured CloudEvent
/// (<c>application/cloudevents+json</c>, routing key = event type), so subscribers can bind queues of their own,
/// e.g. <c>forum.session.*</c>. Each notification is marked once the broker confirms it, in the order received;
/// after a broker outage the backlog goes out in order.
/// </summary>
public sealed partial class ExchangePublisher(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    ExchangeSignal signal,
    TimeProvider clock,
    ILogger<ExchangePublisher> logger) : BackgroundService
{
    public const string ExchangeName = "forum.notifications";

    public static readonly ActivitySource ActivitySource = new("ForumPlatform.Notifications.Exchange");

    private const int BatchSize = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(configuration.GetConnectionString(MessagingExtensions.ConnectionName)!),
            ClientProvidedName = "notifications-exchange-publisher",
        };
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync(stoppingToken);
                await using var channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                    stoppingToken);
                await channel.ExchangeDeclareAsync(ExchangeName, ExchangeType.Topic, durable: true, autoDelete: false,
                    cancellationToken: stoppingToken);
                backoff = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    while (await PublishBatchAsync(channel, stoppingToken) == BatchSize)
                    {
                    }

                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPublishFailed(exception, backoff.TotalSeconds);
                await Task.Delay(backoff, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task<int> PublishBatchAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var pending = await db.ReceivedEvents.AsNoTracking()
            .Where(received => received.ExchangePublishedAt == null)
            .OrderBy(received => received.ReceivedAt).ThenBy(received => received.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        using var activity = ActivitySource.StartActivity("exchange publish");
        activity?.SetTag("messaging.batch.message_count", pending.Count);
        foreach (var received in pending)
        {
            var properties = new BasicProperties
            {
                ContentType = CloudEventEncoding.ContentType,
                MessageId = received.Id.ToString(),
                Type = received.Type,
                Timestamp = new AmqpTimestamp(received.OccurredAt.ToUnixTimeSeconds()),
                Persistent = true,
            };
            if (received.TraceParent is not null)
            {
                properties.Headers = new Dictionary<string, object?> { ["traceparent"] = received.TraceParent };
            }

            // With confirmation tracking on, this completes when the broker has taken the message.
            await channel.BasicPublishAsync(ExchangeName, received.Type, mandatory: false, properties,
                CloudEventEncoding.Encode(received), cancellationToken);
        }

        var ids = pending.Select(received => received.Id).ToList();
        var now = clock.GetUtcNow();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        await db.ReceivedEvents.Where(received => ids.Contains(received.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(received => received.ExchangePublishedAt, now), cancellationToken);
        await write.CommitAsync(cancellationToken);

        return pending.Count;
    }

    [LoggerMessage(LogLevel.Warning, "Publishing notifications to the exchange failed; retrying in {Seconds} s")]
    private partial void LogPublishFailed(Exception exception, double seconds);
}
