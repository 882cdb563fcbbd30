namespace ForumPlatform.Contracts;

// Agenda events are emitted when a schedule release makes a change public, not on working-copy edits.

public sealed record SessionScheduled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid SessionId,
    string ForumSlug,
    string ScheduleVersion,
    string Title,
    string SessionType,
    string? TrackSlug,
    string? TrackName,
    string? Room,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Language,
    IReadOnlyList<string> Speakers) : IForumEvent;

public sealed record SessionRescheduled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid SessionId,
    string ForumSlug,
    string ScheduleVersion,
    string Title,
    string? TrackSlug,
    DateTimeOffset OldStart,
    DateTimeOffset OldEnd,
    string? OldRoom,
    DateTimeOffset NewStart,
    DateTimeOffset NewEnd,
    string? NewRoom) : IForumEvent;

public sealed record SessionCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid SessionId,
    string ForumSlug,
    string ScheduleVersion,
    string Title,
    string? TrackSlug,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Room) : IForumEvent;

public sealed record ScheduleReleased(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string ForumSlug,
    string Version,
    string? PreviousVersion,
    string? Comment,
    int NewSessions,
    int MovedSessions,
    int CancelledSessions) : IForumEvent;
