using System.Diagnostics;
using ForumPlatform.Articles.Data;
using ForumPlatform.Articles.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Articles.Publishing;

/// <summary>How often scheduled articles are looked for (configuration section <c>Articles:Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Articles:Scheduling";

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// Publishes scheduled articles when their time comes. The schedule lives in the database, so an article
/// whose time passed while the service was down is published as soon as it is back.
/// </summary>
internal sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public static readonly ActivitySource ActivitySource = new("ForumPlatform.Articles.Publishing");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PublishDueAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArticlesDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Articles
            .Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledFor <= now)
            .OrderBy(a => a.ScheduledFor)
            .Take(50)
            .ToListAsync(stoppingToken);
        if (due.Count == 0)
        {
            return; // looked, untraced: an idle check every few seconds would bury the traces people look for
        }

        using var activity = ActivitySource.StartActivity("scheduled publishing");
        activity?.SetTag("forum.articles_due", due.Count);
        foreach (var article in due)
        {
            await using var write = await db.BeginWriteAsync(stoppingToken);
            article.Publish(now);
            db.Revisions.Add(ArticleRevision.Of(article, "published", Editor.Scheduler));
            db.AddEvent(OutgoingArticleEvents.Published(article, now));
            try
            {
                await write.CommitAsync(stoppingToken);
                LogPublished(article.Slug);
            }
            catch (DbUpdateConcurrencyException)
            {
                // An editor changed it at this very moment (the rolled-back write forgets it); look again on the next tick.
                break;
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Published scheduled article {Slug}")]
    private partial void LogPublished(string slug);

    [LoggerMessage(LogLevel.Warning, "Checking for scheduled articles failed; trying again")]
    private partial void LogCheckFailed(Exception exception);
}
