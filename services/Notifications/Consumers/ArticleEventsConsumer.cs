using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Subscriptions;
using MassTransit;

namespace ForumPlatform.Notifications.Consumers;

/// <summary>Article events become <c>forum.article.*</c> notifications, filterable by tag, theme, forum and language.</summary>
public sealed class ArticleEventsConsumer(Fanout fanout) :
    IConsumer<ArticlePublished>, IConsumer<ArticleUpdated>, IConsumer<ArticleRetracted>
{
    private const string Source = "/articles";

    public Task Consume(ConsumeContext<ArticlePublished> context)
    {
        var article = context.Message;
        return fanout.RecordAsync(article, Source, $"articles/{article.Slug}",
            Facts(EventTypes.ArticlePublished, article.Tags, article.Themes, article.ForumSlug, article.Language), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ArticleUpdated> context)
    {
        var article = context.Message;
        return fanout.RecordAsync(article, Source, $"articles/{article.Slug}",
            Facts(EventTypes.ArticleUpdated, article.Tags, article.Themes, article.ForumSlug, article.Language), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ArticleRetracted> context)
    {
        var article = context.Message;
        return fanout.RecordAsync(article, Source, $"articles/{article.Slug}",
            Facts(EventTypes.ArticleRetracted, article.Tags, article.Themes, article.ForumSlug, article.Language), context.CancellationToken);
    }

    private static NotificationFacts Facts(
        string type, IReadOnlyList<string> tags, IReadOnlyList<string>? themes, string? forum, string language) =>
        new(type, Tags: tags, Themes: themes ?? [], Forum: forum, Language: language);
}
