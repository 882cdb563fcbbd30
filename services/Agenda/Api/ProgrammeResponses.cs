using System.Text.Json.Serialization;
using ForumPlatform.Agenda.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.Net.Http.Headers;

namespace ForumPlatform.Agenda.Api;

public sealed record TrackResponse(Guid Id, string Slug, string Name, string Color)
{
    public static TrackResponse From(Track track) => new(track.Id, track.Slug, track.Name, track.Color);
}

public sealed record RoomResponse(Guid Id, string Name, int Capacity, int Position)
{
    public static RoomResponse From(Room room) => new(room.Id, room.Name, room.Capacity, room.Position);
}

public sealed record SpeakerResponse(Guid Id, string Name, string Role, string Organization, string? Country, string Bio, string? PhotoUrl)
{
    public static SpeakerResponse From(Speaker speaker) =>
        new(speaker.Id, speaker.Name, speaker.Role, speaker.Organization, speaker.Country, speaker.Bio, speaker.PhotoUrl);
}

public sealed record SessionSpeakerResponse(Guid SpeakerId, string Role);

/// <summary>What the working copy's sessions refer to: its tracks, rooms (in their order) and speakers, released or not.</summary>
public sealed record WorkingCopyParts(IReadOnlyList<TrackResponse> Tracks, IReadOnlyList<RoomResponse> Rooms, IReadOnlyList<SpeakerResponse> Speakers);

/// <summary>
/// A session of the working copy as organizers see it, including whether it has been released, and its ETag, which an
/// edit, a cancellation or a deletion sends in If-Match.
/// </summary>
public sealed record WorkingSessionResponse(
    Guid Id,
    int Number,
    string Title,
    string? Subtitle,
    string Abstract,
    string Type,
    Guid? TrackId,
    Guid? RoomId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Language,
    IReadOnlyList<SessionSpeakerResponse> Speakers,
    IReadOnlyList<SessionLink> Links,
    string Status,
    bool Released,
    [property: JsonPropertyName("etag")] string ETag)
{
    public static WorkingSessionResponse From(Session session) => new(
        session.Id, session.Number, session.Title, session.Subtitle, session.Abstract, session.Type.ToString().ToLowerInvariant(),
        session.TrackId, session.RoomId, session.Start, session.End, session.Language,
        session.Speakers.Select(s => new SessionSpeakerResponse(s.SpeakerId, s.Role.ToString().ToLowerInvariant())).ToList(),
        session.Links, session.Status.ToString().ToLowerInvariant(), session.Released, ETagOf(session).ToString());

    public static EntityTagHeaderValue ETagOf(Session session) => Preconditions.VersionETag(session.Id, session.Revision);
}
