using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ForumPlatform.Notifications.Tests;

/// <summary>
/// The notifications service on a real SQLite file and a private RabbitMQ node, with a real HTTP receiver for its
/// webhooks. Retries come within a second here (0.2 s, 0.4 s, 0.4 s) instead of over three days; concurrency
/// limits (8 in flight, 2 per subscription) and the replay page (2 events) are small, so tests cross them.
/// </summary>
public class NotificationsServiceFixture : ServiceFixture<NotificationsDbContext>
{
    public NotificationsServiceFixture()
        : base("notifications")
    {
    }

    /// <summary>An instance of its own (database and broker) with settings of its own.</summary>
    protected NotificationsServiceFixture(IEnumerable<KeyValuePair<string, string>> settings)
        : base("notifications") => extraSettings = settings.ToList();

    /// <summary>Another instance on an existing database and broker, as after a restart.</summary>
    internal NotificationsServiceFixture(string databasePath, RabbitMqNode broker, IEnumerable<KeyValuePair<string, string>>? settings = null)
        : base("notifications", databasePath, broker) => extraSettings = settings?.ToList() ?? [];

    private readonly List<KeyValuePair<string, string>> extraSettings = [];

    public WebhookReceiver Receiver { get; private set; } = null!;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Notifications:Webhooks:RetrySchedule:0", "00:00:00.200"),
        new("Notifications:Webhooks:RetrySchedule:1", "00:00:00.400"),
        new("Notifications:Webhooks:RetrySchedule:2", "00:00:00.400"),
        new("Notifications:Webhooks:Jitter", "0"),
        new("Notifications:Webhooks:PollInterval", "00:00:00.100"),
        new("Notifications:Webhooks:MaxConcurrencyPerSubscription", "2"),
        new("Notifications:Webhooks:MaxConcurrency", "8"),
        new("Notifications:Stream:ReplayPageSize", "2"),
        new("Notifications:Stream:HeartbeatInterval", "00:00:01"),
        .. extraSettings,
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Receiver = await WebhookReceiver.StartAsync();
        await WaitUntilReadyAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Subscribes anonymously, as any subscriber would.</summary>
    public async Task<CreatedSubscription> SubscribeAsync(string? webhookUrl, string[] eventTypes, object? filter = null)
    {
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/notifications/subscriptions",
            new { name = "test subscriber", contact = "ops@example.org", webhookUrl, eventTypes, filter });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new CreatedSubscription(
            body.GetProperty("subscription").GetProperty("id").GetGuid(),
            body.GetProperty("secret").GetString()!,
            body.GetProperty("managementToken").GetString()!);
    }

    public HttpClient Owner(CreatedSubscription subscription)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", subscription.ManagementToken);
        return client;
    }

    public async Task<JsonElement> DeliveriesAsync(CreatedSubscription subscription, string? status = null)
    {
        using var owner = Owner(subscription);
        return await owner.GetFromJsonAsync<JsonElement>(
            $"/api/notifications/subscriptions/{subscription.Id}/deliveries{(status is null ? "" : $"?status={status}")}");
    }

    public async Task<JsonElement> SubscriptionAsync(CreatedSubscription subscription)
    {
        using var owner = Owner(subscription);
        return await owner.GetFromJsonAsync<JsonElement>($"/api/notifications/subscriptions/{subscription.Id}");
    }
}

public sealed record CreatedSubscription(Guid Id, string Secret, string ManagementToken);

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsServiceFixture>
{
    public const string Name = "Notifications service";
}
