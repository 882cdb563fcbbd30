using ForumPlatform.Agenda.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static ForumPlatform.Agenda.Api.ProgrammeApi;

namespace ForumPlatform.Agenda.Api;

/// <summary>
/// The forum's tracks, rooms and speakers in the organizers' working copy (role <c>organizer</c>): added, edited and
/// removed there, public with the next release. A renamed room or speaker changes the sessions that name it in that
/// release (their iCalendar SEQUENCE rises); one that sessions still use cannot be removed (409 naming them).
/// </summary>
public static class TracksRoomsSpeakersApi
{
    public static RouteGroupBuilder MapTracksRoomsSpeakersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/agenda/forums/{slug}")
            .WithTags("Programme (organizers)")
            .RequireAuthorization(ForumPolicies.Organizer);

        api.MapGet("/working-copy/parts", WorkingParts).WithName("GetWorkingCopyParts")
            .WithSummary("The working copy's tracks, rooms and speakers (those not yet released too), which its sessions refer to.");
        api.MapPost("/tracks", AddTrack).WithName("AddTrack").WithSummary("Adds a track.");
        api.MapPut("/tracks/{id:guid}", EditTrack).WithName("EditTrack").WithSummary("Renames or recolours a track (its slug stays: calendars subscribe to it).");
        api.MapDelete("/tracks/{id:guid}", (string slug, Guid id, AgendaDbContext db, CancellationToken ct) =>
                RemoveUnusedAsync<Track>(db, slug, id, track => $"The track '{track.Name}'", session => session.TrackId == id, ct))
            .WithName("RemoveTrack").WithSummary("Removes a track no session uses (409 naming those that do).");
        api.MapPost("/rooms", AddRoom).WithName("AddRoom").WithSummary("Adds a room.");
        api.MapPut("/rooms/{id:guid}", EditRoom).WithName("EditRoom").WithSummary("Renames a room or changes its capacity or position.");
        api.MapDelete("/rooms/{id:guid}", (string slug, Guid id, AgendaDbContext db, CancellationToken ct) =>
                RemoveUnusedAsync<Room>(db, slug, id, room => $"The room '{room.Name}'", session => session.RoomId == id, ct))
            .WithName("RemoveRoom").WithSummary("Removes a room no session uses (409 naming those that do).");
        api.MapPost("/speakers", AddSpeaker).WithName("AddSpeaker").WithSummary("Adds a speaker.");
        api.MapPut("/speakers/{id:guid}", EditSpeaker).WithName("EditSpeaker").WithSummary("Changes a speaker's name or details.");
        api.MapDelete("/speakers/{id:guid}", (string slug, Guid id, AgendaDbContext db, CancellationToken ct) =>
                RemoveUnusedAsync<Speaker>(db, slug, id, speaker => $"The speaker '{speaker.Name}'", session => session.Speakers.Any(p => p.SpeakerId == id), ct))
            .WithName("RemoveSpeaker").WithSummary("Removes a speaker no session names (409 naming those that do).");
        return api;
    }

    private static async Task<Results<Ok<WorkingCopyParts>, NotFound>> WorkingParts(string slug, AgendaDbContext db, CancellationToken cancellationToken)
    {
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum)
        {
            return TypedResults.NotFound();
        }

        var tracks = await db.Tracks.AsNoTracking().Where(t => t.ForumId == forum.Id).ToListAsync(cancellationToken);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.ForumId == forum.Id).ToListAsync(cancellationToken);
        var speakers = await db.Speakers.AsNoTracking().Where(s => s.ForumId == forum.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new WorkingCopyParts(
            [.. tracks.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id).Select(TrackResponse.From)],
            [.. rooms.OrderBy(r => r.Position).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).Select(RoomResponse.From)],
            [.. speakers.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id).Select(SpeakerResponse.From)]));
    }

    private static async Task<Results<Created<TrackResponse>, NotFound, ValidationProblem>> AddTrack(
        string slug, TrackRequest request, AgendaDbContext db, CancellationToken cancellationToken)
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
        if (await db.Tracks.AnyAsync(t => t.ForumId == forum.Id && t.Slug == request.Slug, cancellationToken))
        {
            return FieldErrors.Problem("slug", $"The forum has a track '{request.Slug}' already.");
        }

        var track = new Track { Id = Guid.CreateVersion7(), ForumId = forum.Id, Slug = request.Slug, Name = request.Name.Trim(), Color = request.Color.ToLowerInvariant() };
        db.Tracks.Add(track);
        await write.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/agenda/forums/{slug}/tracks/{track.Slug}", TrackResponse.From(track));
    }

    private static async Task<Results<Created<RoomResponse>, NotFound, ValidationProblem>> AddRoom(
        string slug, RoomRequest request, AgendaDbContext db, CancellationToken cancellationToken)
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

        // Exports name rooms by name (frab keys a day's rooms by it), so a forum's room names are distinct.
        var name = request.Name.Trim();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await db.Rooms.AnyAsync(r => r.ForumId == forum.Id && r.Name == name, cancellationToken))
        {
            return FieldErrors.Problem("name", $"The forum has a room '{name}' already.");
        }

        var room = new Room { Id = Guid.CreateVersion7(), ForumId = forum.Id, Name = name, Capacity = request.Capacity, Position = request.Position };
        db.Rooms.Add(room);
        await write.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/agenda/forums/{slug}/rooms/{room.Id}", RoomResponse.From(room));
    }

    private static async Task<Results<Created<SpeakerResponse>, NotFound, ValidationProblem>> AddSpeaker(
        string slug, SpeakerRequest request, AgendaDbContext db, CancellationToken cancellationToken)
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

        var speaker = new Speaker
        {
            Id = Guid.CreateVersion7(),
            ForumId = forum.Id,
            Name = request.Name.Trim(),
            Role = request.Role?.Trim() ?? "",
            Organization = request.Organization?.Trim() ?? "",
            Country = request.Country,
            Bio = request.Bio?.Trim() ?? "",
            PhotoUrl = request.PhotoUrl?.Trim(),
        };
        await using var write = await db.BeginWriteAsync(cancellationToken);
        db.Speakers.Add(speaker);
        await write.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/agenda/forums/{slug}/speakers/{speaker.Id}", SpeakerResponse.From(speaker));
    }

    private static async Task<Results<Ok<TrackResponse>, NotFound, ValidationProblem>> EditTrack(
        string slug, Guid id, TrackRequest request, AgendaDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        request.Validate(errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum
            || await db.Tracks.SingleOrDefaultAsync(t => t.Id == id && t.ForumId == forum.Id, cancellationToken) is not { } track)
        {
            return TypedResults.NotFound();
        }

        if (request.Slug != track.Slug)
        {
            return FieldErrors.Problem("slug", $"A track's slug stays '{track.Slug}': calendars and links subscribe to it.");
        }

        track.Name = request.Name.Trim();
        track.Color = request.Color.ToLowerInvariant();
        await write.CommitAsync(cancellationToken);
        return TypedResults.Ok(TrackResponse.From(track));
    }

    private static async Task<Results<Ok<RoomResponse>, NotFound, ValidationProblem>> EditRoom(
        string slug, Guid id, RoomRequest request, AgendaDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        request.Validate(errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var name = request.Name.Trim();
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum
            || await db.Rooms.SingleOrDefaultAsync(r => r.Id == id && r.ForumId == forum.Id, cancellationToken) is not { } room)
        {
            return TypedResults.NotFound();
        }

        if (await db.Rooms.AnyAsync(r => r.ForumId == forum.Id && r.Name == name && r.Id != id, cancellationToken))
        {
            return FieldErrors.Problem("name", $"The forum has a room '{name}' already.");
        }

        (room.Name, room.Capacity, room.Position) = (name, request.Capacity, request.Position);
        await write.CommitAsync(cancellationToken);
        return TypedResults.Ok(RoomResponse.From(room));
    }

    private static async Task<Results<Ok<SpeakerResponse>, NotFound, ValidationProblem>> EditSpeaker(
        string slug, Guid id, SpeakerRequest request, AgendaDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        request.Validate(errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum
            || await db.Speakers.SingleOrDefaultAsync(s => s.Id == id && s.ForumId == forum.Id, cancellationToken) is not { } speaker)
        {
            return TypedResults.NotFound();
        }

        speaker.Name = request.Name.Trim();
        speaker.Role = request.Role?.Trim() ?? "";
        speaker.Organization = request.Organization?.Trim() ?? "";
        speaker.Country = request.Country;
        speaker.Bio = request.Bio?.Trim() ?? "";
        speaker.PhotoUrl = request.PhotoUrl?.Trim();
        await write.CommitAsync(cancellationToken);
        return TypedResults.Ok(SpeakerResponse.From(speaker));
    }

    /// <summary>Removes a track, room or speaker of the forum, unless sessions of the working copy (released or not) use it.</summary>
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveUnusedAsync<TPart>(
        AgendaDbContext db, string slug, Guid id, Func<TPart, string> describe, Func<Session, bool> uses, CancellationToken cancellationToken)
        where TPart : class
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindForumAsync(db, slug, cancellationToken) is not { } forum
            || await db.Set<TPart>().FindAsync([id], cancellationToken) is not { } part
            || db.Entry(part).Property<Guid>(nameof(Room.ForumId)).CurrentValue != forum.Id)
        {
            return TypedResults.NotFound();
        }

        // A session's speakers are a JSON column, so the forum's sessions are read and looked at here.
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ForumId == forum.Id).ToListAsync(cancellationToken);
        if (sessions.Where(uses).ToList() is { Count: > 0 } users)
        {
            return InUse(describe(part), users);
        }

        db.Remove(part);
        await write.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>409 naming the sessions (working copy, released or not) that still use what was to be removed.</summary>
    private static ProblemHttpResult InUse(string what, List<Session> sessions) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Sessions still use it.",
        detail: $"{what} is used by {sessions.Count} session(s): {string.Join("; ", sessions.OrderBy(s => s.Start).Select(s => $"“{s.Title}”"))}. Change or delete them first.",
        extensions: new Dictionary<string, object?>
        {
            ["sessions"] = sessions.OrderBy(s => s.Start).Select(s => new { s.Id, s.Title }).ToList(),
        });
}
