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
    };

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

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for '{field}' in {errors}");
    }
}
