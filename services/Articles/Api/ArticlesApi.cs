using System.ComponentModel;
using System.Globalization;
using System.Text;
using ForumPlatform.Articles.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Articles.Api;

public static class ArticlesApi
{
    public static RouteGroupBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/articles").WithTags("Articles");

        api.MapGet("/", List).WithName("ListArticles")
            .WithSummary("Published articles, newest first, filtered and paged by cursor.");
        api.MapGet("/{id}", Get).WithName("GetArticle")
            .WithSummary("One article by slug or id. An old slug redirects; drafts and scheduled ones only for editors.");

        var editor = api.MapGroup("").RequireAuthorization(ForumPolicies.Editor);
        editor.MapGet("/{id:guid}/revisions", ListRevisions).WithName("ListArticleRevisions")
            .WithSummary("Every revision of an article, newest first: who, when, what changed.");
        editor.MapGet("/{id:guid}/revisions/{number:int}", GetRevision).WithName("GetArticleRevision")
            .WithSummary("One revision with the content as it stood then.");

        return api;
    }

    private static async Task<Results<Ok<ArticlePage>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] ArticleQuery query, HttpContext http, ArticlesDbContext db, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? 20;
        if (limit is < 1 or > 100)
        {
            return FieldErrors.Problem("limit", "A page holds 1 to 100 articles.");
        }

        PageCursor? after = null;
        if (query.Cursor is not null)
        {
            if (!PageCursor.TryParse(query.Cursor, out var parsed))
            {
                return FieldErrors.Problem("cursor", "The cursor is not one this API issued.");
            }

            after = parsed;
        }

        if (query.Status is null && query.Q is not null)
        {
            return FieldErrors.Problem("q", "q searches an editor's list by status; readers search at /api/articles/search.");
        }

        if (query.Status is null)
        {
            // The public list: newest publication first.
            var listed = Filter(db.Articles.AsNoTracking().Where(PubliclyListed), query);
            if (after is { } position)
            {
                listed = listed.Where(a => a.PublishedAt < position.At || (a.PublishedAt == position.At && string.Compare(a.Slug, position.Slug) < 0));
            }

            var page = await listed.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Slug).Take(limit + 1).ToListAsync(cancellationToken);
            return TypedResults.Ok(Page(page, limit, a => a.PublishedAt!.Value));
        }

        if (!EnumNames.TryParse<ArticleStatus>(query.Status, out var status))
        {
            return FieldErrors.Problem("status", "Use draft, scheduled, published or retracted.");
        }

        if (query.Q is { Length: > 200 })
        {
            return FieldErrors.Problem("q", "Search for at most 200 characters.");
        }

        if (!IsEditor(http))
        {
            return TypedResults.Problem(
                statusCode: http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
                title: "Listing by status is for editors.");
        }

        // The newsroom's view: every article in that state, most recently changed first.
        var inState = Filter(db.Articles.AsNoTracking().Where(a => a.Status == status), query);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // LIKE with its wildcards escaped: the text is looked for as typed; SQLite's LIKE ignores the case of ASCII letters.
            var pattern = $"%{query.Q.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_")}%";
            inState = inState.Where(a => EF.Functions.Like(a.Title, pattern, @"\") || EF.Functions.Like(a.Summary, pattern, @"\")
                                         || EF.Functions.Like(a.Slug, pattern, @"\"));
        }
        if (after is { } changedBefore)
        {
            inState = inState.Where(a => a.UpdatedAt < changedBefore.At || (a.UpdatedAt == changedBefore.At && string.Compare(a.Slug, changedBefore.Slug) < 0));
        }

        var changed = await inState.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Slug).Take(limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Page(changed, limit, a => a.UpdatedAt));
    }

    private static IQueryable<Article> Filter(IQueryable<Article> articles, ArticleQuery query)
    {
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

        return articles;
    }

    private static ArticlePage Page(List<Article> fetched, int limit, Func<Article, DateTimeOffset> sortTime) => new(
        fetched.Take(limit).Select(ArticleSummary.From).ToList(),
        fetched.Count > limit ? PageCursor.After(sortTime(fetched[limit - 1]), fetched[limit - 1].Slug) : null);

    // The route parameter is named like the editors' {id} routes on the same path, as OpenAPI wants one name per path.
    private static async Task<Results<Ok<ArticleResponse>, StatusCodeHttpResult, RedirectHttpResult, NotFound>> Get(
        [FromRoute(Name = "id"), Description("The article's id, or its slug (an old slug redirects to the current one).")] string slugOrId,
        HttpContext http, ArticlesDbContext db, CancellationToken cancellationToken)
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

        if (ConditionalGet.IsNotModified(http, ArticleETags.ETagOf(article)))
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
            : TypedResults.Ok(revisions.Select(r => new RevisionSummary(r.Number, r.Action, r.EditedBy, r.EditorName, r.EditedAt, r.Changes)).ToList());
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

/// <summary>Keyset position (sort time and slug) in a newest-first list: stable when articles are added meanwhile.</summary>
internal readonly record struct PageCursor(DateTimeOffset At, string Slug)
{
    public static string After(DateTimeOffset at, string slug) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{slug}"))
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
