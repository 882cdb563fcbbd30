using ForumPlatform.Contracts;
using ForumPlatform.Statistics.Data;
using MassTransit;

namespace ForumPlatform.Statistics.Consumers;

/// <summary>Counts schedule changes by forum and track.</summary>
public sealed class AgendaEventsConsumer(PlatformFigures figures) :
    IConsumer<SessionScheduled>, IConsumer<SessionRescheduled>, IConsumer<SessionCancelled>, IConsumer<ScheduleReleased>
{
    public Task Consume(ConsumeContext<SessionScheduled> context) =>
        figures.RecordAsync(context.Message, EventTypes.SessionScheduled, context.CancellationToken,
            $"forum:{context.Message.ForumSlug}", $"track:{context.Message.TrackSlug ?? "none"}");

    public Task Consume(ConsumeContext<SessionRescheduled> context) =>
        figures.RecordAsync(context.Message, EventTypes.SessionRescheduled, context.CancellationToken,
            $"forum:{context.Message.ForumSlug}", $"release:{context.Message.ScheduleVersion}");

    public Task Consume(ConsumeContext<SessionCancelled> context) =>
        figures.RecordAsync(context.Message, EventTypes.SessionCancelled, context.CancellationToken,
            $"forum:{context.Message.ForumSlug}", $"release:{context.Message.ScheduleVersion}");

    public Task Consume(ConsumeContext<ScheduleReleased> context) =>
        figures.RecordAsync(context.Message, EventTypes.ScheduleReleased, context.CancellationToken,
            $"forum:{context.Message.ForumSlug}");
}
