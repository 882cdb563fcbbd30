using ForumPlatform.Articles.Data;
using ForumPlatform.Contracts;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Articles.Api;

public static class ArticlesApi
{
    public static RouteGroupBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/articles").WithTags("Articles");

        api.MapGet("/", ListPublished).WithName("ListPublishedArticles").WithSummary("Published articles, newest first.");
        api.MapGet("/{slug}", GetBySlug).WithName("GetArticle").WithSummary("One published article by its slug.");

        var editor = api.MapGroup("").RequireAuthorization(ForumPolicies.Editor);
        editor.MapPost("/", CreateDraft).WithName("CreateArticleDraft").WithSummary("Creates a draft.");
        editor.MapPut("/{id:guid}", Edit).WithName("EditArticle").WithSummary("Edits a draft or a published article.");
        editor.MapPost("/{id:guid}/publish", Publish).WithName("PublishArticle").WithSummary("Publishes a draft now.");
        return api;
    }

    private static async Task<Ok<ArticleListResponse>> ListPublished(ArticlesDbContext db, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking()
            .Where(article => article.Status == ArticleStatus.Published)
            .OrderByDescending(article => article.PublishedAt)
            .Take(50)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ArticleListResponse(articles.Select(ArticleResponse.From).ToList()));
    }

    private static async Task<Results<Ok<ArticleResponse>, NotFound>> GetBySlug(
        string slug, ArticlesDbContext db, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Slug == slug && a.Status == ArticleStatus.Published, cancellationToken);
        return article is null ? TypedResults.NotFound() : TypedResults.Ok(ArticleResponse.From(article));
    }

    private static async Task<Results<Created<ArticleResponse>, ValidationProblem>> CreateDraft(
        CreateArticleRequest request, ArticlesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var slug = request.Slug ?? Slugs.FromTitle(request.Title);
        if (await db.Articles.AnyAsync(article => article.Slug == slug, cancellationToken))
        {
            return request.Slug is null
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["title"] = [$"An article with the slug '{slug}' exists; give this one a distinct slug."],
                })
                : TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["slug"] = [$"The slug '{slug}' is already taken."],
                });
        }

        var now = clock.GetUtcNow();
        var article = new Article
        {
            Id = Guid.CreateVersion7(now),
            Slug = slug,
            Title = request.Title.Trim(),
            Summary = request.Summary?.Trim() ?? "",
            Body = request.Body ?? "",
            Language = request.Language,
            Tags = Normalize(request.Tags),
            Authors = request.Authors?.Select(author => author.Trim()).Where(author => author.Length > 0).ToList() ?? [],
            ForumSlug = request.ForumSlug,
            Status = ArticleStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/articles/{article.Slug}", ArticleResponse.From(article));
    }

    private static async Task<Results<Ok<ArticleResponse>, NotFound>> Edit(
        Guid id, UpdateArticleRequest request, ArticlesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return TypedResults.NotFound();
        }

        var changes = new List<FieldChange>();
        Change(changes, "title", article.Title, request.Title.Trim(), value => article.Title = value);
        Change(changes, "summary", article.Summary, request.Summary?.Trim() ?? "", value => article.Summary = value);
        Change(changes, "body", article.Body, request.Body ?? "", value => article.Body = value);
        Change(changes, "language", article.Language, request.Language, value => article.Language = value);
        var tags = Normalize(request.Tags);
        Change(changes, "tags", string.Join(',', article.Tags), string.Join(',', tags), _ => article.Tags = tags);
        if (changes.Count == 0)
        {
            return TypedResults.Ok(ArticleResponse.From(article));
        }

        var now = clock.GetUtcNow();
        article.UpdatedAt = now;
        article.Revision++;
        if (article.Status == ArticleStatus.Published)
        {
            db.AddEvent(new ArticleUpdated(
                Guid.CreateVersion7(now), now, article.Id, article.Slug, article.Title, article.Language,
                article.Tags, article.ForumSlug, article.Revision, changes));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ArticleResponse.From(article));
    }

    private static async Task<Results<Ok<ArticleResponse>, NotFound>> Publish(
        Guid id, ArticlesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return TypedResults.NotFound();
        }

        if (article.Status == ArticleStatus.Published)
        {
            return TypedResults.Ok(ArticleResponse.From(article));
        }

        var now = clock.GetUtcNow();
        article.Status = ArticleStatus.Published;
        article.PublishedAt = now;
        article.UpdatedAt = now;
        article.Revision++;
        db.AddEvent(new ArticlePublished(
            Guid.CreateVersion7(now), now, article.Id, article.Slug, article.Title, article.Summary, article.Language,
            article.Tags, article.Authors, article.ForumSlug, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ArticleResponse.From(article));
    }

    private static List<string> Normalize(IReadOnlyList<string>? tags) =>
        tags?.Select(tag => tag.Trim().ToLowerInvariant()).Where(tag => tag.Length > 0).Distinct().ToList() ?? [];

    private static void Change(List<FieldChange> changes, string field, string oldValue, string newValue, Action<string> apply)
    {
        if (oldValue != newValue)
        {
            changes.Add(new FieldChange(field, oldValue, newValue));
            apply(newValue);
        }
    }
}
