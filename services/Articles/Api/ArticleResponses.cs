using ForumPlatform.Articles.Data;
using ForumPlatform.Contracts;

namespace ForumPlatform.Articles.Api;

public sealed record CoverImage(string Url, string Alt);

public sealed record Retraction(string Reason, DateTimeOffset RetractedAt);

public sealed record Translation(string Language, string Slug);

public sealed record ArticleResponse(
    Guid Id,
    string Slug,
    string Title,
    string Summary,
    string Body,
    string BodyHtml,
    string Language,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Authors,
    IReadOnlyList<ArticleSource> Sources,
    string? ForumSlug,
    CoverImage? CoverImage,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset? PublishedAt,
    Retraction? Retraction,
    int Revision,
    IReadOnlyList<Translation> Translations)
{
    public static ArticleResponse From(Article article, IReadOnlyList<Translation>? translations = null) => new(
        article.Id, article.Slug, article.Title, article.Summary, article.Body, article.BodyHtml, article.Language,
        article.Tags, article.Themes, article.Authors, article.Sources, article.ForumSlug,
        article.CoverImageUrl is null ? null : new CoverImage(article.CoverImageUrl, article.CoverImageAlt ?? ""),
        article.Status.ToString().ToLowerInvariant(), article.CreatedAt, article.UpdatedAt, article.ScheduledFor,
        article.PublishedAt,
        article.RetractedAt is { } retractedAt ? new Retraction(article.RetractionReason ?? "", retractedAt) : null,
        article.Revision, translations ?? []);
}

/// <summary>An article in a list: everything but the body.</summary>
public sealed record ArticleSummary(
    Guid Id,
    string Slug,
    string Title,
    string Summary,
    string Language,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Authors,
    string? ForumSlug,
    CoverImage? CoverImage,
    string Status,
    DateTimeOffset? PublishedAt,
    Retraction? Retraction)
{
    public static ArticleSummary From(Article article) => new(
        article.Id, article.Slug, article.Title, article.Summary, article.Language, article.Tags, article.Themes,
        article.Authors, article.ForumSlug,
        article.CoverImageUrl is null ? null : new CoverImage(article.CoverImageUrl, article.CoverImageAlt ?? ""),
        article.Status.ToString().ToLowerInvariant(), article.PublishedAt,
        article.RetractedAt is { } retractedAt ? new Retraction(article.RetractionReason ?? "", retractedAt) : null);
}

/// <summary>A page of articles; <c>nextCursor</c> fetches the next page and is null on the last one.</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, string? NextCursor);

/// <summary>One change: <c>editedBy</c> is the stable id of who made it, <c>editorName</c> their name then (null before names were kept).</summary>
public sealed record RevisionSummary(
    int Number, string Action, string EditedBy, string? EditorName, DateTimeOffset EditedAt, IReadOnlyList<FieldChange> Changes);

public sealed record RevisionResponse(
    Guid ArticleId, int Number, string Action, string EditedBy, string? EditorName, DateTimeOffset EditedAt, IReadOnlyList<FieldChange> Changes,
    ArticleContent Content)
{
    public static RevisionResponse From(ArticleRevision revision) => new(
        revision.ArticleId, revision.Number, revision.Action, revision.EditedBy, revision.EditorName, revision.EditedAt, revision.Changes,
        revision.Content);
}

/// <summary>A body rendered as it would be published: sanitized HTML, heading anchors included.</summary>
public sealed record PreviewResponse(string Html);
