using System.Net.Http.Headers;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Web.Api;

/// <summary>
/// Sends each call to the gateway with the website's token and the address of the visitor the page is for, so the
/// gateway limits each visitor on their own (see the gateway's rate limits). A call that already carries a person's
/// token keeps it: the gateway counts that person by their account.
/// </summary>
public sealed class OnBehalfOfVisitor(WebsiteToken token, IHttpContextAccessor visitors) : DelegatingHandler
{
    /// <summary>Marks a call the website makes for itself (the sitemap, built once for every crawler): no visitor is named.</summary>
    public static readonly HttpRequestOptionsKey<bool> OwnCall = new("forum.own-call");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && await token.GetAsync(cancellationToken) is { } own)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", own);
        }

        // The address the gateway gave the website in X-Forwarded-For (believed from the gateway only).
        if (!(request.Options.TryGetValue(OwnCall, out var websitesOwn) && websitesOwn) && visitors.HttpContext?.Connection.RemoteIpAddress is { } visitor)
        {
            request.Headers.TryAddWithoutValidation(WebsiteCalls.VisitorHeader, visitor.ToString());
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
