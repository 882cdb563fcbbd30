using ForumPlatform.Articles.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ForumPlatform.Articles.Api;

/// <summary>ETags of articles: the article's id and revision.</summary>
public static class Preconditions
{
    public static EntityTagHeaderValue ETagOf(Article article) => new($"\"{article.Id:N}-{article.Revision}\"");

    /// <summary>Writes to an existing article must name the revision they were made against (see <see cref="ServiceDefaults.Preconditions"/>).</summary>
    public static ProblemHttpResult? CheckIfMatch(HttpRequest request, Article article) =>
        ServiceDefaults.Preconditions.CheckIfMatch(request, ETagOf(article), "article", StaleDetail(article));

    public static ProblemHttpResult Stale(Article article) => ServiceDefaults.Preconditions.Stale("article", StaleDetail(article));

    private static string StaleDetail(Article article) =>
        $"The article is now at revision {article.Revision}; fetch it again and reapply your change.";

    public static void SetETag(HttpResponse response, Article article) =>
        response.GetTypedHeaders().ETag = ETagOf(article);
}
