using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace ForumPlatform.Web.Api;

/// <summary>
/// Calls made for the signed-in person with their own access token (kept on the server in their session and refreshed
/// there by <see cref="SignIn.TokenRefresher"/>), so the services decide what that person may do. Never cached: every
/// answer is one person's. Like <see cref="ForumApi"/>, a failed call comes back as a status, never as an exception.
/// </summary>
public sealed class PersonalApi(HttpClient http, IHttpClientFactory clients, IHttpContextAccessor people, ILogger<PersonalApi> logger)
{
    /// <summary>
    /// The client uploads go through: minutes rather than seconds for an answer, and no retries, since a streamed
    /// body cannot be sent twice.
    /// </summary>
    public const string UploadsClient = "personal-uploads";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether the page is for someone signed in (otherwise every call answers <see cref="ApiStatus.SignInNeeded"/>).</summary>
    public bool IsSignedIn => people.HttpContext is { User.Identity.IsAuthenticated: true };

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class =>
        SendAsync<T>(HttpMethod.Get, path, cancellationToken);

    /// <summary>
    /// One call; <paramref name="body"/> goes as JSON, <paramref name="ifMatch"/> (an ETag the API gave) as
    /// <c>If-Match</c>, and <paramref name="createOnly"/> as <c>If-None-Match: *</c>. Answers the value and the ETag,
    /// or the status with the problem's messages by field.
    /// </summary>
    public Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string path, CancellationToken cancellationToken, object? body = null, string? ifMatch = null,
        bool createOnly = false) where T : class =>
        SendThroughAsync<T>(http, method, path, body is null ? null : JsonContent.Create(body, options: Json), ifMatch, createOnly, cancellationToken);

    /// <summary>Posts <paramref name="upload"/> as it is read, with <paramref name="contentType"/>, through <see cref="UploadsClient"/>.</summary>
    public Task<ApiResult<T>> UploadAsync<T>(string path, Stream upload, string contentType, CancellationToken cancellationToken) where T : class
    {
        var content = new StreamContent(upload);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return SendThroughAsync<T>(clients.CreateClient(UploadsClient), HttpMethod.Post, path, content, null, false, cancellationToken);
    }

    private async Task<ApiResult<T>> SendThroughAsync<T>(
        HttpClient through, HttpMethod method, string path, HttpContent? content, string? ifMatch, bool createOnly,
        CancellationToken cancellationToken) where T : class
    {
        var person = people.HttpContext;
        if (person is null || await person.GetTokenAsync("access_token") is not { } token)
        {
            return ApiResult<T>.SignInNeeded;
        }

        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (ifMatch is not null && EntityTagHeaderValue.TryParse(ifMatch, out var etag))
            {
                request.Headers.IfMatch.Add(etag);
            }

            if (createOnly)
            {
                request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
            }

            using var response = await through.SendAsync(request, cancellationToken);
            var answeredETag = response.Headers.ETag?.ToString();
            switch (response.StatusCode)
            {
                case HttpStatusCode.NoContent:
                    return new ApiResult<T>(ApiStatus.Ok, null) { ETag = answeredETag };
                case HttpStatusCode.NotFound:
                    return ApiResult<T>.NotFound;
                case HttpStatusCode.Unauthorized:
                    return ApiResult<T>.SignInNeeded;
                case HttpStatusCode.TooManyRequests:
                    return ApiResult<T>.TooManyRequests;
                case HttpStatusCode.Forbidden:
                    return new ApiResult<T>(ApiStatus.Forbidden, null);
                case HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge:
                    return new ApiResult<T>(ApiStatus.Invalid, null) { FieldProblems = await ApiProblems.ReadAsync(response, cancellationToken) };
                case HttpStatusCode.Conflict:
                    return new ApiResult<T>(ApiStatus.Conflict, null) { FieldProblems = await ApiProblems.ReadAsync(response, cancellationToken) };
                case HttpStatusCode.PreconditionFailed:
                    return new ApiResult<T>(ApiStatus.Stale, null) { FieldProblems = await ApiProblems.ReadAsync(response, cancellationToken) };
                case var status when !response.IsSuccessStatusCode:
                    logger.LogWarning("{Method} {Path} through the gateway answered {Status}.", method, path, (int)status);
                    return ApiResult<T>.Unavailable;
            }

            return new ApiResult<T>(ApiStatus.Ok, await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)) { ETag = answeredETag };
        }
        catch (Exception failure) when (failure is HttpRequestException or JsonException
                                        || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(failure, "{Method} {Path} through the gateway failed.", method, path);
            return ApiResult<T>.Unavailable;
        }
    }
}
