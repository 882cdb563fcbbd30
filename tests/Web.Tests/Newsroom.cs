using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Web.Tests;

/// <summary>An editor writing through the gateway's API, as staff do: tests make the articles their pages show.</summary>
public sealed class Newsroom(WebsiteFixture site)
{
    /// <summary>Creates and publishes an article; returns its id, slug and current ETag.</summary>
    public async Task<(Guid Id, string Slug, EntityTagHeaderValue ETag)> PublishAsync(object article)
    {
        using var editor = site.System.Gateway(ForumRoles.Editor);
        var created = await editor.PostAsJsonAsync("/api/articles", article);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        var published = await TransitionAsync(id, created.Headers.ETag!, "publish");
        return (id, body.GetProperty("slug").GetString()!, published);
    }

    /// <summary>publish, retract (with a reason), …; returns the new ETag.</summary>
    public async Task<EntityTagHeaderValue> TransitionAsync(Guid id, EntityTagHeaderValue etag, string action, object? body = null)
    {
        using var editor = site.System.Gateway(ForumRoles.Editor);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{id}/{action}") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(etag);
        var response = await editor.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!;
    }

    /// <summary>Replaces an article's content (a new slug leaves the old one redirecting); returns the new ETag.</summary>
    public async Task<EntityTagHeaderValue> EditAsync(Guid id, EntityTagHeaderValue etag, object article)
    {
        using var editor = site.System.Gateway(ForumRoles.Editor);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{id}") { Content = JsonContent.Create(article) };
        request.Headers.IfMatch.Add(etag);
        var response = await editor.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!;
    }
}
