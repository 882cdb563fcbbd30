using ForumPlatform.Contracts;
using ForumPlatform.Statistics.Platform;
using MassTransit;

namespace ForumPlatform.Statistics.Consumers;

/// <summary>Deliveries (with their latency), failures and subscriptions' comings and goings.</summary>
public sealed class NotificationEventsConsumer(PlatformFigures figures) :
    IConsumer<NotificationDelivered>, IConsumer<NotificationFailed>, IConsumer<SubscriptionStatusChanged>
{
    public Task Consume(ConsumeContext<NotificationDelivered> context) => figures.RecordAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<NotificationFailed> context) => figures.RecordAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<SubscriptionStatusChanged> context) => figures.RecordAsync(context.Message, context.CancellationToken);
}
