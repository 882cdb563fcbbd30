using System.Globalization;
using ForumPlatform.Agenda.Data;
using ForumPlatform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Agenda.Releases;

/// <summary>
/// Freezes the working copy into a new release: computes the change list against the previous release, counts
/// each session's changes (its iCalendar SEQUENCE), and puts the events that make the changes public into the
/// outbox — one per new, moved or cancelled session, and <see cref="ScheduleReleased"/>. The caller saves.
/// </summary>
public sealed class ScheduleReleaser(AgendaDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The largest part of a version an organizer may give, so counting on from it never overflows. Versions stored
    /// before this limit existed are read as they are.
    /// </summary>
    private const int MaxGivenVersionPart = 9999;

    /// <summary>
    /// Freezes the working copy as the next version. Refused (with the reason) when the version is malformed or does not
    /// come after the last one, and, with <c>NothingChanged</c>, when the working copy is what the last release made public.
    /// </summary>
    public async Task<(ScheduleRelease? Release, string? Error, bool NothingChanged)> ReleaseAsync(
        Forum forum, string? version, string? comment, string releasedBy, CancellationToken cancellationToken)
    {
        var previous = await db.Releases.Where(r => r.ForumId == forum.Id).OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (version is not null && !(TryParseVersion(version, out var given) && given.Major <= MaxGivenVersionPart && given.Minor <= MaxGivenVersionPart))
        {
            return (null, $"A version is major.minor, each part 0 to {MaxGivenVersionPart}, e.g. 1.0 or 1.1.", false);
        }

        var nextVersion = version ?? NextVersion(previous?.Version);
        if (nextVersion is null || !TryParseVersion(nextVersion, out var next))
        {
            return (null, $"The version after {previous?.Version} cannot be counted; give one.", false);
        }

        if (previous is not null && TryParseVersion(previous.Version, out var last) && next.CompareTo(last) <= 0)
        {
            return (null, $"The version must come after {previous.Version}.", false);
        }

        var now = clock.GetUtcNow();
        var draft = await DraftAsync(forum, previous, nextVersion, now, cancellationToken);
        if (previous is not null && !draft.ChangesAnything)
        {
            return (null, $"Nothing changed since version {previous.Version}: a release needs a change to announce.", true);
        }

        foreach (var session in draft.Sessions)
        {
            session.Released = true;
        }

        var release = new ScheduleRelease
        {
            Id = Guid.CreateVersion7(now),
            ForumId = forum.Id,
            Version = nextVersion,
            Sequence = (previous?.Sequence ?? 0) + 1,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            ReleasedAt = now,
            ReleasedBy = releasedBy,
            Changes = [.. draft.Changes],
            Schedule = draft.Schedule,
        };
        db.Releases.Add(release);
        AddEvents(forum, release, previous?.Version, draft.Schedule.Sessions.ToDictionary(s => s.Id), now);
        return (release, null, false);
    }

    /// <summary>What the next release would make public and announce, without making it: the organizers' preview.</summary>
    public async Task<ReleasePreview> PreviewAsync(Forum forum, CancellationToken cancellationToken)
    {
        var previous = await db.Releases.AsNoTracking().Where(r => r.ForumId == forum.Id).OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
        var draft = await DraftAsync(forum, previous, NextVersion(previous?.Version) ?? "", clock.GetUtcNow(), cancellationToken);
        var edited = draft.Schedule.Sessions.Count(session => previous?.Schedule.Sessions.FirstOrDefault(old => old.Id == session.Id) is { } old
                                                               && old.Sequence != session.Sequence);
        return new ReleasePreview(previous?.Version, NextVersion(previous?.Version), previous is null || draft.ChangesAnything, draft.Changes, edited);
    }

    /// <summary>
    /// The working copy as a release would publish it: each session as the public would see it, with its SEQUENCE
    /// (raised for any change, a renamed room or speaker included), and the change list against the previous release.
    /// </summary>
    private async Task<ReleaseDraft> DraftAsync(Forum forum, ScheduleRelease? previous, string version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Every order ends with the id: two rooms at one position (or two tracks of one name) keep their order from
        // release to release, so an unchanged working copy compares equal to the last release.
        var tracks = await db.Tracks.Where(t => t.ForumId == forum.Id).OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var rooms = await db.Rooms.Where(r => r.ForumId == forum.Id).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var speakers = await db.Speakers.Where(s => s.ForumId == forum.Id).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var sessions = await db.Sessions
            .Where(s => s.ForumId == forum.Id && (s.Status == SessionStatus.Confirmed || s.Released))
            .ToListAsync(cancellationToken);
        sessions = [.. sessions.OrderBy(s => s.Start).ThenBy(s => s.Title, StringComparer.Ordinal).ThenBy(s => s.Id)];

        var trackSlugs = tracks.ToDictionary(t => t.Id, t => t.Slug);
        var roomNames = rooms.ToDictionary(r => r.Id, r => r.Name);
        var speakerNames = speakers.ToDictionary(s => s.Id, s => s.Name);
        var before = previous?.Schedule.Sessions.ToDictionary(s => s.Id) ?? [];

        var published = new List<PublishedSession>();
        var changes = new List<ScheduleChange>();
        var anyContentChanged = false;
        foreach (var session in sessions)
        {
            var draft = new PublishedSession(
                session.Id, session.Number, session.Title, session.Subtitle, session.Abstract, session.Type.ToString().ToLowerInvariant(),
                session.TrackId is { } trackId ? trackSlugs[trackId] : null,
                session.RoomId, session.RoomId is { } roomId ? roomNames[roomId] : null,
                session.Start, session.End, session.Language,
                session.Speakers.Select(s => new PublishedSessionSpeaker(s.SpeakerId, speakerNames[s.SpeakerId], s.Role.ToString().ToLowerInvariant())).ToList(),
                session.Links.Select(l => new PublishedLink(l.Title, l.Url)).ToList(),
                session.Status.ToString().ToLowerInvariant(),
                Sequence: 0);

            before.TryGetValue(session.Id, out var old);
            if (Compare(old, draft) is { } change)
            {
                changes.Add(change);
            }

            var changed = old is null || !SameContent(old, draft);
            anyContentChanged |= changed;
            published.Add(draft with { Sequence = old is null ? 0 : old.Sequence + (changed ? 1 : 0) });
        }

        var schedule = new PublishedSchedule(
            version, now,
            new PublishedForum(forum.Slug, forum.Name, forum.Theme, forum.HostOrganization, forum.City, forum.Venue,
                forum.StartDate, forum.EndDate, forum.TimeZone, forum.Description, forum.Languages),
            tracks.Select(t => new PublishedTrack(t.Slug, t.Name, t.Color)).ToList(),
            rooms.Select(r => new PublishedRoom(r.Id, r.Name, r.Capacity, r.Position)).ToList(),
            speakers.Select(s => new PublishedSpeaker(s.Id, s.Name, s.Role, s.Organization, s.Country, s.Bio, s.PhotoUrl)).ToList(),
            published);
        var changesAnything = previous is null || anyContentChanged || before.Count != published.Count || !SameFrame(previous.Schedule, schedule);
        return new ReleaseDraft(schedule, changes, changesAnything, sessions);
    }

    /// <summary>Whether two releases show the same forum, tracks, rooms and speakers (sessions are compared one by one).</summary>
    private static bool SameFrame(PublishedSchedule old, PublishedSchedule current) =>
        old.Forum with { Languages = [] } == current.Forum with { Languages = [] }
        && old.Forum.Languages.SequenceEqual(current.Forum.Languages)
        && old.Tracks.SequenceEqual(current.Tracks)
        && old.Rooms.SequenceEqual(current.Rooms)
        && old.Speakers.SequenceEqual(current.Speakers);

    private sealed record ReleaseDraft(PublishedSchedule Schedule, IReadOnlyList<ScheduleChange> Changes, bool ChangesAnything, List<Session> Sessions);

    private void AddEvents(Forum forum, ScheduleRelease release, string? previousVersion, Dictionary<Guid, PublishedSession> sessions, DateTimeOffset now)
    {
        var tracks = release.Schedule.Tracks.ToDictionary(t => t.Slug, t => t.Name);
        foreach (var change in release.Changes)
        {
            var session = sessions[change.SessionId];
            switch (change.Kind)
            {
                case ChangeKinds.New:
                    db.AddEvent(new SessionScheduled(
                        Guid.CreateVersion7(now), now, session.Id, forum.Slug, release.Version, session.Title, session.Type,
                        session.Track, session.Track is { } slug ? tracks[slug] : null, session.Room, session.Start, session.End,
                        session.Language, session.Speakers.Select(s => s.Name).ToList()));
                    break;
                case ChangeKinds.Moved:
                    db.AddEvent(new SessionRescheduled(
                        Guid.CreateVersion7(now), now, session.Id, forum.Slug, release.Version, session.Title, session.Track,
                        change.OldStart!.Value, change.OldEnd!.Value, change.OldRoom, session.Start, session.End, session.Room));
                    break;
                case ChangeKinds.Cancelled:
                    db.AddEvent(new SessionCancelled(
                        Guid.CreateVersion7(now), now, session.Id, forum.Slug, release.Version, session.Title, session.Track,
                        session.Start, session.End, session.Room));
                    break;
            }
        }

        db.AddEvent(new ScheduleReleased(
            Guid.CreateVersion7(now), now, forum.Slug, release.Version, previousVersion, release.Comment,
            release.Changes.Count(c => c.Kind == ChangeKinds.New),
            release.Changes.Count(c => c.Kind == ChangeKinds.Moved),
            release.Changes.Count(c => c.Kind == ChangeKinds.Cancelled)));
    }

    private static ScheduleChange? Compare(PublishedSession? old, PublishedSession current)
    {
        var wasPublic = old is not null && old.Status == "confirmed";
        var isPublic = current.Status == "confirmed";
        if (!wasPublic && isPublic)
        {
            return new(ChangeKinds.New, current.Id, current.Title, null, null, null, current.Start, current.End, current.Room);
        }

        if (wasPublic && !isPublic)
        {
            return new(ChangeKinds.Cancelled, current.Id, current.Title, old!.Start, old.End, old.Room, null, null, null);
        }

        if (wasPublic && (old!.Start != current.Start || old.End != current.End || old.RoomId != current.RoomId))
        {
            return new(ChangeKinds.Moved, current.Id, current.Title, old.Start, old.End, old.Room, current.Start, current.End, current.Room);
        }

        return null;
    }

    private static bool SameContent(PublishedSession old, PublishedSession current) =>
        old with { Sequence = 0, Speakers = [], Links = [] } == current with { Sequence = 0, Speakers = [], Links = [] }
        && old.Speakers.SequenceEqual(current.Speakers)
        && old.Links.SequenceEqual(current.Links);

    /// <summary>The next minor version, or the next major one when the minor cannot grow; null when neither can.</summary>
    private static string? NextVersion(string? previous)
    {
        if (previous is null)
        {
            return "1.0";
        }

        if (!TryParseVersion(previous, out var last))
        {
            return null;
        }

        return last.Minor < int.MaxValue ? $"{last.Major}.{last.Minor + 1}"
            : last.Major < int.MaxValue ? $"{last.Major + 1}.0"
            : null;
    }

    private static bool TryParseVersion(string value, out (int Major, int Minor) version)
    {
        version = default;
        var parts = value.Split('.');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            version = (major, minor);
            return true;
        }

        return false;
    }
}

/// <summary>What the next release would do, for the organizers' preview.</summary>
/// <param name="BasedOn">The latest version, which the changes are counted against (none before the first release).</param>
/// <param name="NextVersion">The version the next release gets unless the organizer names one.</param>
/// <param name="ChangesAnything">False when a release now would be refused: the working copy is what is public.</param>
/// <param name="Changes">New, moved (old and new time and room) and cancelled sessions: what subscribers would be told.</param>
/// <param name="ChangedSessions">Public sessions changed in any way (a moved one, an edited abstract, a renamed room): their iCalendar SEQUENCE rises.</param>
public sealed record ReleasePreview(string? BasedOn, string? NextVersion, bool ChangesAnything, IReadOnlyList<ScheduleChange> Changes, int ChangedSessions);
