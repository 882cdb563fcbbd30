using System.Net;
using System.Text;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>
/// Every write route of every service × every kind of caller, through the gateway and straight to the service: each
/// refusal is exactly the documented one (401 without a valid token, 403 for the wrong role, 404 for someone else's
/// subscription), and an allowed caller is never refused by authorization.
/// </summary>
[Collection(ForumPlatformCollection.Name)]
public sealed class AuthorizationMatrixTests(ForumPlatformFixture platform)
{
    private enum Policy
    {
        Anyone,
        Editor,
        Organizer,
        Analyst,
        Admin,

        /// <summary>The subscription's management token or admin; any other valid token is told 404.</summary>
        SubscriptionOwner,
    }

    private sealed record Route(string Service, HttpMethod Method, string Path, Policy Policy, string? Body = "{}");

    private sealed record Caller(string Name, string? Token, string? Role);

    private static readonly string Id = Guid.NewGuid().ToString();
    private const string NoForum = "/api/agenda/forums/no-such-forum";

    private static readonly Route[] WriteRoutes =
    [
        new("articles", HttpMethod.Post, "/api/articles", Policy.Editor),
        new("articles", HttpMethod.Put, $"/api/articles/{Id}", Policy.Editor),
        new("articles", HttpMethod.Post, $"/api/articles/{Id}/schedule", Policy.Editor),
        new("articles", HttpMethod.Post, $"/api/articles/{Id}/publish", Policy.Editor, null),
        new("articles", HttpMethod.Post, $"/api/articles/{Id}/unpublish", Policy.Editor, null),
        new("articles", HttpMethod.Post, $"/api/articles/{Id}/retract", Policy.Editor),
        new("articles", HttpMethod.Delete, $"/api/articles/{Id}", Policy.Editor, null),
        new("agenda", HttpMethod.Post, $"{NoForum}/tracks", Policy.Organizer),
        new("agenda", HttpMethod.Post, $"{NoForum}/rooms", Policy.Organizer),
        new("agenda", HttpMethod.Post, $"{NoForum}/speakers", Policy.Organizer),
        new("agenda", HttpMethod.Post, $"{NoForum}/sessions", Policy.Organizer),
        new("agenda", HttpMethod.Put, $"{NoForum}/sessions/{Id}", Policy.Organizer),
        new("agenda", HttpMethod.Post, $"{NoForum}/sessions/{Id}/cancel", Policy.Organizer, null),
        new("agenda", HttpMethod.Delete, $"{NoForum}/sessions/{Id}", Policy.Organizer, null),
        new("agenda", HttpMethod.Post, $"{NoForum}/releases", Policy.Organizer),
        new("statistics", HttpMethod.Put, "/api/stats/indicators/test.matrix", Policy.Analyst),
        new("statistics", HttpMethod.Post, "/api/stats/imports", Policy.Analyst, "[]"),
        new("statistics", HttpMethod.Post, "/api/stats/platform/rebuild", Policy.Admin, null),
        new("notifications", HttpMethod.Post, "/api/notifications/subscriptions", Policy.Anyone),
        new("notifications", HttpMethod.Put, $"/api/notifications/subscriptions/{Id}", Policy.SubscriptionOwner,
            """{"name":"x","contact":"ops@example.org","eventTypes":["forum.article.published"]}"""),
        new("notifications", HttpMethod.Delete, $"/api/notifications/subscriptions/{Id}", Policy.SubscriptionOwner, null),
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Id}/pause", Policy.SubscriptionOwner, null),
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Id}/resume", Policy.SubscriptionOwner, null),
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Id}/rotate-secret", Policy.SubscriptionOwner, null),
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Id}/ping", Policy.SubscriptionOwner, null),
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Id}/deliveries/{Guid.NewGuid()}/redeliver", Policy.SubscriptionOwner, null),
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Id}/redeliver", Policy.SubscriptionOwner, """{"since":"2025-01-01T00:00:00Z"}"""),
    ];

    private static readonly ForumAuthOptions Development = new() { SigningKey = ForumAuthentication.DevelopmentSigningKey };

    private static readonly Caller[] Callers =
    [
        new("anonymous", null, null),
        new(ForumRoles.Editor, DevelopmentTokens.ForRole(ForumRoles.Editor), ForumRoles.Editor),
        new(ForumRoles.Organizer, DevelopmentTokens.ForRole(ForumRoles.Organizer), ForumRoles.Organizer),
        new(ForumRoles.Analyst, DevelopmentTokens.ForRole(ForumRoles.Analyst), ForumRoles.Analyst),
        new(ForumRoles.Admin, DevelopmentTokens.ForRole(ForumRoles.Admin), ForumRoles.Admin),
        new("expired admin", DevelopmentTokens.Create(Development, "dev-admin", [ForumRoles.Admin], TimeSpan.FromMinutes(5), DateTime.UtcNow.AddHours(-2)), null),
        new("admin signed with another key", DevelopmentTokens.Create(
            new ForumAuthOptions { SigningKey = "a-key-that-is-not-the-platforms-signing-key" }, "dev-admin", [ForumRoles.Admin]), null),
        new("admin for another audience", DevelopmentTokens.Create(
            new ForumAuthOptions { SigningKey = ForumAuthentication.DevelopmentSigningKey, Audience = "another-api" }, "dev-admin", [ForumRoles.Admin]), null),
    ];

    /// <summary>The documented answer, or null where the caller is allowed (any status but 401 and 403, and no 5xx).</summary>
    private static HttpStatusCode? Expected(Route route, Caller caller) => route.Policy switch
    {
        Policy.Anyone => null,
        _ when caller.Role is null => HttpStatusCode.Unauthorized,
        Policy.SubscriptionOwner => HttpStatusCode.NotFound,
        Policy.Admin => caller.Role == ForumRoles.Admin ? null : HttpStatusCode.Forbidden,
        _ when caller.Role == ForumRoles.Admin || caller.Role == route.Policy.ToString().ToLowerInvariant() => null,
        _ => HttpStatusCode.Forbidden,
    };

    [Fact]
    public async Task Every_write_route_answers_every_caller_as_documented_through_the_gateway_and_directly()
    {
        var wrong = new List<string>();
        var clients = new Dictionary<string, HttpClient> { ["gateway"] = platform.Gateway() };
        foreach (var service in WriteRoutes.Select(route => route.Service).Distinct())
        {
            clients[service] = platform.Client(service);
        }

        try
        {
            foreach (var route in WriteRoutes)
            {
                foreach (var caller in Callers)
                {
                    foreach (var via in new[] { "gateway", route.Service })
                    {
                        using var request = new HttpRequestMessage(route.Method, route.Path);
                        if (caller.Token is not null)
                        {
                            request.Headers.Authorization = new("Bearer", caller.Token);
                        }

                        if (route.Body is not null)
                        {
                            request.Content = new StringContent(route.Body, Encoding.UTF8, "application/json");
                        }

                        using var response = await clients[via].SendAsync(request);
                        var expected = Expected(route, caller);
                        var status = response.StatusCode;
                        var ok = expected is { } exact
                            ? status == exact && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                            : status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500;
                        if (!ok)
                        {
                            wrong.Add($"{route.Method} {route.Path} as {caller.Name} via {via}: {(int)status} {response.Content.Headers.ContentType?.MediaType}, " +
                                      $"expected {(expected is { } e ? ((int)e).ToString(System.Globalization.CultureInfo.InvariantCulture) : "allowed")}");
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {WriteRoutes.Length * Callers.Length * 2} answers differ:\n{string.Join('\n', wrong)}");
    }
}
