using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ForumPlatform.Articles.Tests;

/// <summary>Every bad input is a 400 problem naming the field, and nothing is stored.</summary>
[Collection(ArticlesCollection.Name)]
public sealed class ValidationTests(ArticlesServiceFixture service)
{
    public static TheoryData<string, string> BadDrafts => new()
    {
        { """{"language":"en"}""", "title" },
        { """{"title":"Forum news","language":"fr"}""", "language" },
        { """{"title":"Forum news","language":"en","sources":[{"title":"Xinhua","url":"not a url"}]}""", "sources[0].url" },
        { """{"title":"Forum news","language":"en","sources":[{"title":"Xinhua","url":"javascript:alert(1)"}]}""", "sources[0].url" },
        { """{"title":"Forum news","language":"en","coverImageUrl":"https://example.org/a.jpg"}""", "coverImageAlt" },
        { """{"title":"Forum news","language":"en","slug":"Not A Slug"}""", "slug" },
        { """{"title":"Forum news","language":"en","themes":["space"]}""", "themes" },
        // Characters XML cannot carry would break the feeds the article appears in.
        { """{"title":"Forum \u0001 news","language":"en"}""", "title" },
        { """{"title":"Forum news","language":"en","summary":"\uFFFF"}""", "summary" },
        { """{"title":"Forum news","language":"en","authors":["Li \u0008"]}""", "authors[0]" },
        { """{"title":"Forum news","language":"en","sources":[{"title":"\u001b[31m","url":"https://example.org"}]}""", "sources[0].title" },
        { """{"title":"Forum news","language":"en","sources":[{"title":"Xinhua","url":"https://example.org/a\u0001b"}]}""", "sources[0].url" },
        // Markdig renders at most 128 levels of nesting and throws past them.
        { $$"""{"title":"Forum news","language":"en","body":"{{new string('>', 200)}} deep"}""", "body" },
    };

    [Fact]
    public async Task The_preview_renders_a_body_as_readers_will_see_it_and_stores_nothing()
    {
        var before = await service.WithDbAsync(db => Task.FromResult(db.Articles.Count()));

        var preview = await service.Editor().PostAsJsonAsync("/api/articles/preview",
            new { body = "## Rail freight\n\nThe <script>alert(1)</script> corridor [opens](javascript:alert(1))." });

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("html").GetString()!;
        Assert.Contains("<h2 id=\"rail-freight\">Rail freight</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Equal(before, await service.WithDbAsync(db => Task.FromResult(db.Articles.Count())));

        await AssertFieldErrorAsync(await service.Editor().PostAsJsonAsync("/api/articles/preview", new { body = new string('>', 200) + " deep" }), "body");
        await AssertFieldErrorAsync(await service.Editor().PostAsJsonAsync("/api/articles/preview", new { body = "bell \u0007" }), "body");
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous().PostAsJsonAsync("/api/articles/preview", new { body = "# x" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task Bad_draft_is_refused_naming_the_field(string json, string field)
    {
        var before = await service.WithDbAsync(db => Task.FromResult(db.Articles.Count()));
        var response = await service.Editor().PostAsync("/api/articles", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await AssertFieldErrorAsync(response, field);
        Assert.Equal(before, await service.WithDbAsync(db => Task.FromResult(db.Articles.Count())));
    }

    [Fact]
    public async Task Body_over_the_limit_is_refused()
    {
        var response = await service.Editor().PostAsJsonAsync("/api/articles",
            new { title = "A very long story", language = "en", body = new string('x', 200_001) });
        await AssertFieldErrorAsync(response, "body");
    }

    [Fact]
    public async Task Slug_already_taken_is_refused()
    {
        var slug = $"taken-{Guid.NewGuid():N}";
        await new Newsroom(service.Editor()).CreateAsync(Newsroom.Draft("The first one", slug: slug));
        var response = await service.Editor().PostAsJsonAsync("/api/articles", Newsroom.Draft("The second one", slug: slug));
        await AssertFieldErrorAsync(response, "slug");
    }

    [Fact]
    public async Task Concurrent_drafts_of_one_title_get_one_slug_and_no_server_error()
    {
        var title = $"Rush story {Guid.NewGuid():N}";
        var editor = service.Editor();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => editor.PostAsJsonAsync("/api/articles", Newsroom.Draft(title))));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(response => response.StatusCode != HttpStatusCode.Created))
        {
            await AssertFieldErrorAsync(refused, "title");
        }
    }

    [Fact]
    public async Task Retraction_reason_with_a_control_character_is_refused()
    {
        var newsroom = new Newsroom(service.Editor());
        var article = await newsroom.CreatePublishedAsync(Newsroom.Draft($"Retract me {Guid.NewGuid():N}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{article.Id}/retract")
        {
            Content = new StringContent("""{"reason":"Wrong \u0000 figures"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.IfMatch.Add(article.ETag);

        await AssertFieldErrorAsync(await service.Editor().SendAsync(request), "reason");
        Assert.Equal("Published", await service.WithDbAsync(db => Task.FromResult(db.Articles.Single(a => a.Id == Guid.Parse(article.Id)).Status.ToString())));
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for '{field}' in {errors}");
    }
}
