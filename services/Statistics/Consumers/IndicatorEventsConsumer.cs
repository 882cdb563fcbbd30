using ForumPlatform.Contracts;
using ForumPlatform.Statistics.Platform;
using MassTransit;

namespace ForumPlatform.Statistics.Consumers;

/// <summary>This service's own indicator updates, counted like everyone else's events: from the broker.</summary>
public sealed class IndicatorEventsConsumer(PlatformFigures figures) : IConsumer<IndicatorUpdated>
{
    public Task Consume(ConsumeContext<IndicatorUpdated> context) => figures.RecordAsync(context.Message, context.CancellationToken);
}
