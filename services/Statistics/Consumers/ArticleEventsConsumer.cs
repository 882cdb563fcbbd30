using ForumPlatform.Contracts;
using ForumPlatform.Statistics.Platform;
using MassTransit;

namespace ForumPlatform.Statistics.Consumers;

/// <summary>The newsroom's events, counted by day, tag, theme and language.</summary>
public sealed class ArticleEventsConsumer(PlatformFigures figures) :
    IConsumer<ArticlePublished>, IConsumer<ArticleUpdated>, IConsumer<ArticleRetracted>
{
    public Task Consume(ConsumeContext<ArticlePublished> context) => figures.RecordAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ArticleUpdated> context) => figures.RecordAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ArticleRetracted> context) => figures.RecordAsync(context.Message, context.CancellationToken);
}
