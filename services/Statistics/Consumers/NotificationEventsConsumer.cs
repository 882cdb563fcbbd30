using ForumPlatform.Contracts;
using ForumPlatform.Statistics.Data;
using MassTransit;

namespace ForumPlatform.Statistics.Consumers;

/// <summary>Counts notifications delivered and failed by channel and event type.</summary>
public sealed class NotificationEventsConsumer(PlatformFigures figures) :
    IConsumer<NotificationDelivered>, IConsumer<NotificationFailed>
{
    public Task Consume(ConsumeContext<NotificationDelivered> context) =>
        figures.RecordAsync(context.Message, "forum.notification.delivered", context.CancellationToken,
            $"channel:{context.Message.Channel}", $"type:{context.Message.EventType}");

    public Task Consume(ConsumeContext<NotificationFailed> context) =>
        figures.RecordAsync(context.Message, "forum.notification.failed", context.CancellationToken,
            $"channel:{context.Message.Channel}", $"type:{context.Message.EventType}");
}
