using ForumPlatform.Articles.Data;
using ForumPlatform.Contracts;

namespace ForumPlatform.Articles.Events;

/// <summary>The events the newsroom publishes (the contracts are in ForumPlatform.Contracts), carrying what subscribers need without calling back.</summary>
public static class OutgoingArticleEvents
{
    public static ArticlePublished Published(Article article, DateTimeOffset now) => new(
        Guid.CreateVersion7(now), now, article.Id, article.Slug, article.Title, article.Summary, article.Language,
        article.Tags, article.Authors, article.ForumSlug, article.PublishedAt ?? now, article.Themes);

    public static ArticleUpdated Updated(Article article, IReadOnlyList<FieldChange> changes, DateTimeOffset now) => new(
        Guid.CreateVersion7(now), now, article.Id, article.Slug, article.Title, article.Language,
        article.Tags, article.ForumSlug, article.Revision, changes, article.Themes);

    public static ArticleRetracted Retracted(Article article, string reason, bool hidden, DateTimeOffset now) => new(
        Guid.CreateVersion7(now), now, article.Id, article.Slug, article.Title, article.Language,
        article.Tags, article.ForumSlug, reason, hidden, article.Themes);
}
