using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ForumPlatform.Agenda.Data;
using ForumPlatform.Agenda.Exports;
using ForumPlatform.Agenda.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ForumPlatform.Agenda.Api;

/// <summary>
/// The standard exports of a release (the latest, or <c>?version=</c>): frab/c3voc <c>schedule.json</c> and
/// <c>schedule.xml</c>, iCalendar for the forum, a track, a speaker and a session; and an Atom feed of releases.
/// Each answers 304 to a client that has the release already. A release never changes, so each export is rendered
/// once per release (and origin, since links are absolute) and then served from memory.
/// </summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/agenda/forums/{slug}").WithTags("Exports");
        api.MapGet("/schedule.json", (string slug, string? version, HttpContext http, PublishedSchedules schedules, IMemoryCache cache, CancellationToken ct) =>
                Export(slug, version, http, schedules, cache, "application/json; charset=utf-8",
                    (schedule, origin) => FrabJson.Write(FrabSchedule.From(schedule, origin)).ToJsonString(), ct))
            .WithName("ScheduleJson").WithSummary("The schedule in the frab/c3voc JSON format.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Produces(StatusCodes.Status304NotModified);
        api.MapGet("/schedule.xml", (string slug, string? version, HttpContext http, PublishedSchedules schedules, IMemoryCache cache, CancellationToken ct) =>
                Export(slug, version, http, schedules, cache, "application/xml; charset=utf-8", (schedule, origin) =>
                {
                    var document = FrabXml.Write(FrabSchedule.From(schedule, origin));
                    return document.Declaration + "\n" + document;
                }, ct))
            .WithName("ScheduleXml").WithSummary("The schedule in the frab XML format.")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml").Produces(StatusCodes.Status304NotModified);
        api.MapGet("/schedule.ics", (string slug, string? version, HttpContext http, PublishedSchedules schedules, IMemoryCache cache, CancellationToken ct) =>
                Calendar(slug, version, http, schedules, cache, schedule => schedule.Sessions, name: null, ct))
            .WithName("ForumCalendar").WithSummary("Every session as iCalendar.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").Produces(StatusCodes.Status304NotModified);
        api.MapGet("/tracks/{track}/schedule.ics", (string slug, string track, string? version, HttpContext http, PublishedSchedules schedules, IMemoryCache cache, CancellationToken ct) =>
                Calendar(slug, version, http, schedules, cache, schedule => schedule.Sessions.Where(s => s.Track == track), name: track, ct))
            .WithName("TrackCalendar").WithSummary("One track's sessions as iCalendar.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").Produces(StatusCodes.Status304NotModified);
        api.MapGet("/speakers/{id:guid}/schedule.ics", (string slug, Guid id, string? version, HttpContext http, PublishedSchedules schedules, IMemoryCache cache, CancellationToken ct) =>
                Calendar(slug, version, http, schedules, cache, schedule => schedule.Sessions.Where(s => s.Speakers.Any(p => p.Id == id)), name: null, ct))
            .WithName("SpeakerCalendar").WithSummary("One speaker's sessions as iCalendar.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").Produces(StatusCodes.Status304NotModified);
        api.MapGet("/sessions/{id:guid}/session.ics", (string slug, Guid id, string? version, HttpContext http, PublishedSchedules schedules, IMemoryCache cache, CancellationToken ct) =>
                Calendar(slug, version, http, schedules, cache, schedule => schedule.Sessions.Where(s => s.Id == id), name: null, ct))
            .WithName("SessionCalendar").WithSummary("One session as iCalendar.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").Produces(StatusCodes.Status304NotModified);
        api.MapGet("/releases.atom", ReleasesFeed).WithName("ReleasesFeed")
            .WithSummary("Atom feed announcing each schedule release with its changes.").Produces(StatusCodes.Status200OK, contentType: "application/atom+xml");
        return api;
    }

    private static Task<IResult> Calendar(
        string slug, string? version, HttpContext http, PublishedSchedules schedules, IMemoryCache cache,
        Func<PublishedSchedule, IEnumerable<PublishedSession>> select, string? name, CancellationToken cancellationToken) =>
        Export(slug, version, http, schedules, cache, "text/calendar; charset=utf-8", (schedule, origin) =>
        {
            var sessions = select(schedule).ToList();
            var title = name is null ? schedule.Forum.Name : $"{schedule.Forum.Name}: {name}";
            return sessions.Count == 0 ? null : ICalendarExport.Write(schedule, sessions, title, origin);
        }, cancellationToken);

    /// <summary>
    /// One export of a release: rendered once per release, URL and origin (links are absolute), then served from
    /// memory; 304 when the client has the release; 404 when there is no such release or nothing to export.
    /// </summary>
    private static async Task<IResult> Export(
        string slug, string? version, HttpContext http, PublishedSchedules schedules, IMemoryCache cache, string contentType,
        Func<PublishedSchedule, string, string?> render, CancellationToken cancellationToken)
    {
        var view = await schedules.FindAsync(slug, version, cancellationToken);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        var origin = Origin(http);
        var body = cache.GetOrCreate((view.ReleaseId, http.Request.Path.Value, origin), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return render(view.Schedule, origin) is { } text ? Encoding.UTF8.GetBytes(text) : null;
        });
        if (body is null)
        {
            return TypedResults.NotFound();
        }

        return ScheduleApi.NotModified(http, view)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, contentType);
    }

    private static async Task<IResult> ReleasesFeed(string slug, HttpContext http, AgendaDbContext db, CancellationToken cancellationToken)
    {
        var forum = await ProgrammeApi.FindForumAsync(db, slug, cancellationToken);
        if (forum is null)
        {
            return TypedResults.NotFound();
        }

        var releases = await db.Releases.AsNoTracking().Where(r => r.ForumId == forum.Id).OrderByDescending(r => r.Sequence).Take(50).ToListAsync(cancellationToken);
        var origin = Origin(http);
        var self = new Uri($"{origin}/api/agenda/forums/{slug}/releases.atom");
        var feed = new SyndicationFeed($"{forum.Name}: schedule releases", $"Each release of the {forum.Name} schedule with its changes.",
            new Uri($"{origin}/api/agenda/forums/{slug}/releases"))
        {
            // The forum's own id: the same however the feed is reached, as Atom requires of a feed's id.
            Id = $"urn:uuid:{forum.Id}",
            LastUpdatedTime = releases.Count > 0 ? releases[0].ReleasedAt : DateTimeOffset.UnixEpoch,
            Generator = "ForumPlatform",
        };
        feed.Authors.Add(new SyndicationPerson { Name = forum.Name }); // Atom needs an author; releases name none
        feed.Links.Add(SyndicationLink.CreateSelfLink(self));
        feed.Items = releases.Select(release =>
        {
            var summary = ReleaseSummary.From(release);
            var text = $"{summary.NewSessions} new, {summary.MovedSessions} moved, {summary.CancelledSessions} cancelled."
                + (release.Comment is null ? "" : $" {release.Comment}");
            return new SyndicationItem($"Schedule {release.Version}", text,
                new Uri($"{origin}/api/agenda/forums/{slug}/schedule?version={release.Version}"), $"urn:uuid:{release.Id}", release.ReleasedAt);
        }).ToList();

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return TypedResults.Bytes(buffer.ToArray(), "application/atom+xml");
    }

    internal static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
