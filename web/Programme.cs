using System.Globalization;
using System.Text.RegularExpressions;
using ForumPlatform.Web.Api;

namespace ForumPlatform.Web;

/// <summary>What a reader asked the programme page for (query parameters, as given).</summary>
public sealed record ProgrammeFilter(string? Day, string? Track, string? Type, string? Speaker, string? TimeZone);

/// <summary>One row of the programme grid: sessions starting at one time, by room, or one row for the whole forum.</summary>
public sealed record ProgrammeSlot(DateTimeOffset Start, bool WholeForum, IReadOnlyList<ScheduledSession> Sessions);

/// <summary>
/// One day of a released schedule as the programme page shows it: filtered, in the reader's time zone, with the rooms
/// in use as columns and the start times as rows.
/// </summary>
public sealed partial class Programme
{
    /// <summary>Time zones offered besides the forum's own (any IANA id works in <c>?tz=</c>; the page's script sends the browser's).</summary>
    public static readonly IReadOnlyList<string> CommonTimeZones =
    [
        "UTC", "Asia/Shanghai", "Asia/Almaty", "Asia/Bishkek", "Asia/Dushanbe", "Asia/Ashgabat", "Asia/Tashkent", "Asia/Kabul",
        "Asia/Karachi", "Asia/Kolkata", "Asia/Ulaanbaatar", "Asia/Baku", "Asia/Tbilisi", "Asia/Dubai", "Asia/Tokyo",
        "Europe/Moscow", "Europe/Istanbul", "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles",
    ];

    private Programme(Schedule schedule, TimeZoneInfo zone, bool zoneUnknown)
    {
        Schedule = schedule;
        Zone = zone;
        ZoneUnknown = zoneUnknown;
    }

    public Schedule Schedule { get; }

    /// <summary>The zone times are shown in: the reader's when asked for, else the forum's.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The reader asked for a time zone this server does not know; the forum's is used.</summary>
    public bool ZoneUnknown { get; }

    public bool InForumZone => Zone.Id == Schedule.Forum.TimeZone;

    public IReadOnlyList<(DateOnly Day, int Sessions)> Days { get; private set; } = [];

    public DateOnly Day { get; private set; }

    public IReadOnlyList<Room> Rooms { get; private set; } = [];

    public IReadOnlyList<ScheduledSession> Sessions { get; private set; } = [];

    public IReadOnlyList<ProgrammeSlot> Slots { get; private set; } = [];

    public static Programme Build(Schedule schedule, ProgrammeFilter filter, DateTimeOffset now)
    {
        var forumZone = Formats.Zone(schedule.Forum.TimeZone);
        var asked = string.IsNullOrWhiteSpace(filter.TimeZone) ? null : filter.TimeZone;
        // Only names shaped like IANA ids reach the system's zone files.
        var readerZone = asked is { Length: <= 64 } && ZoneName().IsMatch(asked) && TimeZoneInfo.TryFindSystemTimeZoneById(asked, out var found)
            ? found
            : null;
        var programme = new Programme(schedule, readerZone ?? forumZone, asked is not null && readerZone is null);

        // Days are the forum's (its zone), as the agenda service counts them; times within a day are the reader's.
        DateOnly ForumDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, forumZone).DateTime);
        var days = new List<(DateOnly, int)>();
        for (var day = schedule.Forum.StartDate; day <= schedule.Forum.EndDate; day = day.AddDays(1))
        {
            days.Add((day, schedule.Sessions.Count(s => !s.IsCancelled && ForumDay(s.Start) == day)));
        }

        programme.Days = days;
        var today = ForumDay(now);
        programme.Day = DateOnly.TryParseExact(filter.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen)
                        && days.Any(d => d.Item1 == chosen) ? chosen
            : days.Any(d => d.Item1 == today) ? today
            : schedule.Forum.StartDate;

        var speaker = Guid.TryParse(filter.Speaker, out var speakerId) ? speakerId : (Guid?)null;
        programme.Sessions = schedule.Sessions
            .Where(s => ForumDay(s.Start) == programme.Day)
            .Where(s => string.IsNullOrEmpty(filter.Track) || s.Track == filter.Track)
            .Where(s => string.IsNullOrEmpty(filter.Type) || s.Type == filter.Type)
            .Where(s => speaker is null || s.Speakers.Any(p => p.Id == speaker))
            .OrderBy(s => s.Start).ThenBy(s => s.Room, StringComparer.Ordinal)
            .ToList();
        var roomsInUse = programme.Sessions.Where(s => s.RoomId is not null).Select(s => s.RoomId).ToHashSet();
        programme.Rooms = schedule.Rooms.Where(r => roomsInUse.Contains(r.Id)).OrderBy(r => r.Position).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        programme.Slots = programme.Sessions
            .GroupBy(s => (s.Start, WholeForum: s.RoomId is null))
            .OrderBy(g => g.Key.Start).ThenByDescending(g => g.Key.WholeForum)
            .Select(g => new ProgrammeSlot(g.Key.Start, g.Key.WholeForum, g.ToList()))
            .ToList();
        return programme;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$")]
    private static partial Regex ZoneName();

    /// <summary>The zone as readers know it, with its offset that day: "Asia/Urumqi (UTC+06:00)".</summary>
    public string ZoneLabel
    {
        get
        {
            var offset = Zone.GetUtcOffset(Day.ToDateTime(new TimeOnly(12, 0)));
            return $"{Zone.Id} (UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset:hh\\:mm})";
        }
    }
}
