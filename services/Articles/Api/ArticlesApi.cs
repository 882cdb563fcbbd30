using System.ComponentModel;
using System.Globalization;
using System.Text;
using ForumPlatform.Articles.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Articles.Api;

/// <summary>Filters of the public article list; all optional.</summary>
public sealed record ArticleQuery(
    [property: Description("Only articles with this tag.")] string? Tag = null,
    [property: Description("Only articles with this theme.")] string? Theme = null,
    [property: Description("en, zh or ru.")] string? Language = null,
    [property: Description("Only articles of this forum (its slug).")] string? Forum = null,
    [property: Description("Only articles by this author (exact name).")] string? Author = null,
    [property: Description("Published at or after this time.")] DateTimeOffset? From = null,
    [property: Description("Published before this time.")] DateTimeOffset? To = null,
    [property: Description("The nextCursor of the previous page.")] string? Cursor = null,
    [property: Description("Page size, 1 to 100 (default 20).")] int? Limit = null);

public static class ArticlesApi
{
    public static RouteGroupBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/articles").WithTags("Articles");

        api.MapGet("/", List).WithName("ListArticles")
            .WithSummary("Published articles, newest first, filtered and paged by cursor.");
        api.MapGet("/{slugOrId}", Get).WithName("GetArticle")
            .WithSummary("One article by slug or id. An old slug redirects; drafts and scheduled ones only for editors.");

        var editor = api.MapGroup("").RequireAuthorization(ForumPolicies.Editor);
        editor.MapGet("/{id:guid}/revisions", ListRevisions).WithName("ListArticleRevisions")
            .WithSummary("Every revision of an article, newest first: who, when, what changed.");
        editor.MapGet("/{id:guid}/revisions/{number:int}", GetRevision).WithName("GetArticleRevision")
            .WithSummary("One revision with the content as it stood then.");

        api.MapSearchApi();
        api.MapFeedsApi();
        api.MapEditorApi();
        return api;
    }

    private static async Task<Results<Ok<ArticlePage>, ValidationProblem>> List(
        [AsParameters] ArticleQuery query, ArticlesDbContext db, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? 20;
        if (limit is < 1 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["A page holds 1 to 100 articles."] });
        }

        var articles = db.Articles.AsNoTracking().Where(PubliclyListed);
        if (query.Cursor is not null)
        {
            if (!PageCursor.TryParse(query.Cursor, out var after))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["The cursor is not one this API issued."] });
            }

            articles = articles.Where(a => a.PublishedAt < after.PublishedAt
                || (a.PublishedAt == after.PublishedAt && string.Compare(a.Slug, after.Slug) < 0));
        }

        if (query.Tag is { } tag)
        {
            var normalized = tag.Trim().ToLowerInvariant();
            articles = articles.Where(a => a.Tags.Contains(normalized));
        }

        if (query.Theme is { } theme)
        {
            articles = articles.Where(a => a.Themes.Contains(theme));
        }

        if (query.Language is { } language)
        {
            articles = articles.Where(a => a.Language == language);
        }

        if (query.Forum is { } forum)
        {
            articles = articles.Where(a => a.ForumSlug == forum);
        }

        if (query.Author is { } author)
        {
            articles = articles.Where(a => a.Authors.Contains(author));
        }

        if (query.From is { } from)
        {
            articles = articles.Where(a => a.PublishedAt >= from);
        }

        if (query.To is { } to)
        {
            articles = articles.Where(a => a.PublishedAt < to);
        }

        var page = await articles
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Slug)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        var next = page.Count > limit ? PageCursor.After(page[limit - 1]) : null;
        return TypedResults.Ok(new ArticlePage(page.Take(limit).Select(ArticleSummary.From).ToList(), next));
    }

    private static async Task<Results<Ok<ArticleResponse>, StatusCodeHttpResult, RedirectHttpResult, NotFound>> Get(
        string slugOrId, HttpContext http, ArticlesDbContext db, CancellationToken cancellationToken)
    {
        var article = Guid.TryParse(slugOrId, out var id)
            ? await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            : await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slugOrId, cancellationToken);

        if (article is null && !Guid.TryParse(slugOrId, out _))
        {
            var renamed = await db.SlugRedirects.AsNoTracking()
                .Where(redirect => redirect.Slug == slugOrId)
                .Join(db.Articles, redirect => redirect.ArticleId, a => a.Id, (_, a) => a)
                .SingleOrDefaultAsync(cancellationToken);
            if (renamed is not null && (renamed.IsPublic || IsEditor(http)))
            {
                return TypedResults.Redirect($"/api/articles/{renamed.Slug}", permanent: true);
            }
        }

        if (article is null || (!article.IsPublic && !IsEditor(http)))
        {
            return TypedResults.NotFound();
        }

        Preconditions.SetETag(http.Response, article);
        if (Preconditions.NotModified(http.Request, article))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var translations = await db.Articles.AsNoTracking()
            .Where(a => a.TranslationGroupId == article.TranslationGroupId && a.Id != article.Id)
            .Where(PubliclyListed)
            .OrderBy(a => a.Language)
            .Select(a => new Translation(a.Language, a.Slug))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(ArticleResponse.From(article, translations));
    }

    private static async Task<Results<Ok<List<RevisionSummary>>, NotFound>> ListRevisions(
        Guid id, ArticlesDbContext db, CancellationToken cancellationToken)
    {
        var revisions = await db.Revisions.AsNoTracking()
            .Where(revision => revision.ArticleId == id)
            .OrderByDescending(revision => revision.Number)
            .ToListAsync(cancellationToken);
        return revisions.Count == 0
            ? TypedResults.NotFound()
            : TypedResults.Ok(revisions.Select(r => new RevisionSummary(r.Number, r.Action, r.EditedBy, r.EditedAt, r.Changes)).ToList());
    }

    private static async Task<Results<Ok<RevisionResponse>, NotFound>> GetRevision(
        Guid id, int number, ArticlesDbContext db, CancellationToken cancellationToken)
    {
        var revision = await db.Revisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ArticleId == id && r.Number == number, cancellationToken);
        return revision is null ? TypedResults.NotFound() : TypedResults.Ok(RevisionResponse.From(revision));
    }

    /// <summary>What anonymous readers may list: published articles and retracted ones that were not hidden.</summary>
    internal static readonly System.Linq.Expressions.Expression<Func<Article, bool>> PubliclyListed = a => a.IsPublic;

    internal static bool IsEditor(HttpContext http) =>
        http.User.IsInRole(ForumRoles.Editor) || http.User.IsInRole(ForumRoles.Admin);
}

/// <summary>Keyset position in the newest-first list: stable when articles are published meanwhile.</summary>
internal readonly record struct PageCursor(DateTimeOffset PublishedAt, string Slug)
{
    public static string After(Article article) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{article.PublishedAt!.Value.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{article.Slug}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string cursor, out PageCursor position)
    {
        position = default;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|', 2);
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks)
            {
                position = new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
                return true;
            }
        }
        catch (FormatException)
        {
            // Not base64: not a cursor of ours, answered as a bad parameter.
        }

        return false;
    }
}
