using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;
using MassTransit;

namespace ForumPlatform.Notifications.Consumers;

public sealed class ArticlePublishedConsumer(Fanout fanout) : IConsumer<ArticlePublished>
{
    public Task Consume(ConsumeContext<ArticlePublished> context) =>
        fanout.RecordAsync(
            context.Message,
            EventTypes.ArticlePublished,
            subject: $"articles/{context.Message.Slug}",
            context.Message.Tags.ToList(),
            context.CancellationToken);
}
