using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Articles.Tests;

/// <summary>Drafts, publishing, scheduling, retraction and deletion through the HTTP API, with their events.</summary>
[Collection(ArticlesCollection.Name)]
public sealed class WorkflowTests(ArticlesServiceFixture service)
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    [Fact]
    public async Task Draft_is_visible_to_editors_only_until_published()
    {
        var newsroom = new Newsroom(service.Editor());
        var draft = await newsroom.CreateAsync(Newsroom.Draft(Unique("Draft visibility")));
        Assert.Equal("draft", draft.Body.GetProperty("status").GetString());

        using var anonymous = service.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/articles/{draft.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Editor().GetAsync($"/api/articles/{draft.Slug}")).StatusCode);

        await newsroom.PublishAsync(draft);
        var published = await anonymous.GetFromJsonAsync<JsonElement>($"/api/articles/{draft.Slug}");
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.Contains("<strong>Tianshan Forum</strong>", published.GetProperty("bodyHtml").GetString());
    }

    [Fact]
    public async Task Publishing_writes_ArticlePublished_to_the_outbox_and_editing_it_afterwards_ArticleUpdated()
    {
        var newsroom = new Newsroom(service.Editor());
        var published = await newsroom.CreatePublishedAsync(Newsroom.Draft(Unique("Events of an article")));

        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{published.Id}")
        {
            Content = JsonContent.Create(Newsroom.Draft("A corrected title", slug: published.Slug)),
        };
        edit.Headers.IfMatch.Add(published.ETag);
        var edited = await Written.ReadAsync(await service.Editor().SendAsync(edit));
        Assert.Equal("A corrected title", edited.Body.GetProperty("title").GetString());

        var events = await service.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Body.Contains(published.Id)).OrderBy(m => m.OccurredAt).ToListAsync());
        Assert.Equal([typeof(ArticlePublished).FullName, typeof(ArticleUpdated).FullName], events.Select(e => e.MessageType));
        var updated = JsonSerializer.Deserialize<ArticleUpdated>(events[1].Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Contains(updated.Changes, change => change.Field == "title" && change.NewValue == "A corrected title");
    }

    [Fact]
    public async Task Scheduled_article_is_published_by_the_service_when_its_time_comes()
    {
        var newsroom = new Newsroom(service.Editor());
        var draft = await newsroom.CreateAsync(Newsroom.Draft(Unique("Scheduled story")));
        var scheduled = await newsroom.TransitionAsync(draft, "schedule", new { publishAt = DateTimeOffset.UtcNow.AddSeconds(1) });
        Assert.Equal("scheduled", scheduled.Body.GetProperty("status").GetString());

        using var anonymous = service.Anonymous();
        var published = await Eventually.GetValueAsync(async () =>
        {
            var response = await anonymous.GetAsync($"/api/articles/{draft.Slug}");
            return response.IsSuccessStatusCode ? (JsonElement?)await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }, TimeSpan.FromSeconds(10), "the scheduler to publish the article");
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.True(await service.WithDbAsync(db => db.OutboxMessages.AnyAsync(
            m => m.MessageType == typeof(ArticlePublished).FullName && m.Body.Contains(draft.Id))));
    }

    [Fact]
    public async Task Schedule_time_in_the_past_is_refused_naming_the_field()
    {
        var newsroom = new Newsroom(service.Editor());
        var draft = await newsroom.CreateAsync(Newsroom.Draft(Unique("Too late")));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{draft.Id}/schedule")
        {
            Content = JsonContent.Create(new { publishAt = DateTimeOffset.UtcNow.AddMinutes(-5) }),
        };
        request.Headers.IfMatch.Add(draft.ETag);
        var response = await service.Editor().SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("publishAt", out _));
    }

    [Fact]
    public async Task Retracted_article_stays_readable_with_its_notice_unless_hidden()
    {
        var newsroom = new Newsroom(service.Editor());
        using var anonymous = service.Anonymous();

        var shown = await newsroom.CreatePublishedAsync(Newsroom.Draft(Unique("Retracted but shown")));
        await newsroom.TransitionAsync(shown, "retract", new { reason = "The figures were wrong." });
        var read = await anonymous.GetFromJsonAsync<JsonElement>($"/api/articles/{shown.Slug}");
        Assert.Equal("retracted", read.GetProperty("status").GetString());
        Assert.Equal("The figures were wrong.", read.GetProperty("retraction").GetProperty("reason").GetString());

        var hidden = await newsroom.CreatePublishedAsync(Newsroom.Draft(Unique("Retracted and hidden")));
        await newsroom.TransitionAsync(hidden, "retract", new { reason = "Published by mistake.", hide = true });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/articles/{hidden.Slug}")).StatusCode);
        Assert.True(await service.WithDbAsync(db => db.OutboxMessages.AnyAsync(
            m => m.MessageType == typeof(ArticleRetracted).FullName && m.Body.Contains(hidden.Id))));
    }

    [Fact]
    public async Task Only_drafts_can_be_deleted()
    {
        var newsroom = new Newsroom(service.Editor());
        var published = await newsroom.CreatePublishedAsync(Newsroom.Draft(Unique("Not deletable")));
        Assert.Equal(HttpStatusCode.Conflict, (await DeleteAsync(published)).StatusCode);

        var draft = await newsroom.CreateAsync(Newsroom.Draft(Unique("Deletable")));
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(draft)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Editor().GetAsync($"/api/articles/{draft.Id}")).StatusCode);
    }

    [Fact]
    public async Task Retracting_a_draft_is_a_conflict()
    {
        var newsroom = new Newsroom(service.Editor());
        var draft = await newsroom.CreateAsync(Newsroom.Draft(Unique("Never published")));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{draft.Id}/retract")
        {
            Content = JsonContent.Create(new { reason = "No." }),
        };
        request.Headers.IfMatch.Add(draft.ETag);
        var response = await service.Editor().SendAsync(request);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> DeleteAsync(Written article)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/articles/{article.Id}");
        request.Headers.IfMatch.Add(article.ETag);
        return await service.Editor().SendAsync(request);
    }
}
