using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Subscriptions;
using MassTransit;

namespace ForumPlatform.Notifications.Consumers;

/// <summary>Indicator imports become <c>forum.indicator.updated</c> notifications, filterable by indicator code.</summary>
public sealed class IndicatorEventsConsumer(Fanout fanout) : IConsumer<IndicatorUpdated>
{
    public Task Consume(ConsumeContext<IndicatorUpdated> context)
    {
        var update = context.Message;
        return fanout.RecordAsync(update, "/statistics",
            $"indicators/{update.IndicatorCode}/{update.Reporter}/{update.Partner}/{update.Period}",
            new NotificationFacts(EventTypes.IndicatorUpdated, IndicatorCode: update.IndicatorCode),
            context.CancellationToken);
    }
}
