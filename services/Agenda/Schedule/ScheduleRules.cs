using System.Globalization;
using ForumPlatform.Agenda.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Agenda.Schedule;

/// <summary>Why a session cannot be placed: the field or the session it clashes with, in words an organizer reads.</summary>
public sealed record RuleViolation(int Status, string Field, string Message, Guid? ClashesWith = null);

/// <summary>
/// The rules a session in the working copy must keep: it ends after it starts, lies within the forum's days (in the
/// forum's time zone), uses a room, track and speakers of its forum, and shares no time with another session in the
/// same room, with a session of one of its speakers, or with a forum-wide break.
/// </summary>
public static class ScheduleRules
{
    public static async Task<RuleViolation?> CheckAsync(AgendaDbContext db, Forum forum, Session candidate, CancellationToken cancellationToken)
    {
        if (candidate.End <= candidate.Start)
        {
            return new(StatusCodes.Status422UnprocessableEntity, "end", "The session ends before it starts.");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(forum.TimeZone);
        var firstMoment = Local(forum.StartDate, zone);
        var lastMoment = Local(forum.EndDate.AddDays(1), zone);
        if (candidate.Start < firstMoment || candidate.End > lastMoment)
        {
            return new(StatusCodes.Status422UnprocessableEntity, candidate.Start < firstMoment ? "start" : "end",
                $"The session ({Show(candidate.Start, zone)} to {Show(candidate.End, zone)}) lies outside the forum's days, "
                + $"{forum.StartDate:yyyy-MM-dd} to {forum.EndDate:yyyy-MM-dd} ({forum.TimeZone}).");
        }

        Room? room = null;
        if (candidate.RoomId is { } roomId)
        {
            room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == roomId && r.ForumId == forum.Id, cancellationToken);
            if (room is null)
            {
                return new(StatusCodes.Status422UnprocessableEntity, "roomId", $"Room {roomId} is not a room of {forum.Slug}.");
            }
        }

        if (candidate.TrackId is { } trackId && !await db.Tracks.AnyAsync(t => t.Id == trackId && t.ForumId == forum.Id, cancellationToken))
        {
            return new(StatusCodes.Status422UnprocessableEntity, "trackId", $"Track {trackId} is not a track of {forum.Slug}.");
        }

        var speakerIds = candidate.Speakers.Select(s => s.SpeakerId).ToList();
        var speakers = await db.Speakers.Where(s => s.ForumId == forum.Id && speakerIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        for (var i = 0; i < speakerIds.Count; i++)
        {
            if (!speakers.ContainsKey(speakerIds[i]))
            {
                return new(StatusCodes.Status422UnprocessableEntity, $"speakers[{i}].speakerId", $"Speaker {speakerIds[i]} is not a speaker of {forum.Slug}.");
            }
        }

        if (candidate.Status == SessionStatus.Cancelled)
        {
            return null;
        }

        var overlapping = await db.Sessions
            .Where(s => s.ForumId == forum.Id && s.Id != candidate.Id && s.Status == SessionStatus.Confirmed
                && s.Start < candidate.End && candidate.Start < s.End)
            .OrderBy(s => s.Start)
            .ToListAsync(cancellationToken);

        foreach (var other in overlapping)
        {
            var when = $"from {Show(other.Start, zone)} to {Show(other.End, zone)}";
            if (other.IsForumWideBreak)
            {
                return new(StatusCodes.Status409Conflict, "start", $"'{other.Title}' is a break for the whole forum {when}.", other.Id);
            }

            if (candidate.IsForumWideBreak)
            {
                return new(StatusCodes.Status409Conflict, "start", $"A break for the whole forum cannot overlap '{other.Title}' ({when}).", other.Id);
            }

            if (room is not null && other.RoomId == room.Id)
            {
                return new(StatusCodes.Status409Conflict, "roomId", $"Room '{room.Name}' is booked {when} by '{other.Title}'.", other.Id);
            }

            var shared = other.Speakers.Select(s => s.SpeakerId).Intersect(speakerIds).FirstOrDefault();
            if (shared != Guid.Empty)
            {
                var index = speakerIds.IndexOf(shared);
                return new(StatusCodes.Status409Conflict, $"speakers[{index}].speakerId",
                    $"{speakers[shared].Name} speaks in '{other.Title}' {when}.", other.Id);
            }
        }

        return null;
    }

    private static DateTimeOffset Local(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string Show(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
