using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Web.Api;
using Microsoft.AspNetCore.Authentication;

namespace ForumPlatform.Web.MyAgenda;

/// <summary>
/// The calls a signed-in reader makes about their own agenda, sent with their own access token (kept on the server in
/// their session, refreshed by <see cref="SignIn.TokenRefresher"/>). Never cached: every answer is one person's.
/// Like <see cref="ForumApi"/>, a failed call comes back as a status, never as an exception.
/// </summary>
public sealed class ReaderApi(HttpClient http, IHttpContextAccessor visitors, ILogger<ReaderApi> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The stars of the reader the page is for, in one forum: none, and no call, for a visitor who is not signed in
    /// (<see cref="ApiStatus.SignInNeeded"/>).
    /// </summary>
    public async Task<(ApiStatus Status, HashSet<Guid>? Starred)> MyStarsAsync(string forum)
    {
        if (visitors.HttpContext is not { User.Identity.IsAuthenticated: true } page)
        {
            return (ApiStatus.SignInNeeded, null);
        }

        var stars = await StarsAsync(forum, page.RequestAborted);
        return (stars.Status, stars.Value);
    }

    /// <summary>The reader's stars in one forum, as a set of session ids.</summary>
    public async Task<ApiResult<HashSet<Guid>>> StarsAsync(string forum, CancellationToken cancellationToken)
    {
        var stars = await SendAsync<List<Star>>(HttpMethod.Get, $"/api/agenda/me/stars?forum={Uri.EscapeDataString(forum)}", cancellationToken);
        return new ApiResult<HashSet<Guid>>(stars.Status, stars.Value?.Select(star => star.SessionId).ToHashSet());
    }

    public async Task<ApiStatus> StarAsync(Guid sessionId, bool starred, CancellationToken cancellationToken) =>
        (await SendAsync<object>(starred ? HttpMethod.Put : HttpMethod.Delete, $"/api/agenda/me/stars/{sessionId}", cancellationToken)).Status;

    /// <summary>Whether the reader's calendar feed is on (<see cref="ApiStatus.NotFound"/> when it is not).</summary>
    public Task<ApiResult<PersonalCalendar>> CalendarAsync(CancellationToken cancellationToken) =>
        SendAsync<PersonalCalendar>(HttpMethod.Get, "/api/agenda/me/calendar", cancellationToken);

    /// <summary>A new secret address for the feed, in the one answer that holds it; an earlier address stops working.</summary>
    public Task<ApiResult<PersonalCalendar>> NewCalendarAsync(CancellationToken cancellationToken) =>
        SendAsync<PersonalCalendar>(HttpMethod.Post, "/api/agenda/me/calendar", cancellationToken);

    public async Task<ApiStatus> RemoveCalendarAsync(CancellationToken cancellationToken) =>
        (await SendAsync<object>(HttpMethod.Delete, "/api/agenda/me/calendar", cancellationToken)).Status;

    /// <summary>How many people starred each session of a forum: for organizers (the API refuses anyone else).</summary>
    public async Task<ApiResult<Dictionary<Guid, int>>> StarCountsAsync(string forum, CancellationToken cancellationToken)
    {
        var counts = await SendAsync<List<StarCount>>(HttpMethod.Get, $"/api/agenda/forums/{Uri.EscapeDataString(forum)}/stars", cancellationToken);
        return new ApiResult<Dictionary<Guid, int>>(counts.Status, counts.Value?.ToDictionary(count => count.SessionId, count => count.Stars));
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, CancellationToken cancellationToken) where T : class
    {
        var visitor = visitors.HttpContext;
        if (visitor is null || await visitor.GetTokenAsync("access_token") is not { } token)
        {
            return ApiResult<T>.SignInNeeded;
        }

        try
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NoContent:
                    return new ApiResult<T>(ApiStatus.Ok, null);
                case HttpStatusCode.NotFound:
                    return ApiResult<T>.NotFound;
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    return ApiResult<T>.SignInNeeded;
                case HttpStatusCode.TooManyRequests:
                    return ApiResult<T>.TooManyRequests;
                case var status when !response.IsSuccessStatusCode:
                    logger.LogWarning("{Method} {Path} through the gateway answered {Status}.", method, path, (int)status);
                    return ApiResult<T>.Unavailable;
            }

            return new ApiResult<T>(ApiStatus.Ok, await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken));
        }
        catch (Exception failure) when (failure is HttpRequestException or JsonException
                                        || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(failure, "{Method} {Path} through the gateway failed.", method, path);
            return ApiResult<T>.Unavailable;
        }
    }

    private sealed record Star(Guid SessionId);

    private sealed record StarCount(Guid SessionId, int Stars);
}

/// <summary>The reader's calendar feed: since when it is on; its address only in the answer that made it.</summary>
public sealed record PersonalCalendar(DateTimeOffset CreatedAt, string? Url);
