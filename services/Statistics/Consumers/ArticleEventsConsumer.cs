using ForumPlatform.Contracts;
using ForumPlatform.Statistics.Data;
using MassTransit;

namespace ForumPlatform.Statistics.Consumers;

/// <summary>Counts the newsroom's events by tag and language.</summary>
public sealed class ArticleEventsConsumer(PlatformFigures figures) :
    IConsumer<ArticlePublished>, IConsumer<ArticleUpdated>, IConsumer<ArticleRetracted>
{
    public Task Consume(ConsumeContext<ArticlePublished> context) =>
        figures.RecordAsync(context.Message, EventTypes.ArticlePublished, context.CancellationToken,
            [.. Tags(context.Message.Tags), $"language:{context.Message.Language}"]);

    public Task Consume(ConsumeContext<ArticleUpdated> context) =>
        figures.RecordAsync(context.Message, EventTypes.ArticleUpdated, context.CancellationToken,
            $"language:{context.Message.Language}");

    public Task Consume(ConsumeContext<ArticleRetracted> context) =>
        figures.RecordAsync(context.Message, EventTypes.ArticleRetracted, context.CancellationToken,
            [.. Tags(context.Message.Tags), $"language:{context.Message.Language}"]);

    private static IEnumerable<string> Tags(IEnumerable<string> tags) => tags.Select(tag => $"tag:{tag}");
}
