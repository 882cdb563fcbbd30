using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ForumPlatform.Articles.Tests;

/// <summary>An editor's client with the steps the tests repeat: write a draft, publish it, follow its ETag.</summary>
public sealed class Newsroom(HttpClient editor)
{
    public static object Draft(string title, string language = "en", string[]? tags = null, string? slug = null) => new
    {
        title,
        language,
        slug,
        summary = "Sample data for a test.",
        body = "The **Tianshan Forum** opened in Urumqi.",
        tags = tags ?? ["trade"],
        authors = new[] { "Sample Reporter" },
    };

    public async Task<Written> CreateAsync(object draft)
    {
        var response = await editor.PostAsJsonAsync("/api/articles", draft);
        return await Written.ReadAsync(response);
    }

    public Task<Written> PublishAsync(Written article) => TransitionAsync(article, "publish");

    public async Task<Written> TransitionAsync(Written article, string action, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{article.Id}/{action}")
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.IfMatch.Add(article.ETag);
        return await Written.ReadAsync(await editor.SendAsync(request));
    }

    public async Task<Written> CreatePublishedAsync(object draft) => await PublishAsync(await CreateAsync(draft));
}

/// <summary>An article as the API returned it after a write, with its ETag.</summary>
public sealed record Written(string Id, string Slug, EntityTagHeaderValue ETag, JsonElement Body)
{
    public static async Task<Written> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.NotNull(response.Headers.ETag);
        return new Written(body.GetProperty("id").GetString()!, body.GetProperty("slug").GetString()!, response.Headers.ETag, body);
    }
}
