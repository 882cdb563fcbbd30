using System.Security.Claims;
using System.Text;
using ForumPlatform.Agenda.Data;
using ForumPlatform.Agenda.Exports;
using ForumPlatform.Agenda.Releases;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Agenda.Api;

/// <summary>
/// A signed-in person's own agenda (any role; kept by the token's <c>sub</c>): the released sessions they starred, and
/// an iCalendar feed of them at a secret address that calendar apps poll, so a released move reaches their calendar.
/// Organizers read how many people starred each session.
/// </summary>
public static class StarsApi
{
    /// <summary>Enough for every session of several forums; a bound on what one account can store.</summary>
    public const int MaxStars = 1000;

    public static IEndpointRouteBuilder MapStarsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/agenda/me").WithTags("My agenda (signed in)").RequireAuthorization(ForumPolicies.SignedIn);
        me.MapGet("/stars", ListStars).WithName("ListMyStars").WithSummary("The sessions I starred, oldest star first (one forum with ?forum=).");
        me.MapPut("/stars/{sessionId:guid}", AddStar).WithName("StarSession")
            .WithSummary("Stars a released session; starring it again changes nothing.");
        me.MapDelete("/stars/{sessionId:guid}", RemoveStar).WithName("UnstarSession").WithSummary("Removes a star; removing a missing one changes nothing.");
        me.MapGet("/calendar", GetCalendar).WithName("GetMyCalendar").WithSummary("Whether my calendar feed is on, and since when (its address is shown only when made).");
        me.MapPost("/calendar", NewCalendar).WithName("NewMyCalendar")
            .WithSummary("Makes a new secret address for my calendar feed; an earlier address stops working.");
        me.MapDelete("/calendar", RemoveCalendar).WithName("RemoveMyCalendar").WithSummary("Turns my calendar feed off; its address stops working.");

        app.MapGet("/api/agenda/calendars/{token}.ics", PersonalFeed).WithTags("My agenda (signed in)").WithName("PersonalCalendarFeed")
            .WithSummary("A person's starred sessions as iCalendar, at the secret address their calendar app polls (no sign-in).")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status404NotFound);

        app.MapGet("/api/agenda/forums/{slug}/stars", StarCounts).WithTags("Programme (organizers)").WithName("ListStarCounts")
            .WithSummary("How many people starred each released session (sessions nobody starred are left out).")
            .RequireAuthorization(ForumPolicies.Organizer);
        return app;
    }

    private static string Subject(ClaimsPrincipal user) => user.FindFirstValue("sub")!;

    private static async Task<Ok<List<StarResponse>>> ListStars(
        string? forum, ClaimsPrincipal user, AgendaDbContext db, CancellationToken cancellationToken)
    {
        var subject = Subject(user);
        var stars = await db.Stars.AsNoTracking()
            .Where(star => star.Subject == subject)
            .Join(db.Forums, star => star.ForumId, f => f.Id, (star, f) => new { star, f.Slug })
            .Where(row => forum == null || row.Slug == forum)
            .OrderBy(row => row.star.StarredAt)
            .Select(row => new StarResponse(row.star.SessionId, row.Slug, row.star.StarredAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(stars);
    }

    private static async Task<Results<Ok<StarResponse>, NotFound, ValidationProblem>> AddStar(
        Guid sessionId, ClaimsPrincipal user, AgendaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var subject = Subject(user);
        if (subject.Length > PersonalCalendar.MaxSubjectLength)
        {
            return FieldErrors.Problem("sub", $"The token's subject is longer than {PersonalCalendar.MaxSubjectLength} characters.");
        }

        await using var write = await db.BeginWriteAsync(cancellationToken);
        // Only what the public can see: a session that has been part of a release.
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.Released)
            .Join(db.Forums, s => s.ForumId, f => f.Id, (s, f) => new { s.ForumId, f.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }

        var existing = await db.Stars.AsNoTracking().SingleOrDefaultAsync(star => star.Subject == subject && star.SessionId == sessionId, cancellationToken);
        if (existing is not null)
        {
            return TypedResults.Ok(new StarResponse(sessionId, session.Slug, existing.StarredAt));
        }

        if (await db.Stars.CountAsync(star => star.Subject == subject, cancellationToken) >= MaxStars)
        {
            return FieldErrors.Problem("sessionId", $"At most {MaxStars:N0} stars; remove one first.");
        }

        var added = new Star { Subject = subject, SessionId = sessionId, ForumId = session.ForumId, StarredAt = clock.GetUtcNow() };
        db.Stars.Add(added);
        await write.CommitAsync(cancellationToken);
        return TypedResults.Ok(new StarResponse(sessionId, session.Slug, added.StarredAt));
    }

    private static async Task<NoContent> RemoveStar(Guid sessionId, ClaimsPrincipal user, AgendaDbContext db, CancellationToken cancellationToken)
    {
        var subject = Subject(user);
        await using var write = await db.BeginWriteAsync(cancellationToken);
        await db.Stars.Where(star => star.Subject == subject && star.SessionId == sessionId).ExecuteDeleteAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CalendarResponse>, NotFound>> GetCalendar(ClaimsPrincipal user, AgendaDbContext db, CancellationToken cancellationToken)
    {
        var subject = Subject(user);
        var calendar = await db.PersonalCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Subject == subject, cancellationToken);
        return calendar is null ? TypedResults.NotFound() : TypedResults.Ok(new CalendarResponse(calendar.CreatedAt, null));
    }

    private static async Task<Results<Created<CalendarResponse>, ValidationProblem>> NewCalendar(
        ClaimsPrincipal user, HttpContext http, AgendaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var subject = Subject(user);
        if (subject.Length > PersonalCalendar.MaxSubjectLength)
        {
            return FieldErrors.Problem("sub", $"The token's subject is longer than {PersonalCalendar.MaxSubjectLength} characters.");
        }

        var token = PersonalCalendar.NewToken();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var calendar = await db.PersonalCalendars.SingleOrDefaultAsync(c => c.Subject == subject, cancellationToken);
        if (calendar is null)
        {
            calendar = new PersonalCalendar { Subject = subject, TokenHash = "" };
            db.PersonalCalendars.Add(calendar);
        }

        calendar.TokenHash = PersonalCalendar.Hash(token);
        calendar.CreatedAt = clock.GetUtcNow();
        await write.CommitAsync(cancellationToken);

        // The secret address only in the body, shown once; Location names the resource, since logs and proxies keep headers.
        var url = $"{ExportsApi.Origin(http)}/api/agenda/calendars/{token}.ics";
        return TypedResults.Created("/api/agenda/me/calendar", new CalendarResponse(calendar.CreatedAt, url));
    }

    private static async Task<NoContent> RemoveCalendar(ClaimsPrincipal user, AgendaDbContext db, CancellationToken cancellationToken)
    {
        var subject = Subject(user);
        await using var write = await db.BeginWriteAsync(cancellationToken);
        await db.PersonalCalendars.Where(c => c.Subject == subject).ExecuteDeleteAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The starred sessions as each forum's latest release has them (a moved one at its new time, a cancelled one
    /// marked so), rendered on each poll: a feed is small, and the ETag spares an unchanged one the download.
    /// </summary>
    private static async Task<IResult> PersonalFeed(string token, HttpContext http, AgendaDbContext db, PublishedSchedules schedules, CancellationToken cancellationToken)
    {
        var hash = PersonalCalendar.Hash(token);
        var subject = await db.PersonalCalendars.AsNoTracking().Where(c => c.TokenHash == hash).Select(c => c.Subject).SingleOrDefaultAsync(cancellationToken);
        if (subject is null)
        {
            return TypedResults.NotFound();
        }

        var starred = await db.Stars.AsNoTracking().Where(star => star.Subject == subject)
            .Join(db.Forums, star => star.ForumId, f => f.Id, (star, f) => new { star.SessionId, f.Slug })
            .ToListAsync(cancellationToken);
        var parts = new List<(PublishedSchedule, IEnumerable<PublishedSession>)>();
        foreach (var forum in starred.GroupBy(star => star.Slug).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            if (await schedules.FindAsync(forum.Key, version: null, cancellationToken) is { } view)
            {
                var ids = forum.Select(star => star.SessionId).ToHashSet();
                parts.Add((view.Schedule, view.Schedule.Sessions.Where(s => ids.Contains(s.Id)).ToList()));
            }
        }

        var body = Encoding.UTF8.GetBytes(ICalendarExport.Write(parts, "My forum agenda", ExportsApi.Origin(http)));
        // The address is the secret: kept out of shared caches and search engines.
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return ConditionalGet.IsNotModified(http, ConditionalGet.ETagOf(body))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, "text/calendar; charset=utf-8");
    }

    private static async Task<Results<Ok<List<StarCount>>, NotFound>> StarCounts(string slug, AgendaDbContext db, CancellationToken cancellationToken)
    {
        if (await ProgrammeApi.FindForumAsync(db, slug, cancellationToken) is not { } forum)
        {
            return TypedResults.NotFound();
        }

        var counts = await db.Stars.AsNoTracking().Where(star => star.ForumId == forum.Id)
            .GroupBy(star => star.SessionId)
            .Select(group => new StarCount(group.Key, group.Count()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(counts.OrderByDescending(c => c.Stars).ThenBy(c => c.SessionId).ToList());
    }
}

/// <summary>A starred session: its id, its forum's slug, when it was starred.</summary>
public sealed record StarResponse(Guid SessionId, string Forum, DateTimeOffset StarredAt);

/// <summary>The calendar feed: since when its address is valid, and the address itself only in the answer that made it.</summary>
public sealed record CalendarResponse(DateTimeOffset CreatedAt, string? Url);

public sealed record StarCount(Guid SessionId, int Stars);
