using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ForumPlatform.ServiceDefaults;

/// <summary>Conditional writes (RFC 9110 §13.1.1): an edit names the version it was made against, so no edit is lost.</summary>
public static class Preconditions
{
    /// <summary>
    /// No <c>If-Match</c> is 428; one that names neither <paramref name="current"/> nor <c>*</c> is 412 with
    /// <paramref name="staleDetail"/>. Null when the write may go ahead. <paramref name="resource"/> is what is
    /// written, as the messages name it ("article", "session").
    /// </summary>
    public static ProblemHttpResult? CheckIfMatch(HttpRequest request, EntityTagHeaderValue current, string resource, string staleDetail)
    {
        var ifMatch = request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match required.",
                detail: $"Send the {resource}'s ETag in If-Match, so a change made meanwhile by someone else is not overwritten.");
        }

        return ifMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: true))
            ? null
            : Stale(resource, staleDetail);
    }

    /// <summary>The ETag of a thing that counts its versions: its id and version number, so any change makes a new one.</summary>
    public static EntityTagHeaderValue VersionETag(Guid id, int version) => new($"\"{id:N}-{version}\"");

    public static ProblemHttpResult Stale(string resource, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: $"The {resource} has changed.", detail: detail);
}
