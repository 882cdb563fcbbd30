using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ForumPlatform.ServiceDefaults;

/// <summary>Conditional GET (RFC 9110 §13.1.2) for every service's reads and exports.</summary>
public static class ConditionalGet
{
    /// <summary>
    /// Sets the response's ETag and tells whether the request's <c>If-None-Match</c> already names it (weak
    /// comparison, <c>*</c> included), in which case the answer is 304 with no body.
    /// </summary>
    public static bool IsNotModified(HttpContext http, EntityTagHeaderValue etag)
    {
        http.Response.GetTypedHeaders().ETag = etag;
        return http.Request.GetTypedHeaders().IfNoneMatch
            .Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
    }

    /// <summary>An ETag that changes exactly when the body does: a hash of it.</summary>
    public static EntityTagHeaderValue ETagOf(ReadOnlySpan<byte> body) => new($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");

    /// <summary>An ETag that changes exactly when <paramref name="state"/> does (what a body is made from, as text).</summary>
    public static EntityTagHeaderValue ETagOf(string state) => ETagOf(System.Text.Encoding.UTF8.GetBytes(state));
}
