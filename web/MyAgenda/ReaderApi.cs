using ForumPlatform.Web.Api;

namespace ForumPlatform.Web.MyAgenda;

/// <summary>The calls a signed-in reader makes about their own agenda, with their own token (<see cref="PersonalApi"/>).</summary>
public sealed class ReaderApi(PersonalApi api)
{
    /// <summary>
    /// The stars of the reader the page is for, in one forum: none, and no call, for a visitor who is not signed in
    /// (<see cref="ApiStatus.SignInNeeded"/>).
    /// </summary>
    public async Task<(ApiStatus Status, HashSet<Guid>? Starred)> MyStarsAsync(string forum)
    {
        if (!api.IsSignedIn)
        {
            return (ApiStatus.SignInNeeded, null);
        }

        var stars = await StarsAsync(forum, default);
        return (stars.Status, stars.Value);
    }

    /// <summary>The reader's stars in one forum, as a set of session ids.</summary>
    public async Task<ApiResult<HashSet<Guid>>> StarsAsync(string forum, CancellationToken cancellationToken)
    {
        var stars = await api.GetAsync<List<Star>>($"/api/agenda/me/stars?forum={Uri.EscapeDataString(forum)}", cancellationToken);
        return new ApiResult<HashSet<Guid>>(stars.Status, stars.Value?.Select(star => star.SessionId).ToHashSet());
    }

    public async Task<ApiStatus> StarAsync(Guid sessionId, bool starred, CancellationToken cancellationToken) =>
        (await api.SendAsync<object>(starred ? HttpMethod.Put : HttpMethod.Delete, $"/api/agenda/me/stars/{sessionId}", cancellationToken)).Status;

    /// <summary>Whether the reader's calendar feed is on (<see cref="ApiStatus.NotFound"/> when it is not).</summary>
    public Task<ApiResult<PersonalCalendar>> CalendarAsync(CancellationToken cancellationToken) =>
        api.GetAsync<PersonalCalendar>("/api/agenda/me/calendar", cancellationToken);

    /// <summary>A new secret address for the feed, in the one answer that holds it; an earlier address stops working.</summary>
    public Task<ApiResult<PersonalCalendar>> NewCalendarAsync(CancellationToken cancellationToken) =>
        api.SendAsync<PersonalCalendar>(HttpMethod.Post, "/api/agenda/me/calendar", cancellationToken);

    public async Task<ApiStatus> RemoveCalendarAsync(CancellationToken cancellationToken) =>
        (await api.SendAsync<object>(HttpMethod.Delete, "/api/agenda/me/calendar", cancellationToken)).Status;

    /// <summary>How many people starred each session of a forum: for organizers (the API refuses anyone else).</summary>
    public async Task<ApiResult<Dictionary<Guid, int>>> StarCountsAsync(string forum, CancellationToken cancellationToken)
    {
        var counts = await api.GetAsync<List<StarCount>>($"/api/agenda/forums/{Uri.EscapeDataString(forum)}/stars", cancellationToken);
        return new ApiResult<Dictionary<Guid, int>>(counts.Status, counts.Value?.ToDictionary(count => count.SessionId, count => count.Stars));
    }

    private sealed record Star(Guid SessionId);

    private sealed record StarCount(Guid SessionId, int Stars);
}

/// <summary>The reader's calendar feed: since when it is on; its address only in the answer that made it.</summary>
public sealed record PersonalCalendar(DateTimeOffset CreatedAt, string? Url);
