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
        var (id, slug, draft) = await CreateDraftAsync(article);
        return (id, slug, await TransitionAsync(id, draft, "publish"));
    }

    /// <summary>Creates a draft; returns its id, slug and ETag.</summary>
    public async Task<(Guid Id, string Slug, EntityTagHeaderValue ETag)> CreateDraftAsync(object article)
    {
        using var editor = site.System.Gateway(ForumRoles.Editor);
        var created = await editor.PostAsJsonAsync("/api/articles", article);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("slug").GetString()!, created.Headers.ETag!);
    }

    /// <summary>An article in any state, as editors read it.</summary>
    public async Task<JsonElement> ArticleAsync(Guid id)
    {
        using var editor = site.System.Gateway(ForumRoles.Editor);
        return await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
    }

    /// <summary>Its revisions, newest first.</summary>
    public async Task<JsonElement> RevisionsAsync(Guid id)
    {
        using var editor = site.System.Gateway(ForumRoles.Editor);
        return await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{id}/revisions");
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
