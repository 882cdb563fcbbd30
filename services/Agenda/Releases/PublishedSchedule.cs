namespace ForumPlatform.Agenda.Releases;

/// <summary>
/// A released schedule as the public sees it: frozen at release time and stored whole, so every read and export
/// of a version shows exactly what was released, however the working copy changes afterwards.
/// </summary>
public sealed record PublishedSchedule(
    string Version,
    DateTimeOffset ReleasedAt,
    PublishedForum Forum,
    IReadOnlyList<PublishedTrack> Tracks,
    IReadOnlyList<PublishedRoom> Rooms,
    IReadOnlyList<PublishedSpeaker> Speakers,
    IReadOnlyList<PublishedSession> Sessions);

public sealed record PublishedForum(
    string Slug, string Name, string Theme, string HostOrganization, string City, string Venue,
    DateOnly StartDate, DateOnly EndDate, string TimeZone, string Description, IReadOnlyList<string> Languages);

public sealed record PublishedTrack(string Slug, string Name, string Color);

public sealed record PublishedRoom(Guid Id, string Name, int Capacity, int Position);

public sealed record PublishedSpeaker(Guid Id, string Name, string Role, string Organization, string? Country, string Bio, string? PhotoUrl);

public sealed record PublishedSessionSpeaker(Guid Id, string Name, string Role);

public sealed record PublishedLink(string Title, string Url);

/// <summary>A session in a release; <see cref="Sequence"/> counts the releases that changed it (iCalendar SEQUENCE).</summary>
public sealed record PublishedSession(
    Guid Id,
    int Number,
    string Title,
    string? Subtitle,
    string Abstract,
    string Type,
    string? Track,
    Guid? RoomId,
    string? Room,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Language,
    IReadOnlyList<PublishedSessionSpeaker> Speakers,
    IReadOnlyList<PublishedLink> Links,
    string Status,
    int Sequence);

/// <summary>What a release changed against the previous one.</summary>
public sealed record ScheduleChange(
    string Kind,
    Guid SessionId,
    string Title,
    DateTimeOffset? OldStart,
    DateTimeOffset? OldEnd,
    string? OldRoom,
    DateTimeOffset? NewStart,
    DateTimeOffset? NewEnd,
    string? NewRoom);

public static class ChangeKinds
{
    public const string New = "new";
    public const string Moved = "moved";
    public const string Cancelled = "cancelled";
}
