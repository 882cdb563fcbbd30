using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ForumPlatform.Articles.Data;

namespace ForumPlatform.Articles.Api;

public sealed record CreateArticleRequest(
    [property: Required, StringLength(300, MinimumLength = 3)] string Title,
    [property: Required, RegularExpression("^(en|zh|ru)$", ErrorMessage = "Language must be one of: en, zh, ru.")] string Language,
    [property: StringLength(1000)] string? Summary = null,
    [property: StringLength(200_000)] [property: Description("Markdown.")] string? Body = null,
    [property: RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "A slug is lower-case letters, digits and single hyphens.")]
    [property: StringLength(200)]
    string? Slug = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Authors = null,
    [property: StringLength(200)] string? ForumSlug = null);

public sealed record UpdateArticleRequest(
    [property: Required, StringLength(300, MinimumLength = 3)] string Title,
    [property: Required, RegularExpression("^(en|zh|ru)$", ErrorMessage = "Language must be one of: en, zh, ru.")] string Language,
    [property: StringLength(1000)] string? Summary = null,
    [property: StringLength(200_000)] string? Body = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Authors = null,
    [property: StringLength(200)] string? ForumSlug = null);

public sealed record ArticleResponse(
    Guid Id,
    string Slug,
    string Title,
    string Summary,
    string Body,
    string Language,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Authors,
    string? ForumSlug,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    int Revision)
{
    public static ArticleResponse From(Article article) => new(
        article.Id, article.Slug, article.Title, article.Summary, article.Body, article.Language,
        article.Tags, article.Authors, article.ForumSlug, article.Status.ToString().ToLowerInvariant(),
        article.CreatedAt, article.UpdatedAt, article.PublishedAt, article.Revision);
}

public sealed record ArticleListResponse(IReadOnlyList<ArticleResponse> Items);
