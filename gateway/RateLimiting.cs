using ForumPlatform.ServiceDefaults;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

namespace ForumPlatform.Gateway;

/// <summary>A number of requests per window of time.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>
/// Rate limits per client (section <c>Gateway:RateLimits</c>). A client is the token's subject when the request is
/// authenticated, else its remote address; the website's calls count against the visitor they are made for. Health
/// probes are never limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimits";

    /// <summary>
    /// The website's client id (<c>Gateway:RateLimits:WebsiteClientId</c>). The website reads the API on behalf of its
    /// visitors with a token of its own; with that token, and only with it, the gateway believes
    /// <see cref="WebsiteCalls.VisitorHeader"/> and counts the call against that visitor's address, as if the visitor
    /// had made it, so one noisy visitor cannot use up every visitor's requests.
    /// </summary>
    public string WebsiteClientId { get; set; } = "forum-web";

    /// <summary>Anonymous requests (reads of published content, mostly): 300 a minute per address.</summary>
    public WindowLimit Anonymous { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Requests with a valid token: 1,200 a minute per subject.</summary>
    public WindowLimit Authenticated { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Creating subscriptions (anyone may): 10 an hour per client, on top of the limits above.</summary>
    public WindowLimit SubscriptionCreation { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };

    /// <summary>The limit a client counts against: the authenticated one for a token's subject, else the anonymous one.</summary>
    internal WindowLimit For(RateLimitClient client) => client.Authenticated ? Authenticated : Anonymous;
}

/// <summary>Whom a request counts against (its partition key), and whether that is a token's subject.</summary>
internal readonly record struct RateLimitClient(string Key, bool Authenticated);

/// <summary>The built-in ASP.NET Core rate limiter, set up for the gateway; 429 answers are problem details with Retry-After.</summary>
public static class RateLimiting
{
    /// <summary>The policy YARP routes name (<c>RateLimiterPolicy</c>) for creating subscriptions.</summary>
    public const string SubscriptionCreationPolicy = "subscription-creation";

    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (ServiceDefaultsExtensions.IsHealthProbe(context.Request))
                {
                    return RateLimitPartition.GetNoLimiter("probes");
                }

                var client = Client(context, limits.WebsiteClientId);
                var limit = limits.For(client);
                // Fixed windows: simple to explain, and they know when they reset, so Retry-After is exact.
                return RateLimitPartition.GetFixedWindowLimiter(client.Key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = 0,
                });
            });
            options.AddPolicy(SubscriptionCreationPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                $"subscriptions:{Client(context, limits.WebsiteClientId).Key}",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.SubscriptionCreation.PermitLimit,
                    Window = limits.SubscriptionCreation.Window,
                    QueueLimit = 0,
                }));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                // A whole window surely frees a permit, should a limiter ever not say when it resets.
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : limits.For(Client(rejected.HttpContext, limits.WebsiteClientId)).Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await GatewayProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests,
                    "Too many requests.", $"This client has used up its requests for now; try again in {seconds} s.");
            };
        });
        return builder;
    }

    /// <summary>
    /// Who a request counts against: the visitor on the website's calls that name one, else the token's subject, else the
    /// remote address. A visitor's own requests (the pages) and the website's calls for them share one partition.
    /// </summary>
    internal static RateLimitClient Client(HttpContext context, string websiteClientId)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.User.FindFirst("sub")?.Value is not { } subject)
        {
            return new RateLimitClient($"ip:{context.Connection.RemoteIpAddress}", Authenticated: false);
        }

        // A client-credentials token's subject is its client id; a person's is their account id, never a client id.
        if (subject == websiteClientId
            && IPAddress.TryParse(context.Request.Headers[WebsiteCalls.VisitorHeader].ToString(), out var visitor))
        {
            return new RateLimitClient($"ip:{visitor}", Authenticated: false);
        }

        return new RateLimitClient($"sub:{subject}", Authenticated: true);
    }
}
