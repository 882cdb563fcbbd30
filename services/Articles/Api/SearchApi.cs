using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ForumPlatform.Articles.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Articles.Api;

/// <summary>
/// Full-text search over public articles (SQLite FTS5, BM25 ranking with title weighted above summary above body).
/// The words of the query are matched as words, never as FTS syntax, so no input can break the query.
/// </summary>
public static partial class SearchApi
{
    // Markers FTS puts around matches; article text cannot hold U+0002 or U+0003 (ArticleRequest.Validate refuses control
    // characters but tab and line breaks, StoredText), so escaping is safe.
    private const string MatchStart = "\u0002";
    private const string MatchEnd = "\u0003";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/articles").WithTags("Articles");
        api.MapGet("/search", Search).WithName("SearchArticles")
            .WithSummary("Published articles matching every word of q, best match first, with a highlighted snippet.");
        return api;
    }

    private sealed record Match(Guid Id, string Snippet, double Rank);

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> Search(
        [AsParameters] SearchQuery query, ArticlesDbContext db, CancellationToken cancellationToken)
    {
        var words = Word().Matches(query.Q ?? "").Select(match => match.Value).Take(20).ToList();
        var errors = new FieldErrors();
        if (words.Count == 0)
        {
            errors.Add("q", "Give at least one word to search for.");
        }

        var limit = query.Limit ?? 10;
        if (limit is < 1 or > 50)
        {
            errors.Add("limit", "A page holds 1 to 50 results.");
        }

        var offset = query.Offset ?? 0;
        if (offset < 0)
        {
            errors.Add("offset", "The offset cannot be negative.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var match = string.Join(' ', words.Select(word => $"\"{word}\""));
        var language = query.Language;
        // The index holds public articles only, so ranking needs no join; snippets are made for the page only,
        // as snippet() is the expensive part.
        var matches = await db.Database.SqlQuery<Match>($"""
            WITH "Ranked" AS (
                SELECT s.rowid AS "RowId", s.rank AS "Rank"
                FROM "ArticleSearch" AS s
                WHERE "ArticleSearch" MATCH {match}
                  AND ({language} IS NULL OR s.rowid IN (SELECT rowid FROM "Articles" WHERE "Language" = {language}))
                ORDER BY s.rank
                LIMIT {limit + 1} OFFSET {offset})
            SELECT a."Id", snippet("ArticleSearch", -1, {MatchStart}, {MatchEnd}, '…', 16) AS "Snippet", r."Rank"
            FROM "Ranked" AS r
            JOIN "ArticleSearch" ON "ArticleSearch".rowid = r."RowId"
            JOIN "Articles" AS a ON a.rowid = r."RowId"
            WHERE "ArticleSearch" MATCH {match}
            ORDER BY r."Rank"
            """).ToListAsync(cancellationToken);

        var page = matches.Take(limit).ToList();
        var ids = page.Select(m => m.Id).ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var hits = page
            .Where(m => articles.ContainsKey(m.Id))
            .Select(m => new SearchHit(ArticleSummary.From(articles[m.Id]), Highlight(m.Snippet), Math.Round(-m.Rank, 4)))
            .ToList();
        return TypedResults.Ok(new SearchResults(string.Join(' ', words), hits, matches.Count > limit ? offset + limit : null));
    }

    private static string Highlight(string snippet) =>
        new StringBuilder(WebUtility.HtmlEncode(snippet))
            .Replace(MatchStart, "<mark>")
            .Replace(MatchEnd, "</mark>")
            .ToString();
}
