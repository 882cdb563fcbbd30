using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Articles.Data;
using ForumPlatform.Testing;
using Microsoft.EntityFrameworkCore;

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
        Guid id;
        var first = new ArticlesServiceFixture(databasePath, running.Broker);
        await using (first)
        {
            var newsroom = new Newsroom(first.Editor());
            var draft = await newsroom.CreateAsync(Newsroom.Draft($"Due during downtime {Guid.NewGuid():N}"));
            // An hour ahead, so the first instance cannot publish it however slowly it stops.
            await newsroom.TransitionAsync(draft, "schedule", new { publishAt = DateTimeOffset.UtcNow.AddHours(1) });
            (slug, id) = (draft.Slug, Guid.Parse(draft.Id));
        }

        // The hour passes while the service is down: the stored time is moved into the past, as the clock would.
        await using (var db = new ArticlesDbContext(new DbContextOptionsBuilder<ArticlesDbContext>().UseSqlite($"Data Source={databasePath}").Options))
        {
            var moved = await db.Articles.Where(article => article.Id == id && article.Status == ArticleStatus.Scheduled)
                .ExecuteUpdateAsync(set => set.SetProperty(article => article.ScheduledFor, DateTimeOffset.UtcNow.AddMinutes(-1)));
            Assert.Equal(1, moved); // still scheduled: the first instance did not publish it
        }

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

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        SqliteTestFiles.Delete(databasePath);
    }
}
