using ForumPlatform.Web.Api;

namespace ForumPlatform.Web.Components.Shared;

/// <summary>
/// The status of a page whose main content could not be read: 400 for a request the API refused, 429 when the visitor
/// is over their limit, 503 when the service is unavailable. Crawlers and caches then never keep an error as the page.
/// </summary>
public static class ResponseStatus
{
    public static void Set(HttpContext? http, ApiStatus main)
    {
        if (http is null || http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = main switch
        {
            ApiStatus.Invalid => StatusCodes.Status400BadRequest,
            ApiStatus.TooManyRequests => StatusCodes.Status429TooManyRequests,
            ApiStatus.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => http.Response.StatusCode,
        };
    }
}
