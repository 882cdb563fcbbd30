using System.Globalization;
using ForumPlatform.Agenda.Releases;

namespace ForumPlatform.Agenda.Exports;

/// <summary>
/// A release laid out as frab arranges a schedule: conference, then days, then rooms, then events, with times in the
/// forum's time zone. Both the JSON and the XML export are written from it. Cancelled sessions are left out (frab
/// has no cancelled state; the iCalendar export marks them instead); breaks for the whole forum get a room of their own.
/// </summary>
public sealed record FrabSchedule(string Version, FrabConference Conference, IReadOnlyList<FrabDay> Days, string BaseUrl)
{
    public const string WholeForumRoom = "Whole forum";

    public static readonly Guid WholeForumRoomGuid = Guid.Parse("7b0c6f1e-4f2a-4e4b-9d1a-000000000001");

    public static FrabSchedule From(PublishedSchedule schedule, string baseUrl)
    {
        var forum = schedule.Forum;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(forum.TimeZone);
        var acronym = new string(forum.Slug.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        var tracks = schedule.Tracks.ToDictionary(t => t.Slug);
        // frab names a day's rooms by name. The API refuses a second room of one name, but rooms added before it did
        // may share one, in the working copy and in releases: they share one entry rather than failing the export.
        var roomOrder = schedule.Rooms.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.Min(r => r.Position));
        var live = schedule.Sessions.Where(s => s.Status == "confirmed").ToList();

        var days = new List<FrabDay>();
        var index = 0;
        for (var date = forum.StartDate; date <= forum.EndDate; date = date.AddDays(1))
        {
            var dayStart = Local(date, zone);
            var dayEnd = Local(date.AddDays(1), zone);
            var rooms = live
                .Where(s => s.Start >= dayStart && s.Start < dayEnd)
                .GroupBy(s => s.Room ?? WholeForumRoom)
                .OrderBy(group => roomOrder.GetValueOrDefault(group.Key, 0))
                .Select(group => new FrabRoom(
                    group.Key,
                    group.First().RoomId ?? WholeForumRoomGuid,
                    group.OrderBy(s => s.Start).Select(s => Event(s, acronym, zone, tracks, baseUrl, forum.Slug)).ToList()))
                .ToList();
            days.Add(new FrabDay(++index, date, dayStart, dayEnd, rooms));
        }

        var conference = new FrabConference(
            acronym, forum.Name, forum.Description, forum.StartDate, forum.EndDate, days.Count, "00:15", forum.TimeZone,
            $"{baseUrl}/api/agenda/forums/{forum.Slug}",
            schedule.Tracks.Select(t => new FrabTrack(t.Name, t.Slug, t.Color)).ToList(),
            schedule.Rooms.OrderBy(r => r.Position).Select(r => new FrabRoomInfo(r.Name, r.Id, r.Capacity))
                .Append(new FrabRoomInfo(WholeForumRoom, WholeForumRoomGuid, null))
                .Where(r => r.Name != WholeForumRoom || live.Any(s => s.Room is null))
                .ToList());
        return new FrabSchedule(schedule.Version, conference, days, baseUrl);
    }

    private static FrabEvent Event(
        PublishedSession session, string acronym, TimeZoneInfo zone, Dictionary<string, PublishedTrack> tracks, string baseUrl, string forumSlug)
    {
        var start = TimeZoneInfo.ConvertTime(session.Start, zone);
        var end = TimeZoneInfo.ConvertTime(session.End, zone);
        var duration = session.End - session.Start;
        return new FrabEvent(
            session.Id,
            session.Number,
            start,
            end,
            start.ToString("HH:mm", CultureInfo.InvariantCulture),
            $"{(int)duration.TotalHours:00}:{duration.Minutes:00}",
            session.Room ?? WholeForumRoom,
            $"{acronym}-{session.Number.ToString("0000", CultureInfo.InvariantCulture)}",
            $"{baseUrl}/api/agenda/forums/{forumSlug}/sessions/{session.Id}",
            session.Title,
            session.Subtitle,
            session.Track is { } slug && tracks.TryGetValue(slug, out var track) ? track.Name : null,
            session.Type,
            session.Language,
            session.Abstract,
            session.Speakers,
            session.Links);
    }

    private static DateTimeOffset Local(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

public sealed record FrabConference(
    string Acronym, string Title, string Description, DateOnly Start, DateOnly End, int DaysCount, string TimeslotDuration,
    string TimeZoneName, string Url, IReadOnlyList<FrabTrack> Tracks, IReadOnlyList<FrabRoomInfo> Rooms);

public sealed record FrabTrack(string Name, string Slug, string Color);

public sealed record FrabRoomInfo(string Name, Guid Guid, int? Capacity);

public sealed record FrabDay(int Index, DateOnly Date, DateTimeOffset DayStart, DateTimeOffset DayEnd, IReadOnlyList<FrabRoom> Rooms);

public sealed record FrabRoom(string Name, Guid Guid, IReadOnlyList<FrabEvent> Events);

public sealed record FrabEvent(
    Guid Guid,
    int Id,
    DateTimeOffset Date,
    DateTimeOffset End,
    string Start,
    string Duration,
    string Room,
    string Slug,
    string Url,
    string Title,
    string? Subtitle,
    string? Track,
    string Type,
    string Language,
    string Abstract,
    IReadOnlyList<PublishedSessionSpeaker> Persons,
    IReadOnlyList<PublishedLink> Links);
