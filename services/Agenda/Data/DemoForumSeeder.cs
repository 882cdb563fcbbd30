using ForumPlatform.Agenda.Releases;
using ForumPlatform.Database;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Agenda.Data;

/// <summary>
/// The Tianshan Forum 2025 as reported in the news: Urumqi, 2–3 December 2025, hosted by the CAREC Institute, its
/// three tracks, the opening with Lan Fo'an, Charymuhammet Shallyyev and Ahsan Iqbal, and the launch of the Central
/// Asia fiscal cooperation research center. Rooms, times and the other sessions are sample data and say so.
/// Released as version 1.0. Loaded in Development, once, when the forum has no programme yet.
/// </summary>
internal sealed class DemoForumSeeder(IHostEnvironment environment, ScheduleReleaser releaser) : IDatabaseSeeder<AgendaDbContext>
{
    public const string Slug = "tianshan-forum-2025";
    private static readonly TimeSpan BeijingTime = TimeSpan.FromHours(8);
    private const string Sample = " (Sample data: time, room and content invented for the demo.)";

    public async Task SeedAsync(AgendaDbContext db, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        await using var write = await db.BeginWriteAsync(cancellationToken);
        var forum = await db.Forums.SingleOrDefaultAsync(f => f.Slug == Slug, cancellationToken);
        if (forum is null)
        {
            forum = new Forum
            {
                Id = Guid.Parse("0193a3c0-0000-7000-8000-000000002025"),
                Slug = Slug,
                Name = "Tianshan Forum for Central Asia Economic Cooperation 2025",
                Theme = "Unlocking Connectivity and Investment in Central Asia",
                HostOrganization = "CAREC Institute",
                City = "Urumqi",
                Venue = "",
                StartDate = new DateOnly(2025, 12, 2),
                EndDate = new DateOnly(2025, 12, 3),
                // Urumqi officially keeps Beijing time.
                TimeZone = "Asia/Shanghai",
                Description = "Two days on transport, energy and digital connectivity across Central Asia, "
                    + "with ministers and directors of the region as speakers.",
                Languages = ["en", "zh", "ru"],
            };
            db.Forums.Add(forum);
        }

        if (await db.Tracks.AnyAsync(t => t.ForumId == forum.Id, cancellationToken))
        {
            return;
        }

        var transport = Track(db, forum, "transport", "Transport", "#1f77b4");
        var energy = Track(db, forum, "energy", "Energy", "#ff7f0e");
        var digital = Track(db, forum, "digital-connectivity", "Digital connectivity", "#2ca02c");

        var hall = Room(db, forum, "Main Hall (sample)", 800, 1);
        var roomA = Room(db, forum, "Room A (sample)", 200, 2);
        var roomB = Room(db, forum, "Room B (sample)", 200, 3);
        var roomC = Room(db, forum, "Room C (sample)", 120, 4);

        var lan = Person(db, forum, "Lan Fo'an", "Minister of Finance", "Ministry of Finance of the People's Republic of China", "CN");
        var shallyyev = Person(db, forum, "Charymuhammet Shallyyev", "Director", "CAREC Institute", "TM");
        var iqbal = Person(db, forum, "Ahsan Iqbal", "Federal Minister for Planning, Development and Special Initiatives", "Government of Pakistan", "PK");
        var moderator = Person(db, forum, "Sample Moderator", "Moderator (sample data)", "Sample organization", null);

        Session(db, forum, "Opening plenary: Unlocking Connectivity and Investment in Central Asia", SessionType.Plenary, null, hall,
            At(2, 9, 0), At(2, 10, 30), "Opening of the forum." + Sample,
            (shallyyev, SessionRole.Chair), (lan, SessionRole.Speaker), (iqbal, SessionRole.Speaker));
        Session(db, forum, "Launch of the Central Asia fiscal cooperation research center", SessionType.Launch, null, hall,
            At(2, 10, 45), At(2, 11, 30), "The forum launches a research center for fiscal cooperation in Central Asia." + Sample,
            (lan, SessionRole.Speaker), (shallyyev, SessionRole.Speaker));
        Session(db, forum, "Lunch break", SessionType.Break, null, null, At(2, 12, 0), At(2, 13, 30), "Sample data.");
        Session(db, forum, "Transport corridors across Central Asia", SessionType.Panel, transport, roomA,
            At(2, 13, 30), At(2, 15, 0), "Panel of the transport track." + Sample, (moderator, SessionRole.Moderator));
        Session(db, forum, "Regional power trade", SessionType.Panel, energy, roomB,
            At(2, 13, 30), At(2, 15, 0), "Panel of the energy track." + Sample);
        Session(db, forum, "Digital connectivity for the region", SessionType.Panel, digital, roomC,
            At(2, 13, 30), At(2, 15, 0), "Panel of the digital connectivity track." + Sample);
        Session(db, forum, "Investment in cross-border infrastructure", SessionType.Workshop, transport, roomA,
            At(3, 9, 30), At(3, 11, 0), "Workshop of the transport track." + Sample);
        Session(db, forum, "Closing plenary", SessionType.Plenary, null, hall,
            At(3, 15, 0), At(3, 16, 0), "Closing of the forum." + Sample, (shallyyev, SessionRole.Speaker));

        // Saved within the write so the release reads the sessions back.
        await db.SaveChangesAsync(cancellationToken);
        await releaser.ReleaseAsync(forum, "1.0", "The programme of the Tianshan Forum 2025.", "demo-content", cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    private static DateTimeOffset At(int day, int hour, int minute) => new(2025, 12, day, hour, minute, 0, BeijingTime);

    private static Track Track(AgendaDbContext db, Forum forum, string slug, string name, string color)
    {
        var track = new Track { Id = Guid.CreateVersion7(), ForumId = forum.Id, Slug = slug, Name = name, Color = color };
        db.Tracks.Add(track);
        return track;
    }

    private static Room Room(AgendaDbContext db, Forum forum, string name, int capacity, int position)
    {
        var room = new Room { Id = Guid.CreateVersion7(), ForumId = forum.Id, Name = name, Capacity = capacity, Position = position };
        db.Rooms.Add(room);
        return room;
    }

    private static Speaker Person(AgendaDbContext db, Forum forum, string name, string role, string organization, string? country)
    {
        var speaker = new Speaker { Id = Guid.CreateVersion7(), ForumId = forum.Id, Name = name, Role = role, Organization = organization, Country = country };
        db.Speakers.Add(speaker);
        return speaker;
    }

    private static void Session(
        AgendaDbContext db, Forum forum, string title, SessionType type, Track? track, Room? room,
        DateTimeOffset start, DateTimeOffset end, string summary, params (Speaker Speaker, SessionRole Role)[] speakers) =>
        db.Sessions.Add(new Session
        {
            Id = Guid.CreateVersion7(),
            ForumId = forum.Id,
            Number = db.Sessions.Local.Count(s => s.ForumId == forum.Id) + 1,
            Title = title,
            Abstract = summary,
            Type = type,
            TrackId = track?.Id,
            RoomId = room?.Id,
            Start = start.ToUniversalTime(),
            End = end.ToUniversalTime(),
            Language = "en",
            Speakers = speakers.Select(s => new SessionSpeaker(s.Speaker.Id, s.Role)).ToList(),
        });
}
