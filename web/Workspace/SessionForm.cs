using System.Globalization;
using ForumPlatform.Web.Api;

namespace ForumPlatform.Web.Workspace;

/// <summary>
/// A session as the organizers' form holds it: a day and times of day in the forum's time zone, a room and a track by
/// id ("" for none), the speakers ticked, links one per line as "title | address".
/// </summary>
public sealed record SessionForm(
    string Title, string Subtitle, string Type, string Day, string Start, string End, string Room, string Track, string Language,
    IReadOnlySet<Guid> Speakers, string Abstract, string Links)
{
    public static SessionForm Empty(string day) => new("", "", "panel", day, "", "", "", "", "en", new HashSet<Guid>(), "", "");

    public static SessionForm From(WorkingSession session, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTime(session.Start, zone);
        var end = TimeZoneInfo.ConvertTime(session.End, zone);
        return new(
            session.Title, session.Subtitle ?? "", session.Type, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            start.ToString("HH:mm", CultureInfo.InvariantCulture), end.ToString("HH:mm", CultureInfo.InvariantCulture),
            session.RoomId?.ToString() ?? "", session.TrackId?.ToString() ?? "", session.Language,
            session.Speakers.Select(s => s.SpeakerId).ToHashSet(), session.Abstract,
            LinkLines.Write(session.Links.Select(link => (link.Title, link.Url))));
    }

    public static SessionForm From(IFormCollection form) => new(
        form["title"].ToString(), form["subtitle"].ToString(), form["type"].ToString(), form["day"].ToString(), form["start"].ToString(),
        form["end"].ToString(), form["room"].ToString(), form["track"].ToString(), form["language"].ToString(),
        form["speakers"].Select(value => Guid.TryParse(value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToHashSet(),
        form["abstract"].ToString().Replace("\r\n", "\n"), form["links"].ToString().Replace("\r\n", "\n"));

    /// <summary>
    /// What the agenda's API takes. A speaker already on the session keeps their role (chair, moderator); one ticked
    /// now speaks. A day or time that does not read as one is left out, so the API names the field.
    /// </summary>
    public SessionDraft ToDraft(TimeZoneInfo zone, IReadOnlyDictionary<Guid, string> roles) => new(
        Title, Type, At(zone, Start), At(zone, End, midnightEnds: true), Subtitle.Trim().Length == 0 ? null : Subtitle, Abstract,
        Guid.TryParse(Track, out var track) ? track : null, Guid.TryParse(Room, out var room) ? room : null, Language,
        [.. Speakers.Select(id => new WorkingSessionSpeaker(id, roles.GetValueOrDefault(id, "speaker")))],
        [.. LinkLines.Read(Links).Select(link => new SessionLink(link.Title, link.Url))]);

    /// <summary>The form field an API message is about: <c>roomId</c> is the room list, <c>speakers[1].speakerId</c> the speakers.</summary>
    public static string FieldOf(string apiField) => apiField.Split('[', '.')[0] switch
    {
        "roomId" => "room",
        "trackId" => "track",
        var field => field,
    };

    /// <summary>The day and a time of it; an end at 00:00 is the midnight that ends the day.</summary>
    private DateTimeOffset? At(TimeZoneInfo zone, string time, bool midnightEnds = false)
    {
        if (!DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var of))
        {
            return null;
        }

        return Formats.InZone(day.AddDays(midnightEnds && of == TimeOnly.MinValue ? 1 : 0).ToDateTime(of), zone);
    }
}
