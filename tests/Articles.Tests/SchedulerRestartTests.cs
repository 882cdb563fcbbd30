using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Testing;

namespace ForumPlatform.Articles.Tests;

/// <summary>The schedule lives in the database: a publication time that passes while the service is down is kept.</summary>
[Collection(ArticlesCollection.Name)]
public sealed class SchedulerRestartTests(ArticlesServiceFixture running)
{
    [Fact]
    public async Task Article_due_while_the_service_was_down_is_published_when_it_starts_again()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"articles-restart-{Guid.NewGuid():N}.db");
        string slug;
        var publishAt = DateTimeOffset.UtcNow.AddSeconds(4);
        var first = new ArticlesServiceFixture(databasePath, running.Broker);
        await using (first)
        {
            var newsroom = new Newsroom(first.Editor());
            var draft = await newsroom.CreateAsync(Newsroom.Draft($"Due during downtime {Guid.NewGuid():N}"));
            await newsroom.TransitionAsync(draft, "schedule", new { publishAt });
            slug = draft.Slug;
        }

        // The first instance stopped before the time came, so it cannot have published the article.
        Assert.True(DateTimeOffset.UtcNow < publishAt, "the first instance took too long to stop for this test to mean anything");

        // Down past the publication time.
        await Task.Delay(publishAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));

        var second = new ArticlesServiceFixture(databasePath, running.Broker);
        await using (second)
        {
            using var anonymous = second.Anonymous();
            var published = await Eventually.GetValueAsync(async () =>
            {
                var response = await anonymous.GetAsync($"/api/articles/{slug}");
                return response.IsSuccessStatusCode ? (JsonElement?)await response.Content.ReadFromJsonAsync<JsonElement>() : null;
            }, TimeSpan.FromSeconds(10), "the restarted service to publish the overdue article");
            Assert.Equal("published", published.GetProperty("status").GetString());
        }

        SqliteTestFiles.Delete(databasePath);
    }
}
