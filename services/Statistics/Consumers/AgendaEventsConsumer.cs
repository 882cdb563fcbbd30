using ForumPlatform.Contracts;
using ForumPlatform.Statistics.Platform;
using MassTransit;

namespace ForumPlatform.Statistics.Consumers;

/// <summary>Schedule releases and their changes, counted by forum, track, day and release.</summary>
public sealed class AgendaEventsConsumer(PlatformFigures figures) :
    IConsumer<SessionScheduled>, IConsumer<SessionRescheduled>, IConsumer<SessionCancelled>, IConsumer<ScheduleReleased>
{
    public Task Consume(ConsumeContext<SessionScheduled> context) => figures.RecordAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<SessionRescheduled> context) => figures.RecordAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<SessionCancelled> context) => figures.RecordAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ScheduleReleased> context) => figures.RecordAsync(context.Message, context.CancellationToken);
}
