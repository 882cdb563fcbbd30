using ForumPlatform.Web.Api;

namespace ForumPlatform.Web.Workspace;

/// <summary>
/// The working copy in the shape of a released schedule, so the workspace lays it out by day, room and time exactly as
/// the public programme is laid out (<see cref="Programme"/>).
/// </summary>
public static class WorkingProgramme
{
    public static Schedule AsSchedule(Forum forum, IReadOnlyList<WorkingSession> sessions, WorkingParts parts)
    {
        var tracks = parts.Tracks.ToDictionary(track => track.Id);
        var rooms = parts.Rooms.ToDictionary(room => room.Id);
        var speakers = parts.Speakers.ToDictionary(speaker => speaker.Id);
        return new Schedule(
            "working copy", DateTimeOffset.MinValue, forum, [.. parts.Tracks.Select(track => new Track(track.Slug, track.Name, track.Color))],
            parts.Rooms, parts.Speakers,
            [.. sessions.Select(session => new ScheduledSession(
                session.Id, session.Title, session.Subtitle, session.Abstract, session.Type,
                session.TrackId is { } track && tracks.TryGetValue(track, out var t) ? t.Slug : null,
                session.RoomId, session.RoomId is { } room && rooms.TryGetValue(room, out var r) ? r.Name : null,
                session.Start, session.End, session.Language,
                [.. session.Speakers.Select(s => new SessionSpeaker(s.SpeakerId, speakers.TryGetValue(s.SpeakerId, out var p) ? p.Name : "", s.Role))],
                session.Links, session.Status, 0))]);
    }
}
