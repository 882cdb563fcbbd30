using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForumPlatform.ServiceDefaults;

/// <summary>
/// Conditional GET for JSON reads without a version of their own (forums, the changelog, statistics): the ETag is a hash of the JSON body,
/// so it changes exactly when the answer does, and a client that has it gets 304.
/// </summary>
public static class JsonETag
{
    public static IResult Respond<T>(HttpContext http, T value)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options);
        return ConditionalGet.IsNotModified(http, ConditionalGet.ETagOf(body))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, "application/json; charset=utf-8");
    }
}
