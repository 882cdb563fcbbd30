using ForumPlatform.Articles.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ForumPlatform.Articles.Api;

/// <summary>ETags of articles and the conditional-request rules built on them (RFC 9110 §13).</summary>
public static class Preconditions
{
    public static EntityTagHeaderValue ETagOf(Article article) => new($"\"{article.Id:N}-{article.Revision}\"");

    /// <summary>
    /// Writes to an existing article must name the version they were made against: no <c>If-Match</c> is 428,
    /// a stale one 412. Null when the write may go ahead.
    /// </summary>
    public static ProblemHttpResult? CheckIfMatch(HttpRequest request, Article article)
    {
        var ifMatch = request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match required.",
                detail: "Send the article's ETag in If-Match, so a change made meanwhile by someone else is not overwritten.");
        }

        var current = ETagOf(article);
        if (!ifMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: true)))
        {
            return Stale(article);
        }

        return null;
    }

    public static ProblemHttpResult Stale(Article article) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "The article has changed.",
        detail: $"The article is now at revision {article.Revision}; fetch it again and reapply your change.");

    public static void SetETag(HttpResponse response, Article article) =>
        response.GetTypedHeaders().ETag = ETagOf(article);
}
