using System.Net.Http.Json;

namespace ForumPlatform.Testing;

/// <summary>
/// An organizer's writes to a session of a forum's working copy, sent as an editing client sends them: with the ETag it
/// has just read (<c>GET …/working-copy/sessions/{id}</c>) in If-Match.
/// </summary>
public static class SessionWrites
{
    /// <param name="forum">The forum's API path, e.g. <c>/api/agenda/forums/tianshan-forum-2025</c>.</param>
    public static Task<HttpResponseMessage> EditAsync(HttpClient organizer, string forum, string id, object session) =>
        SendAsync(organizer, forum, id, HttpMethod.Put, "", session);

    public static Task<HttpResponseMessage> CancelAsync(HttpClient organizer, string forum, string id) =>
        SendAsync(organizer, forum, id, HttpMethod.Post, "/cancel", null);

    public static Task<HttpResponseMessage> DeleteAsync(HttpClient organizer, string forum, string id) =>
        SendAsync(organizer, forum, id, HttpMethod.Delete, "", null);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient organizer, string forum, string id, HttpMethod method, string action, object? body)
    {
        using var current = await organizer.GetAsync($"{forum}/working-copy/sessions/{id}");
        current.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(method, $"{forum}/sessions/{id}{action}") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        return await organizer.SendAsync(request);
    }
}
