using ForumPlatform.Agenda.Data;
using ForumPlatform.Agenda.Releases;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace ForumPlatform.Agenda.Api;

/// <summary>
/// The public schedule: every read shows a release (the latest, or <c>?version=</c>), never the working copy.
/// The release id is the ETag, so a client that has the current version gets 304 for one indexed lookup.
/// </summary>
public static class ScheduleApi
{
    public static RouteGroupBuilder MapScheduleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/agenda/forums/{slug}").WithTags("Schedule");
        api.MapGet("/schedule", GetSchedule).WithName("GetSchedule").WithSummary("The whole released schedule.");
        api.MapGet("/sessions", ListSessions).WithName("ListSessions").WithSummary("Released sessions, filtered.");
        api.MapGet("/sessions/{id:guid}", GetSession).WithName("GetSession").WithSummary("One released session.");
        api.MapGet("/days", ListDays).WithName("ListDays").WithSummary("The forum's days with their session counts.");
        api.MapGet("/tracks", (string slug, string? version, HttpContext http, PublishedSchedules schedules, CancellationToken ct) =>
            Read(slug, version, http, schedules, s => s.Tracks, ct)).WithName("ListTracks").WithSummary("Tracks of the released schedule.");
        api.MapGet("/rooms", (string slug, string? version, HttpContext http, PublishedSchedules schedules, CancellationToken ct) =>
            Read(slug, version, http, schedules, s => s.Rooms, ct)).WithName("ListRooms").WithSummary("Rooms of the released schedule.");
        api.MapGet("/speakers", (string slug, string? version, HttpContext http, PublishedSchedules schedules, CancellationToken ct) =>
            Read(slug, version, http, schedules, s => s.Speakers, ct)).WithName("ListSpeakers").WithSummary("Speakers of the released schedule.");
        api.MapGet("/releases", ListReleases).WithName("ListReleases").WithSummary("The changelog: every release with its changes, newest first.")
            .Produces<List<ReleaseSummary>>().Produces(StatusCodes.Status304NotModified).Produces(StatusCodes.Status404NotFound);
        return api;
    }

    private static Task<Results<Ok<PublishedSchedule>, StatusCodeHttpResult, NotFound>> GetSchedule(
        string slug, string? version, HttpContext http, PublishedSchedules schedules, CancellationToken cancellationToken) =>
        Read(slug, version, http, schedules, schedule => schedule, cancellationToken);

    private static Task<Results<Ok<List<PublishedSession>>, StatusCodeHttpResult, NotFound>> ListSessions(
        string slug, [AsParameters] SessionQuery query, HttpContext http, PublishedSchedules schedules, CancellationToken cancellationToken) =>
        Read(slug, query.Version, http, schedules, schedule =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.Forum.TimeZone);
            return schedule.Sessions
                .Where(s => query.Day is null || DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start, zone).DateTime) == query.Day)
                .Where(s => query.Track is null || s.Track == query.Track)
                .Where(s => query.Room is null || s.RoomId == query.Room)
                .Where(s => query.Speaker is null || s.Speakers.Any(speaker => speaker.Id == query.Speaker))
                .Where(s => query.Type is null || string.Equals(s.Type, query.Type, StringComparison.OrdinalIgnoreCase))
                .Where(s => string.IsNullOrWhiteSpace(query.Q) || Contains(s, query.Q))
                .ToList();
        }, cancellationToken);

    private static async Task<Results<Ok<PublishedSession>, StatusCodeHttpResult, NotFound>> GetSession(
        string slug, Guid id, string? version, HttpContext http, PublishedSchedules schedules, CancellationToken cancellationToken)
    {
        var view = await schedules.FindAsync(slug, version, cancellationToken);
        var session = view?.Schedule.Sessions.FirstOrDefault(s => s.Id == id);
        if (view is null || session is null)
        {
            return TypedResults.NotFound();
        }

        return NotModified(http, view) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(session);
    }

    private static Task<Results<Ok<List<ForumDay>>, StatusCodeHttpResult, NotFound>> ListDays(
        string slug, string? version, HttpContext http, PublishedSchedules schedules, CancellationToken cancellationToken) =>
        Read(slug, version, http, schedules, schedule =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.Forum.TimeZone);
            var days = new List<ForumDay>();
            for (var day = schedule.Forum.StartDate; day <= schedule.Forum.EndDate; day = day.AddDays(1))
            {
                days.Add(new ForumDay(day, schedule.Sessions.Count(s =>
                    s.Status == "confirmed" && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start, zone).DateTime) == day)));
            }

            return days;
        }, cancellationToken);

    private static async Task<IResult> ListReleases(string slug, HttpContext http, AgendaDbContext db, CancellationToken cancellationToken)
    {
        if (await ProgrammeApi.FindForumAsync(db, slug, cancellationToken) is not { } forum)
        {
            return TypedResults.NotFound();
        }

        var releases = await db.Releases.AsNoTracking().Where(r => r.ForumId == forum.Id).OrderByDescending(r => r.Sequence).ToListAsync(cancellationToken);
        return JsonETag.Respond(http, releases.Select(ReleaseSummary.From).ToList());
    }

    private static async Task<Results<Ok<T>, StatusCodeHttpResult, NotFound>> Read<T>(
        string slug, string? version, HttpContext http, PublishedSchedules schedules, Func<PublishedSchedule, T> select,
        CancellationToken cancellationToken)
    {
        var view = await schedules.FindAsync(slug, version, cancellationToken);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        return NotModified(http, view) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(select(view.Schedule));
    }

    /// <summary>Sets the release's ETag and tells whether the client already has it.</summary>
    internal static bool NotModified(HttpContext http, ReleaseView view) =>
        ConditionalGet.IsNotModified(http, new EntityTagHeaderValue($"\"{view.ReleaseId:N}\""));

    private static bool Contains(PublishedSession session, string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word =>
            session.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
            || (session.Subtitle?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false)
            || session.Abstract.Contains(word, StringComparison.OrdinalIgnoreCase));
}
