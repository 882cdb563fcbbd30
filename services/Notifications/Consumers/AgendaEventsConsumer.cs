using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Subscriptions;
using MassTransit;

namespace ForumPlatform.Notifications.Consumers;

/// <summary>Schedule events become <c>forum.session.*</c> and <c>forum.schedule.released</c> notifications.</summary>
public sealed class AgendaEventsConsumer(Fanout fanout) :
    IConsumer<SessionScheduled>, IConsumer<SessionRescheduled>, IConsumer<SessionCancelled>, IConsumer<ScheduleReleased>
{
    private const string Source = "/agenda";

    public Task Consume(ConsumeContext<SessionScheduled> context)
    {
        var session = context.Message;
        return fanout.RecordAsync(session, Source, SessionSubject(session.ForumSlug, session.SessionId),
            new NotificationFacts(EventTypes.SessionScheduled, Forum: session.ForumSlug, Track: session.TrackSlug,
                SessionId: session.SessionId, Language: session.Language),
            context.CancellationToken);
    }

    public Task Consume(ConsumeContext<SessionRescheduled> context)
    {
        var session = context.Message;
        return fanout.RecordAsync(session, Source, SessionSubject(session.ForumSlug, session.SessionId),
            new NotificationFacts(EventTypes.SessionRescheduled, Forum: session.ForumSlug, Track: session.TrackSlug, SessionId: session.SessionId),
            context.CancellationToken);
    }

    public Task Consume(ConsumeContext<SessionCancelled> context)
    {
        var session = context.Message;
        return fanout.RecordAsync(session, Source, SessionSubject(session.ForumSlug, session.SessionId),
            new NotificationFacts(EventTypes.SessionCancelled, Forum: session.ForumSlug, Track: session.TrackSlug, SessionId: session.SessionId),
            context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ScheduleReleased> context)
    {
        var release = context.Message;
        return fanout.RecordAsync(release, Source, $"forums/{release.ForumSlug}/releases/{release.Version}",
            new NotificationFacts(EventTypes.ScheduleReleased, Forum: release.ForumSlug),
            context.CancellationToken);
    }

    private static string SessionSubject(string forum, Guid session) => $"forums/{forum}/sessions/{session}";
}
