using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Testing;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>One running system shared by every end-to-end test; tests create their own data and never rely on counts.</summary>
public sealed class ForumPlatformFixture : IAsyncLifetime
{
    private RunningForumPlatform? system;

    private RunningForumPlatform System => system ?? throw new InvalidOperationException("Not started.");

    /// <summary>Subscribers' webhook endpoints, on loopback (the services run in Development, which allows private targets).</summary>
    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        system = await RunningForumPlatform.StartAsync();
    }

    /// <summary>
    /// Subscribes through the gateway as any subscriber would; returns id, secret and management token. With
    /// <paramref name="traceId"/>, the request (and so the events it causes) carries that trace.
    /// </summary>
    public async Task<(string Id, string Secret, HttpClient Owner)> SubscribeAsync(
        string webhookUrl, string[] eventTypes, object? filter = null, string? traceId = null)
    {
        using var anonymous = Gateway();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/subscriptions")
        {
            Content = JsonContent.Create(new { name = "end-to-end subscriber", contact = "ops@example.org", webhookUrl, eventTypes, filter }),
        };
        if (traceId is not null)
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        }

        var response = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var owner = Gateway();
        owner.DefaultRequestHeaders.Authorization = new("Bearer", created.GetProperty("managementToken").GetString());
        return (created.GetProperty("subscription").GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!, owner);
    }

    public HttpClient Gateway(string? role = null) => System.Gateway(role);

    /// <summary>Tokens issued by this run's identity service, one per role.</summary>
    public IssuedTokens Tokens => System.Tokens;

    public HttpClient Client(string resource, string? role = null) => System.Client(resource, role);

    public async Task DisposeAsync()
    {
        if (system is not null)
        {
            await system.DisposeAsync();
        }

        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ForumPlatformCollection : ICollectionFixture<ForumPlatformFixture>
{
    public const string Name = "ForumPlatform";
}
