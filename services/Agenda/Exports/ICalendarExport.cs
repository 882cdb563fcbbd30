using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ForumPlatform.Agenda.Releases;

namespace ForumPlatform.Agenda.Exports;

/// <summary>
/// iCalendar (RFC 5545) of released sessions, written by Ical.Net (folding and escaping per the RFC). Times are in
/// UTC; UIDs are the session ids; SEQUENCE counts the releases that changed a session; cancelled sessions stay in
/// with <c>STATUS:CANCELLED</c>, so calendars that subscribed remove them.
/// </summary>
public static class ICalendarExport
{
    public static string Write(PublishedSchedule schedule, IEnumerable<PublishedSession> sessions, string name, string baseUrl) =>
        Write([(schedule, sessions)], name, baseUrl);

    /// <summary>Sessions of several releases (a person's stars across forums) in one calendar; its time zone is the first forum's.</summary>
    public static string Write(IReadOnlyList<(PublishedSchedule Schedule, IEnumerable<PublishedSession> Sessions)> parts, string name, string baseUrl)
    {
        var calendar = new Calendar { ProductId = "-//ForumPlatform//Agenda//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        if (parts.Count > 0)
        {
            calendar.AddProperty("X-WR-TIMEZONE", parts[0].Schedule.Forum.TimeZone);
        }

        foreach (var (schedule, sessions) in parts)
        {
            AddEvents(calendar, schedule, sessions, baseUrl);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static void AddEvents(Calendar calendar, PublishedSchedule schedule, IEnumerable<PublishedSession> sessions, string baseUrl)
    {
        var tracks = schedule.Tracks.ToDictionary(t => t.Slug, t => t.Name);
        foreach (var session in sessions)
        {
            var description = session.Abstract;
            if (session.Speakers.Count > 0)
            {
                description += $"\n\nSpeakers: {string.Join(", ", session.Speakers.Select(s => $"{s.Name} ({s.Role})"))}";
            }

            var calendarEvent = new CalendarEvent
            {
                Uid = $"{session.Id}@forumplatform",
                Sequence = session.Sequence,
                Summary = session.Title,
                Description = description,
                Location = string.Join(", ", new[] { session.Room, schedule.Forum.Venue, schedule.Forum.City }.Where(part => !string.IsNullOrWhiteSpace(part))),
                Start = new CalDateTime(session.Start.UtcDateTime, "UTC"),
                End = new CalDateTime(session.End.UtcDateTime, "UTC"),
                DtStamp = new CalDateTime(schedule.ReleasedAt.UtcDateTime, "UTC"),
                Status = session.Status == "cancelled" ? EventStatus.Cancelled : EventStatus.Confirmed,
                Url = new Uri($"{baseUrl}/api/agenda/forums/{schedule.Forum.Slug}/sessions/{session.Id}"),
            };
            calendarEvent.Categories.Add(session.Type);
            if (session.Track is { } track && tracks.TryGetValue(track, out var trackName))
            {
                calendarEvent.Categories.Add(trackName);
            }

            calendar.Events.Add(calendarEvent);
        }
    }
}
