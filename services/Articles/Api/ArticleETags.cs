using ForumPlatform.Articles.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ForumPlatform.Articles.Api;

/// <summary>ETags of articles: the article's id and revision.</summary>
public static class ArticleETags
{
    public static EntityTagHeaderValue ETagOf(Article article) => Preconditions.VersionETag(article.Id, article.Revision);

    /// <summary>Writes to an existing article must name the revision they were made against (see <see cref="Preconditions"/>).</summary>
    public static ProblemHttpResult? CheckIfMatch(HttpRequest request, Article article) =>
        Preconditions.CheckIfMatch(request, ETagOf(article), "article", StaleDetail(article));

    public static ProblemHttpResult Stale(Article article) => Preconditions.Stale("article", StaleDetail(article));

    private static string StaleDetail(Article article) =>
        $"The article is now at revision {article.Revision}; fetch it again and reapply your change.";

    public static void SetETag(HttpResponse response, Article article) =>
        response.GetTypedHeaders().ETag = ETagOf(article);
}
