using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ForumPlatform.Web.Api;

/// <summary>
/// The platform's public API through the gateway, as the website's pages read it. A failed call never fails a page: it
/// comes back as <see cref="ApiStatus.Unavailable"/> (logged) and the page says which part is missing. Answers with an
/// ETag are revalidated rather than read again (<see cref="RevalidatingCache"/>).
/// </summary>
public sealed class ForumApi(HttpClient http, RevalidatingCache cache, ILogger<ForumApi> logger)
{
    private static readonly AsyncLocal<bool> ownCalls = new();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<ArticlePage>> ArticlesAsync(ArticleFilter filter, int limit, CancellationToken cancellationToken) =>
        GetAsync<ArticlePage>(
            "/api/articles" + Query(("limit", limit.ToString(CultureInfo.InvariantCulture)), ("tag", filter.Tag), ("theme", filter.Theme),
                ("language", filter.Language), ("cursor", filter.Cursor)),
            cancellationToken);

    /// <summary>A published article by its slug; an old slug comes back as <see cref="ApiStatus.Moved"/>.</summary>
    public Task<ApiResult<Article>> ArticleAsync(string slug, CancellationToken cancellationToken) =>
        GetAsync<Article>($"/api/articles/{Uri.EscapeDataString(slug)}", cancellationToken);

    public Task<ApiResult<SearchResults>> SearchAsync(string query, string? language, int offset, CancellationToken cancellationToken) =>
        GetAsync<SearchResults>(
            "/api/articles/search" + Query(("q", query), ("language", language), ("limit", "10"),
                ("offset", offset.ToString(CultureInfo.InvariantCulture))),
            cancellationToken);

    /// <summary>The latest forum edition (the API lists them latest first).</summary>
    public async Task<ApiResult<Forum>> CurrentForumAsync(CancellationToken cancellationToken)
    {
        var forums = await GetAsync<List<Forum>>("/api/agenda/forums", cancellationToken);
        return forums.Status != ApiStatus.Ok ? new ApiResult<Forum>(forums.Status, null)
            : forums.Value is [var latest, ..] ? new ApiResult<Forum>(ApiStatus.Ok, latest)
            : ApiResult<Forum>.NotFound;
    }

    /// <summary>A forum's latest released schedule: tracks, rooms, speakers and sessions in one answer (ETag: the release).</summary>
    public Task<ApiResult<Schedule>> ScheduleAsync(string forum, CancellationToken cancellationToken) =>
        GetAsync<Schedule>($"/api/agenda/forums/{Uri.EscapeDataString(forum)}/schedule", cancellationToken);

    /// <summary>The latest forum's released schedule, its forum included: what every programme page reads.</summary>
    public async Task<ApiResult<Schedule>> CurrentScheduleAsync(CancellationToken cancellationToken)
    {
        var forum = await CurrentForumAsync(cancellationToken);
        return forum.IsOk ? await ScheduleAsync(forum.Value!.Slug, cancellationToken) : new ApiResult<Schedule>(forum.Status, null);
    }

    /// <summary>The changelog: every release of a forum with its changes, newest first.</summary>
    public Task<ApiResult<List<Release>>> ReleasesAsync(string forum, CancellationToken cancellationToken) =>
        GetAsync<List<Release>>($"/api/agenda/forums/{Uri.EscapeDataString(forum)}/releases", cancellationToken);

    public Task<ApiResult<Indicator>> IndicatorAsync(string code, CancellationToken cancellationToken) =>
        GetAsync<Indicator>($"/api/stats/indicators/{Uri.EscapeDataString(code)}", cancellationToken);

    public Task<ApiResult<List<Indicator>>> IndicatorsAsync(CancellationToken cancellationToken) =>
        GetAsync<List<Indicator>>("/api/stats/indicators", cancellationToken);

    /// <summary>An indicator's observations, all of them or one reporter's and partner's (the first 1,000).</summary>
    public Task<ApiResult<ObservationPage>> ObservationsAsync(string code, string? reporter, string? partner, CancellationToken cancellationToken) =>
        GetAsync<ObservationPage>(
            "/api/stats/observations" + Query(("indicator", code), ("reporter", reporter), ("partner", partner), ("perPage", "1000")),
            cancellationToken);

    public Task<ApiResult<PlatformFigures>> PlatformFiguresAsync(CancellationToken cancellationToken) =>
        GetAsync<PlatformFigures>("/api/stats/platform", cancellationToken);

    /// <summary>
    /// A headline figure's observations for the home page, served as the API last confirmed them within
    /// <see cref="HeadlineFreshness"/>: statistics change with an import, not by the second, and the home page would
    /// otherwise ask for each figure on every visit.
    /// </summary>
    public Task<ApiResult<ObservationPage>> HeadlineObservationsAsync(FigureSelection figure, CancellationToken cancellationToken) =>
        GetAsync<ObservationPage>(
            "/api/stats/observations" + Query(("indicator", figure.Indicator), ("reporter", figure.Reporter), ("partner", figure.Partner ?? "WLD"), ("perPage", "1000")),
            cancellationToken, HeadlineFreshness);

    /// <summary>The headline chart's indicator (for its name), kept like the headline figures.</summary>
    public Task<ApiResult<Indicator>> HeadlineIndicatorAsync(string code, CancellationToken cancellationToken) =>
        GetAsync<Indicator>($"/api/stats/indicators/{Uri.EscapeDataString(code)}", cancellationToken, HeadlineFreshness);

    /// <summary>How long the home page's headline figures may be served as the API last confirmed them.</summary>
    public static readonly TimeSpan HeadlineFreshness = TimeSpan.FromMinutes(1);

    /// <summary>The notifications service's event catalog.</summary>
    public Task<ApiResult<List<EventTypeEntry>>> EventTypesAsync(CancellationToken cancellationToken) =>
        GetAsync<List<EventTypeEntry>>("/api/notifications/event-types", cancellationToken);

    /// <summary>A query string of the parameters that have a value.</summary>
    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }

    /// <summary>Creates a subscription for the visitor (counted against their own subscription limit at the gateway).</summary>
    public async Task<ApiResult<CreatedSubscription>> CreateSubscriptionAsync(SubscriptionRequest subscription, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/notifications/subscriptions", subscription, Json, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.Created => new ApiResult<CreatedSubscription>(ApiStatus.Ok, await response.Content.ReadFromJsonAsync<CreatedSubscription>(Json, cancellationToken)),
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity =>
                    new ApiResult<CreatedSubscription>(ApiStatus.Invalid, null) { FieldProblems = await ApiProblems.ReadAsync(response, cancellationToken) },
                HttpStatusCode.TooManyRequests => ApiResult<CreatedSubscription>.TooManyRequests,
                _ => LoggedUnavailable<CreatedSubscription>("POST /api/notifications/subscriptions", response.StatusCode),
            };
        }
        catch (Exception failure) when (failure is HttpRequestException or JsonException
                                        || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(failure, "Creating a subscription through the gateway failed.");
            return ApiResult<CreatedSubscription>.Unavailable;
        }
    }

    /// <summary>Until disposed, calls are the website's own, counted against it rather than the visitor (the sitemap).</summary>
    public static IDisposable AsWebsite()
    {
        ownCalls.Value = true;
        return new OwnCallsScope();
    }

    private sealed class OwnCallsScope : IDisposable
    {
        public void Dispose() => ownCalls.Value = false;
    }

    private ApiResult<T> LoggedUnavailable<T>(string call, HttpStatusCode status) where T : class
    {
        logger.LogWarning("{Call} through the gateway answered {Status}.", call, (int)status);
        return ApiResult<T>.Unavailable;
    }

    /// <summary>A GET through the gateway; a kept answer confirmed within <paramref name="freshFor"/> (none by default) is served without asking.</summary>
    private async Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken, TimeSpan freshFor = default) where T : class
    {
        try
        {
            var kept = cache.TryGet<T>(path, freshFor, out var keptETag, out var keptValue, out var fresh);
            if (fresh)
            {
                return new ApiResult<T>(ApiStatus.Ok, keptValue);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Options.Set(OnBehalfOfVisitor.OwnCall, ownCalls.Value);
            if (kept)
            {
                request.Headers.IfNoneMatch.Add(keptETag!);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotModified when kept:
                    cache.Set(path, keptETag!, keptValue!);
                    return new ApiResult<T>(ApiStatus.Ok, keptValue);
                case HttpStatusCode.NotFound:
                    return ApiResult<T>.NotFound;
                case HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect when response.Headers.Location is { } location:
                    return new ApiResult<T>(ApiStatus.Moved, null) { MovedTo = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString };
                case HttpStatusCode.BadRequest:
                    return new ApiResult<T>(ApiStatus.Invalid, null) { FieldProblems = await ApiProblems.ReadAsync(response, cancellationToken) };
                case HttpStatusCode.TooManyRequests:
                    return ApiResult<T>.TooManyRequests;
                case var status when !response.IsSuccessStatusCode:
                    return LoggedUnavailable<T>($"GET {path}", status);
            }

            var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
            if (value is null)
            {
                return ApiResult<T>.NotFound;
            }

            if (response.Headers.ETag is { IsWeak: false } etag)
            {
                cache.Set(path, etag, value);
            }

            return new ApiResult<T>(ApiStatus.Ok, value);
        }
        catch (Exception failure) when (failure is HttpRequestException or JsonException
                                        || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(failure, "GET {Path} through the gateway failed.", path);
            return ApiResult<T>.Unavailable;
        }
    }
}
