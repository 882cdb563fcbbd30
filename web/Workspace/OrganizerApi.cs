using ForumPlatform.Web.Api;

namespace ForumPlatform.Web.Workspace;

/// <summary>The agenda service's working copy and releases, called with the signed-in organizer's own token (<see cref="PersonalApi"/>).</summary>
public sealed class OrganizerApi(PersonalApi api)
{
    private static string Forum(string slug) => $"/api/agenda/forums/{Uri.EscapeDataString(slug)}";

    /// <summary>Every session of the working copy, cancelled ones too, each with its ETag.</summary>
    public Task<ApiResult<List<WorkingSession>>> WorkingCopyAsync(string forum, CancellationToken cancellationToken) =>
        api.GetAsync<List<WorkingSession>>($"{Forum(forum)}/working-copy", cancellationToken);

    public Task<ApiResult<WorkingSession>> SessionAsync(string forum, Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<WorkingSession>($"{Forum(forum)}/working-copy/sessions/{id}", cancellationToken);

    /// <summary>The tracks, rooms and speakers sessions may use, released or not.</summary>
    public Task<ApiResult<WorkingParts>> PartsAsync(string forum, CancellationToken cancellationToken) =>
        api.GetAsync<WorkingParts>($"{Forum(forum)}/working-copy/parts", cancellationToken);

    public Task<ApiResult<WorkingSession>> AddSessionAsync(string forum, SessionDraft session, CancellationToken cancellationToken) =>
        api.SendAsync<WorkingSession>(HttpMethod.Post, $"{Forum(forum)}/sessions", cancellationToken, session);

    /// <summary>Replaces a session; <paramref name="etag"/> is the version the organizer started from (412 when another changed it).</summary>
    public Task<ApiResult<WorkingSession>> EditSessionAsync(string forum, Guid id, string etag, SessionDraft session, CancellationToken cancellationToken) =>
        api.SendAsync<WorkingSession>(HttpMethod.Put, $"{Forum(forum)}/sessions/{id}", cancellationToken, session, etag);

    public Task<ApiResult<WorkingSession>> CancelSessionAsync(string forum, Guid id, string etag, CancellationToken cancellationToken) =>
        api.SendAsync<WorkingSession>(HttpMethod.Post, $"{Forum(forum)}/sessions/{id}/cancel", cancellationToken, ifMatch: etag);

    /// <summary>Deletes a session that was never released (a released one can only be cancelled).</summary>
    public Task<ApiResult<object>> DeleteSessionAsync(string forum, Guid id, string etag, CancellationToken cancellationToken) =>
        api.SendAsync<object>(HttpMethod.Delete, $"{Forum(forum)}/sessions/{id}", cancellationToken, ifMatch: etag);

    /// <summary>What the next release would announce, computed as the release computes it.</summary>
    public Task<ApiResult<ReleasePreview>> ReleasePreviewAsync(string forum, CancellationToken cancellationToken) =>
        api.GetAsync<ReleasePreview>($"{Forum(forum)}/releases/preview", cancellationToken);

    public Task<ApiResult<Release>> ReleaseAsync(string forum, string? comment, CancellationToken cancellationToken) =>
        api.SendAsync<Release>(HttpMethod.Post, $"{Forum(forum)}/releases", cancellationToken, new { comment });

    /// <summary>How many readers starred each session.</summary>
    public async Task<ApiResult<Dictionary<Guid, int>>> StarCountsAsync(string forum, CancellationToken cancellationToken)
    {
        var counts = await api.GetAsync<List<StarCount>>($"{Forum(forum)}/stars", cancellationToken);
        return new ApiResult<Dictionary<Guid, int>>(counts.Status, counts.Value?.ToDictionary(count => count.SessionId, count => count.Stars));
    }

    /// <summary>Adds (no <paramref name="id"/>) or replaces a track, room or speaker (<paramref name="kind"/>: tracks, rooms, speakers).</summary>
    public Task<ApiResult<object>> SavePartAsync(string forum, string kind, Guid? id, object part, CancellationToken cancellationToken) =>
        id is { } existing
            ? api.SendAsync<object>(HttpMethod.Put, $"{Forum(forum)}/{kind}/{existing}", cancellationToken, part)
            : api.SendAsync<object>(HttpMethod.Post, $"{Forum(forum)}/{kind}", cancellationToken, part);

    /// <summary>Removes a track, room or speaker no session of the working copy uses (409 naming those that do).</summary>
    public Task<ApiResult<object>> RemovePartAsync(string forum, string kind, Guid id, CancellationToken cancellationToken) =>
        api.SendAsync<object>(HttpMethod.Delete, $"{Forum(forum)}/{kind}/{id}", cancellationToken);

    private sealed record StarCount(Guid SessionId, int Stars);
}

// The agenda's organizer API as the workspace shows it.

public sealed record WorkingSessionSpeaker(Guid SpeakerId, string Role);

public sealed record WorkingSession(
    Guid Id, string Title, string? Subtitle, string Abstract, string Type, Guid? TrackId, Guid? RoomId, DateTimeOffset Start,
    DateTimeOffset End, string Language, IReadOnlyList<WorkingSessionSpeaker> Speakers, IReadOnlyList<SessionLink> Links, string Status,
    bool Released, string ETag)
{
    public bool IsCancelled => Status == "cancelled";
}

public sealed record WorkingTrack(Guid Id, string Slug, string Name, string Color);

public sealed record WorkingParts(IReadOnlyList<WorkingTrack> Tracks, IReadOnlyList<Room> Rooms, IReadOnlyList<Speaker> Speakers);

public sealed record ReleasePreview(string? BasedOn, string? NextVersion, bool ChangesAnything, IReadOnlyList<ScheduleChange> Changes, int ChangedSessions);

/// <summary>A session as the agenda's organizer API takes it (the whole session: an edit replaces it).</summary>
public sealed record SessionDraft(
    string Title, string Type, DateTimeOffset? Start, DateTimeOffset? End, string? Subtitle, string Abstract, Guid? TrackId, Guid? RoomId,
    string Language, IReadOnlyList<WorkingSessionSpeaker> Speakers, IReadOnlyList<SessionLink> Links);
