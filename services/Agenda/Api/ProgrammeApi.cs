using ForumPlatform.Agenda.Data;
using ForumPlatform.Agenda.Releases;
using ForumPlatform.Agenda.Schedule;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Agenda.Api;

/// <summary>
/// The organizers' working copy of a forum's programme (role <c>organizer</c>): tracks, rooms, speakers and sessions,
/// checked against the schedule rules on every write, and released as a new public version on request.
/// </summary>
public static class ProgrammeApi
{
    public static RouteGroupBuilder MapProgrammeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/agenda/forums/{slug}")
            .WithTags("Programme (organizers)")
            .RequireAuthorization(ForumPolicies.Organizer);

        api.MapGet("/working-copy", WorkingCopy).WithName("GetWorkingCopy")
            .WithSummary("Every session of the working copy, released or not, in time order, each with its ETag.");
        api.MapGet("/working-copy/sessions/{id:guid}", WorkingSession).WithName("GetWorkingSession")
            .WithSummary("One session of the working copy, with its ETag for an edit.");
        api.MapPost("/sessions", AddSession).WithName("AddSession")
            .WithSummary("Adds a session to the working copy; clashes with rooms, speakers or breaks are refused (409).");
        api.MapPut("/sessions/{id:guid}", EditSession).WithName("EditSession")
            .WithSummary("Replaces a session in the working copy; If-Match with its ETag (428 without, 412 when stale).");
        api.MapPost("/sessions/{id:guid}/cancel", CancelSession).WithName("CancelSession")
            .WithSummary("Cancels a session; the next release shows it cancelled. If-Match with its ETag.");
        api.MapDelete("/sessions/{id:guid}", DeleteSession).WithName("DeleteSession")
            .WithSummary("Deletes a session that was never released (a released one is cancelled instead). If-Match with its ETag.");
        api.MapGet("/releases/preview", PreviewRelease).WithName("PreviewRelease")
            .WithSummary("What the next release would announce (new, moved, cancelled sessions), without releasing.");
        api.MapPost("/releases", Release).WithName("ReleaseSchedule")
            .WithSummary("Freezes the working copy as a new public version with its change list, and announces the changes; refused (409) when nothing changed.");
        return api;
    }

    private static async Task<Results<Ok<List<WorkingSessionResponse>>, NotFound>> WorkingCopy(string slug, AgendaDbContext db, CancellationToken cancellationToken)
    {
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum)
        {
            return TypedResults.NotFound();
        }

        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ForumId == forum.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(sessions.OrderBy(s => s.Start).ThenBy(s => s.Title, StringComparer.Ordinal).Select(WorkingSessionResponse.From).ToList());
    }

    private static async Task<Results<Ok<WorkingSessionResponse>, NotFound>> WorkingSession(
        string slug, Guid id, HttpContext http, AgendaDbContext db, CancellationToken cancellationToken)
    {
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum
            || await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.ForumId == forum.Id, cancellationToken) is not { } session)
        {
            return TypedResults.NotFound();
        }

        return Answer(http, session);
    }

    /// <summary>A session of the working copy, with its ETag in the header as in the body.</summary>
    private static Ok<WorkingSessionResponse> Answer(HttpContext http, Session session)
    {
        http.Response.GetTypedHeaders().ETag = WorkingSessionResponse.ETagOf(session);
        return TypedResults.Ok(WorkingSessionResponse.From(session));
    }

    private static ProblemHttpResult? CheckIfMatch(HttpContext http, Session session) =>
        Preconditions.CheckIfMatch(http.Request, WorkingSessionResponse.ETagOf(session), "session",
            $"The session is now at revision {session.Revision}; fetch it again (GET …/working-copy/sessions/{session.Id}) and reapply your change.");

    private static async Task<Results<Created<WorkingSessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AddSession(
        string slug, SessionRequest request, HttpContext http, AgendaDbContext db, CancellationToken cancellationToken)
    {
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum)
        {
            return TypedResults.NotFound();
        }

        var errors = new FieldErrors();
        var session = request.Validate(errors, Guid.CreateVersion7(), forum.Id);
        if (session is null)
        {
            return errors.ToProblem();
        }

        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await ScheduleRules.CheckAsync(db, forum, session, cancellationToken) is { } violation)
        {
            return Refuse(violation);
        }

        session.Number = await NextSessionNumberAsync(db, forum, cancellationToken);
        db.Sessions.Add(session);
        await write.CommitAsync(cancellationToken);
        http.Response.GetTypedHeaders().ETag = WorkingSessionResponse.ETagOf(session);
        return TypedResults.Created($"/api/agenda/forums/{slug}/sessions/{session.Id}", WorkingSessionResponse.From(session));
    }

    private static async Task<Results<Ok<WorkingSessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> EditSession(
        string slug, Guid id, SessionRequest request, HttpContext http, AgendaDbContext db, CancellationToken cancellationToken)
    {
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum
            || await db.Sessions.SingleOrDefaultAsync(s => s.Id == id && s.ForumId == forum.Id, cancellationToken) is not { } session)
        {
            return TypedResults.NotFound();
        }

        if (CheckIfMatch(http, session) is { } failed)
        {
            return failed;
        }

        var errors = new FieldErrors();
        var edited = request.Validate(errors, id, forum.Id);
        if (edited is null)
        {
            return errors.ToProblem();
        }

        // What an edit does not change: its state, number and whether it was released; its revision counts the edit.
        // Read before the write began, an edit committed meanwhile fails the revision's concurrency token as stale (412).
        edited.Status = session.Status;
        edited.Number = session.Number;
        edited.Released = session.Released;
        edited.Revision = session.Revision + 1;
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await ScheduleRules.CheckAsync(db, forum, edited, cancellationToken) is { } violation)
        {
            return Refuse(violation);
        }

        db.Entry(session).CurrentValues.SetValues(edited);
        session.Speakers = edited.Speakers;
        session.Links = edited.Links;
        try
        {
            await write.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Preconditions.Stale("session", "The session was changed while this edit was checked; fetch it again and reapply your change.");
        }

        return Answer(http, session);
    }

    private static async Task<Results<Ok<WorkingSessionResponse>, NotFound, ProblemHttpResult>> CancelSession(
        string slug, Guid id, HttpContext http, AgendaDbContext db, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum
            || await db.Sessions.SingleOrDefaultAsync(s => s.Id == id && s.ForumId == forum.Id, cancellationToken) is not { } session)
        {
            return TypedResults.NotFound();
        }

        if (CheckIfMatch(http, session) is { } failed)
        {
            return failed;
        }

        if (session.Status != SessionStatus.Cancelled)
        {
            session.Status = SessionStatus.Cancelled;
            session.Revision++;
        }

        await write.CommitAsync(cancellationToken);
        return Answer(http, session);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteSession(
        string slug, Guid id, HttpContext http, AgendaDbContext db, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum
            || await db.Sessions.SingleOrDefaultAsync(s => s.Id == id && s.ForumId == forum.Id, cancellationToken) is not { } session)
        {
            return TypedResults.NotFound();
        }

        if (CheckIfMatch(http, session) is { } failed)
        {
            return failed;
        }

        if (session.Released)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The session was released.",
                detail: "A released session stays in the schedule; cancel it instead, and the next release shows it cancelled.");
        }

        db.Sessions.Remove(session);
        await write.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ReleasePreview>, NotFound>> PreviewRelease(
        string slug, AgendaDbContext db, ScheduleReleaser releaser, CancellationToken cancellationToken) =>
        await FindForumAsync(db, slug, cancellationToken) is { } forum
            ? TypedResults.Ok(await releaser.PreviewAsync(forum, cancellationToken))
            : TypedResults.NotFound();

    private static async Task<Results<Created<ReleaseSummary>, NotFound, ValidationProblem, ProblemHttpResult>> Release(
        string slug, ReleaseRequest request, HttpContext http, AgendaDbContext db, ScheduleReleaser releaser, CancellationToken cancellationToken)
    {
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum)
        {
            return TypedResults.NotFound();
        }

        var errors = new FieldErrors();
        request.Validate(errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var write = await db.BeginWriteAsync(cancellationToken);
        var (release, error, nothingChanged) = await releaser.ReleaseAsync(forum, request.Version, request.Comment, http.User.FindFirst("sub")?.Value ?? "unknown", cancellationToken);
        if (nothingChanged)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to release.", detail: error);
        }

        if (release is null)
        {
            return FieldErrors.Problem("version", error!);
        }

        await write.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/agenda/forums/{slug}/releases/{release.Version}", ReleaseSummary.From(release));
    }

    internal static async Task<int> NextSessionNumberAsync(AgendaDbContext db, Forum forum, CancellationToken cancellationToken) =>
        (await db.Sessions.Where(s => s.ForumId == forum.Id).MaxAsync(s => (int?)s.Number, cancellationToken) ?? 0) + 1;

    internal static Task<Forum?> FindForumAsync(AgendaDbContext db, string slug, CancellationToken cancellationToken) =>
        db.Forums.SingleOrDefaultAsync(f => f.Slug == slug, cancellationToken);

    private static ProblemHttpResult Refuse(RuleViolation violation) => TypedResults.Problem(
        statusCode: violation.Status,
        title: violation.Status == StatusCodes.Status409Conflict ? "The session clashes with the schedule." : "The session breaks a rule of the schedule.",
        detail: violation.Message,
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { [violation.Field] = [violation.Message] },
            ["clashesWith"] = violation.ClashesWith,
        });
}
