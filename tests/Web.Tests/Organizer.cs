using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Web.Tests;

/// <summary>An organizer editing the demo forum's working copy through the gateway's API and releasing it.</summary>
public sealed class Organizer(WebsiteFixture site)
{
    public const string Forum = "/api/agenda/forums/tianshan-forum-2025";

    /// <summary>A room of the test's own, so its sessions never clash with another test's.</summary>
    public async Task<Guid> AddRoomAsync(string name) =>
        (await SendAsync(HttpMethod.Post, $"{Forum}/rooms", new { name, capacity = 50 })).GetProperty("id").GetGuid();

    public async Task<Guid> AddSessionAsync(string title, Guid roomId, DateTimeOffset start, DateTimeOffset end) =>
        (await SendAsync(HttpMethod.Post, $"{Forum}/sessions", new { title, type = "panel", start, end, roomId, language = "en" })).GetProperty("id").GetGuid();

    public async Task MoveAsync(Guid sessionId, string title, Guid roomId, DateTimeOffset start, DateTimeOffset end)
    {
        using var organizer = site.System.Gateway(ForumRoles.Organizer);
        var moved = await SessionWrites.EditAsync(organizer, Forum, $"{sessionId}", new { title, type = "panel", start, end, roomId, language = "en" });
        Assert.True(moved.IsSuccessStatusCode, $"moving {sessionId}: {(int)moved.StatusCode} {await moved.Content.ReadAsStringAsync()}");
    }

    /// <summary>Releases the working copy; returns the new version.</summary>
    public async Task<string> ReleaseAsync(string comment) =>
        (await SendAsync(HttpMethod.Post, $"{Forum}/releases", new { comment })).GetProperty("version").GetString()!;

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body)
    {
        using var organizer = site.System.Gateway(ForumRoles.Organizer);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await organizer.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
