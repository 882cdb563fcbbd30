using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.IdentityModel.Tokens;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>
/// Every write route of every service, the organizers' reads of the working copy, and every route of a person's own
/// agenda, × every kind of caller, through the gateway and straight to the service: each
/// refusal is exactly the documented one (401 without a valid token, 403 for the wrong role, 404 for someone else's
/// subscription), and an allowed caller is never refused by authorization. Each subscription route is tried on a
/// subscription made for that one request, so its owner and an admin are shown to find it, and nothing one request
/// does (a delete, a pause) changes what another finds.
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

        /// <summary>Any valid platform token, whatever its roles: the caller's own things (stars, calendar feed).</summary>
        SignedIn,
    }

    private enum Credential
    {
        None,

        /// <summary>A platform token that passes validation, for <see cref="Caller.Role"/>.</summary>
        Valid,

        /// <summary>A token that must not pass: unsigned, changed, signed with the public key as a secret or by another key.</summary>
        Invalid,

        /// <summary>The management token of the subscription the request names.</summary>
        OwnSubscription,

        /// <summary>The management token of another subscription.</summary>
        OtherSubscription,
    }

    /// <param name="AllowedMayNotFind">The path names something that does not exist even for an allowed caller.</param>
    private sealed record Route(string Service, HttpMethod Method, string Path, Policy Policy, string? Body = "{}", bool AllowedMayNotFind = false);

    private sealed record Caller(string Name, Credential Credential, string? Token = null, string? Role = null);

    /// <summary>Exactly <see cref="Status"/> as problem details; or, when null, let through: no 401, 403 or 5xx, and no 404 unless allowed.</summary>
    private sealed record Expectation(HttpStatusCode? Status, bool MayNotFind = true);

    private const string Subscription = "{subscription}";
    private static readonly string Id = Guid.NewGuid().ToString();
    private const string NoForum = "/api/agenda/forums/no-such-forum";

    private static readonly Route[] WriteRoutes =
    [
        new("articles", HttpMethod.Post, "/api/articles", Policy.Editor),
        new("articles", HttpMethod.Post, "/api/articles/preview", Policy.Editor, """{"body":"# A heading"}"""),
        new("articles", HttpMethod.Put, $"/api/articles/{Id}", Policy.Editor),
        new("articles", HttpMethod.Post, $"/api/articles/{Id}/schedule", Policy.Editor),
        new("articles", HttpMethod.Post, $"/api/articles/{Id}/publish", Policy.Editor, null),
        new("articles", HttpMethod.Post, $"/api/articles/{Id}/unpublish", Policy.Editor, null),
        new("articles", HttpMethod.Post, $"/api/articles/{Id}/retract", Policy.Editor),
        new("articles", HttpMethod.Post, $"/api/articles/{Id}/revisions/1/restore", Policy.Editor, null),
        new("articles", HttpMethod.Delete, $"/api/articles/{Id}", Policy.Editor, null),
        new("agenda", HttpMethod.Post, $"{NoForum}/tracks", Policy.Organizer),
        new("agenda", HttpMethod.Post, $"{NoForum}/rooms", Policy.Organizer),
        new("agenda", HttpMethod.Post, $"{NoForum}/speakers", Policy.Organizer),
        new("agenda", HttpMethod.Put, $"{NoForum}/tracks/{Id}", Policy.Organizer),
        new("agenda", HttpMethod.Delete, $"{NoForum}/tracks/{Id}", Policy.Organizer, null),
        new("agenda", HttpMethod.Put, $"{NoForum}/rooms/{Id}", Policy.Organizer),
        new("agenda", HttpMethod.Delete, $"{NoForum}/rooms/{Id}", Policy.Organizer, null),
        new("agenda", HttpMethod.Put, $"{NoForum}/speakers/{Id}", Policy.Organizer),
        new("agenda", HttpMethod.Delete, $"{NoForum}/speakers/{Id}", Policy.Organizer, null),
        new("agenda", HttpMethod.Post, $"{NoForum}/sessions", Policy.Organizer),
        new("agenda", HttpMethod.Put, $"{NoForum}/sessions/{Id}", Policy.Organizer),
        new("agenda", HttpMethod.Post, $"{NoForum}/sessions/{Id}/cancel", Policy.Organizer, null),
        new("agenda", HttpMethod.Delete, $"{NoForum}/sessions/{Id}", Policy.Organizer, null),
        new("agenda", HttpMethod.Post, $"{NoForum}/releases", Policy.Organizer),
        // The organizers' reads: the gateway lets reads through, so the service alone refuses; no such forum for the allowed.
        new("agenda", HttpMethod.Get, $"{NoForum}/working-copy", Policy.Organizer, null, AllowedMayNotFind: true),
        new("agenda", HttpMethod.Get, $"{NoForum}/working-copy/parts", Policy.Organizer, null, AllowedMayNotFind: true),
        new("agenda", HttpMethod.Get, $"{NoForum}/working-copy/sessions/{Id}", Policy.Organizer, null, AllowedMayNotFind: true),
        new("agenda", HttpMethod.Get, $"{NoForum}/releases/preview", Policy.Organizer, null, AllowedMayNotFind: true),
        new("agenda", HttpMethod.Get, $"{NoForum}/stars", Policy.Organizer, null, AllowedMayNotFind: true),
        // A person's own agenda, reads included: no such session to star, and no calendar feed yet, for a caller let through.
        new("agenda", HttpMethod.Get, "/api/agenda/me/stars", Policy.SignedIn, null),
        new("agenda", HttpMethod.Put, $"/api/agenda/me/stars/{Id}", Policy.SignedIn, null, AllowedMayNotFind: true),
        new("agenda", HttpMethod.Delete, $"/api/agenda/me/stars/{Id}", Policy.SignedIn, null),
        new("agenda", HttpMethod.Get, "/api/agenda/me/calendar", Policy.SignedIn, null, AllowedMayNotFind: true),
        new("agenda", HttpMethod.Post, "/api/agenda/me/calendar", Policy.SignedIn, null),
        new("agenda", HttpMethod.Delete, "/api/agenda/me/calendar", Policy.SignedIn, null),
        new("notifications", HttpMethod.Get, "/api/notifications/me/subscriptions", Policy.SignedIn, null),
        new("notifications", HttpMethod.Get, "/api/notifications/deliveries", Policy.Admin, null),
        new("statistics", HttpMethod.Put, "/api/stats/indicators/test.matrix", Policy.Analyst),
        new("statistics", HttpMethod.Post, "/api/stats/imports", Policy.Analyst, "[]"),
        new("statistics", HttpMethod.Post, "/api/stats/platform/rebuild", Policy.Admin, null),
        new("notifications", HttpMethod.Post, "/api/notifications/subscriptions", Policy.Anyone),
        new("notifications", HttpMethod.Put, $"/api/notifications/subscriptions/{Subscription}", Policy.SubscriptionOwner,
            """{"name":"x","contact":"ops@example.org","eventTypes":["forum.article.published"]}"""),
        new("notifications", HttpMethod.Delete, $"/api/notifications/subscriptions/{Subscription}", Policy.SubscriptionOwner, null),
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Subscription}/pause", Policy.SubscriptionOwner, null),
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Subscription}/resume", Policy.SubscriptionOwner, null),
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Subscription}/rotate-secret", Policy.SubscriptionOwner, null),
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Subscription}/ping", Policy.SubscriptionOwner, null),
        // No such delivery: its owner and an admin get past authorization and are then told 404 for the delivery.
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Subscription}/deliveries/{Guid.NewGuid()}/redeliver", Policy.SubscriptionOwner, null,
            AllowedMayNotFind: true),
        new("notifications", HttpMethod.Post, $"/api/notifications/subscriptions/{Subscription}/redeliver", Policy.SubscriptionOwner, """{"since":"2025-01-01T00:00:00Z"}"""),
    ];

    /// <summary>Every kind of caller: valid tokens issued by the identity service, and attacks made from them.</summary>
    private async Task<Caller[]> CallersAsync()
    {
        var tokens = new Dictionary<string, string>();
        foreach (var role in ForumRoles.All)
        {
            tokens[role] = await platform.Tokens.ForRoleAsync(role);
        }

        using var gateway = platform.Gateway();
        var keys = new JsonWebKeySet(await gateway.GetStringAsync("/.well-known/jwks"));
        var signingKey = keys.Keys.Single(key => key.Use == "sig");
        var admin = tokens[ForumRoles.Admin];
        return
        [
            new("anonymous", Credential.None),
            .. ForumRoles.All.Select(role => new Caller(role, Credential.Valid, tokens[role], role)),
            new("admin with alg none", Credential.Invalid, ForgedTokens.AlgNone(admin)),
            new("editor who made itself admin", Credential.Invalid,
                ForgedTokens.WithPayloadChanged(tokens[ForumRoles.Editor], payload => payload["role"] = ForumRoles.Admin)),
            new("admin HMAC-signed with the public key", Credential.Invalid, ForgedTokens.HmacWithPublicKey(admin, signingKey)),
            new("admin signed by another key pair under the real key id", Credential.Invalid, ForgedTokens.SignedByUnknownKey(admin, signingKey.Kid)),
            new("admin signed by an unknown key", Credential.Invalid, ForgedTokens.SignedByUnknownKey(admin, "unknown-key")),
            new("the subscription's owner", Credential.OwnSubscription),
            new("another subscription's owner", Credential.OtherSubscription),
        ];
    }

    private static readonly Expectation Allowed = new(null);

    private static Expectation Expected(Route route, Caller caller) => (route.Policy, caller.Credential) switch
    {
        (Policy.Anyone, _) => Allowed,
        (_, Credential.None or Credential.Invalid) => new(HttpStatusCode.Unauthorized),
        (Policy.SubscriptionOwner, Credential.OwnSubscription) => new(null, route.AllowedMayNotFind),
        (Policy.SubscriptionOwner, _) => caller.Role == ForumRoles.Admin ? new(null, route.AllowedMayNotFind) : new(HttpStatusCode.NotFound),
        // A management token is no platform token: every other write route asks for one.
        (_, Credential.OwnSubscription or Credential.OtherSubscription) => new(HttpStatusCode.Unauthorized),
        (Policy.SignedIn, _) => new(null, route.AllowedMayNotFind),
        (Policy.Admin, _) => caller.Role == ForumRoles.Admin ? Allowed : new(HttpStatusCode.Forbidden),
        _ when caller.Role == ForumRoles.Admin || caller.Role == route.Policy.ToString().ToLowerInvariant() => Allowed,
        _ => new(HttpStatusCode.Forbidden),
    };

    /// <summary>A stream-only subscription made straight at the notifications service (no gateway rate limit): its id and management token.</summary>
    private static async Task<(string Id, string Token)> SubscribeAsync(HttpClient notifications)
    {
        var response = await notifications.PostAsJsonAsync("/api/notifications/subscriptions",
            new { name = "authorization matrix", contact = "ops@example.org", eventTypes = new[] { "forum.article.published" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("subscription").GetProperty("id").GetString()!, created.GetProperty("managementToken").GetString()!);
    }

    [Fact]
    public async Task Every_write_route_answers_every_caller_as_documented_through_the_gateway_and_directly()
    {
        var wrong = new List<string>();
        var callers = await CallersAsync();
        var clients = new Dictionary<string, HttpClient> { ["gateway"] = platform.Gateway() };
        foreach (var service in WriteRoutes.Select(route => route.Service).Distinct())
        {
            clients[service] = platform.Client(service);
        }

        try
        {
            var (_, otherOwnerToken) = await SubscribeAsync(clients["notifications"]);
            foreach (var route in WriteRoutes)
            {
                foreach (var caller in callers)
                {
                    foreach (var via in new[] { "gateway", route.Service })
                    {
                        var (path, token) = (route.Path, caller.Token);
                        if (path.Contains(Subscription, StringComparison.Ordinal) || caller.Credential == Credential.OwnSubscription)
                        {
                            var (id, ownerToken) = await SubscribeAsync(clients["notifications"]);
                            path = path.Replace(Subscription, id, StringComparison.Ordinal);
                            token = caller.Credential == Credential.OwnSubscription ? ownerToken : token;
                        }

                        token = caller.Credential == Credential.OtherSubscription ? otherOwnerToken : token;
                        using var request = new HttpRequestMessage(route.Method, path);
                        if (token is not null)
                        {
                            request.Headers.Authorization = new("Bearer", token);
                        }

                        if (route.Body is not null)
                        {
                            request.Content = new StringContent(route.Body, Encoding.UTF8, "application/json");
                        }

                        using var response = await clients[via].SendAsync(request);
                        var expected = Expected(route, caller);
                        var status = response.StatusCode;
                        var ok = expected.Status is { } exact
                            ? status == exact && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                            : status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500
                              && (expected.MayNotFind || status != HttpStatusCode.NotFound);
                        if (!ok)
                        {
                            wrong.Add($"{route.Method} {path} as {caller.Name} via {via}: {(int)status} {response.Content.Headers.ContentType?.MediaType}, " +
                                      $"expected {(expected.Status is { } e ? ((int)e).ToString(System.Globalization.CultureInfo.InvariantCulture) : "allowed")}");
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

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {WriteRoutes.Length * callers.Length * 2} answers differ:\n{string.Join('\n', wrong)}");
    }
}
