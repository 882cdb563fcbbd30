using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Notifications.Tests;

/// <summary>Subscribing, the management token, and refusals of bad input.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class SubscriptionApiTests(NotificationsServiceFixture service)
{
    [Fact]
    public async Task Creating_shows_secret_and_token_once_and_the_token_manages_only_its_own_subscription()
    {
        var mine = await service.SubscribeAsync(service.Receiver.NewEndpoint(), ["forum.session.*"], new { forums = new[] { "tianshan-forum-2025" } });
        var theirs = await service.SubscribeAsync(null, ["forum.article.*"]);
        Assert.StartsWith("whsec_", mine.Secret);
        Assert.StartsWith("fpsub_", mine.ManagementToken);

        using var owner = service.Owner(mine);
        var read = await owner.GetFromJsonAsync<JsonElement>($"/api/notifications/subscriptions/{mine.Id}");
        Assert.Equal("webhook", read.GetProperty("channel").GetString());
        Assert.Equal("tianshan-forum-2025", read.GetProperty("filter").GetProperty("forums")[0].GetString());
        Assert.False(read.TryGetProperty("secret", out _), "the secret is shown only on creation");

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/notifications/subscriptions/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/notifications/subscriptions/{theirs.Id}")).StatusCode);
        using var anonymous = service.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/notifications/subscriptions/{mine.Id}")).StatusCode);
        using var forged = service.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "fpsub_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"/api/notifications/subscriptions/{mine.Id}")).StatusCode);

        // Only admins list every subscription, with a platform token: a management token is no credential there.
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.GetAsync("/api/notifications/subscriptions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientFor(ForumRoles.Editor).GetAsync("/api/notifications/subscriptions")).StatusCode);
        using var admin = service.ClientFor(ForumRoles.Admin);
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/notifications/subscriptions");
        Assert.Contains(all.EnumerateArray(), s => s.GetProperty("id").GetGuid() == theirs.Id);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/notifications/subscriptions/{theirs.Id}")).StatusCode);
        using var editor = service.ClientFor(ForumRoles.Editor);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/notifications/subscriptions/{theirs.Id}")).StatusCode);
    }

    [Fact]
    public async Task Owner_edits_pauses_resumes_and_deletes()
    {
        var url = service.Receiver.NewEndpoint();
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        using var owner = service.Owner(subscription);
        var path = $"/api/notifications/subscriptions/{subscription.Id}";

        var edited = await owner.PutAsJsonAsync(path, new
        {
            name = "renamed", contact = "news@example.org", webhookUrl = url, eventTypes = new[] { "forum.indicator.updated" },
            filter = new { indicatorCodes = new[] { "trade.total.usd" } },
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("renamed", (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        var paused = await (await owner.PostAsync($"{path}/pause", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("paused", paused.GetProperty("status").GetString());
        await service.PublishAsync(SampleEvents.IndicatorUpdated());
        await Testing.Eventually.TrueAsync(async () => (await service.DeliveriesAsync(subscription)).GetArrayLength() == 1,
            TimeSpan.FromSeconds(10), "the event to be kept while paused");
        await Task.Delay(500);
        Assert.Empty(service.Receiver.At(url));

        var resumed = await (await owner.PostAsync($"{path}/resume", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("active", resumed.GetProperty("status").GetString());
        await service.Receiver.WaitForAsync(url, 1, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(path)).StatusCode);
        using var admin = service.ClientFor(ForumRoles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);

        // Each change of status went out as an event, for the platform figures, with why it changed and by whom.
        var changes = await service.WithServiceAsync<NotificationsDbContext, List<string>>(db => db.OutboxMessages
            .Where(message => message.MessageType == typeof(SubscriptionStatusChanged).FullName && message.Body.Contains(subscription.Id.ToString()))
            .OrderBy(message => message.OccurredAt)
            .Select(message => message.Body)
            .ToListAsync());
        var by = $"subscription:{subscription.Id}";
        Assert.Equal(["->active: ", $"active->paused: Paused by {by}.", $"paused->active: Resumed by {by}.", $"active->: Deleted by {by}."], changes
            .Select(body => JsonSerializer.Deserialize<SubscriptionStatusChanged>(body, JsonSerializerOptions.Web)!)
            .Select(change => $"{change.OldStatus}->{change.NewStatus}: {change.Reason}"));
    }

    [Fact]
    public async Task Every_indicator_code_statistics_can_emit_can_be_asked_for()
    {
        using var anonymous = service.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/notifications/subscriptions", new
        {
            name = "codes with hyphens",
            contact = "ops@example.org",
            eventTypes = new[] { "forum.indicator.updated" },
            filter = new { indicatorCodes = new[] { "trade-balance.usd", "fdi.inflow-net" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Concurrent_changes_of_one_subscription_apply_one_after_the_other()
    {
        var subscription = await service.SubscribeAsync(service.Receiver.NewEndpoint(), ["forum.article.published"]);
        var path = $"/api/notifications/subscriptions/{subscription.Id}";
        using var owner = service.Owner(subscription);

        var pauses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => owner.PostAsync($"{path}/pause", null)));
        Assert.All(pauses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var deletes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => owner.DeleteAsync(path)));
        Assert.Single(deletes, response => response.StatusCode == HttpStatusCode.NoContent);
        // The others found nothing (404), or came after the management token went with the subscription (401).
        Assert.All(deletes.Where(response => response.StatusCode != HttpStatusCode.NoContent),
            response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized }));

        // One status event per change, so the platform's count of active subscriptions moves once each way.
        var changes = await service.WithServiceAsync<NotificationsDbContext, List<string>>(db => db.OutboxMessages
            .Where(message => message.MessageType == typeof(SubscriptionStatusChanged).FullName && message.Body.Contains(subscription.Id.ToString()))
            .OrderBy(message => message.OccurredAt)
            .Select(message => message.Body)
            .ToListAsync());
        Assert.Equal(["->active", "active->paused", "paused->"], changes
            .Select(body => JsonSerializer.Deserialize<SubscriptionStatusChanged>(body, JsonSerializerOptions.Web)!)
            .Select(change => $"{change.OldStatus}->{change.NewStatus}"));
    }

    [Theory]
    [InlineData("""{"name":"x","contact":"c","eventTypes":["forum.article.deleted"]}""", "eventTypes[0]")]
    [InlineData("""{"name":"x","contact":"c","eventTypes":["forum.nothing.*"]}""", "eventTypes[0]")]
    [InlineData("""{"name":"x","contact":"c","eventTypes":[]}""", "EventTypes")]
    [InlineData("""{"name":"x","contact":"c","eventTypes":["forum.ping",null]}""", "eventTypes[1]")]
    [InlineData("""{"name":"x","eventTypes":["forum.ping"]}""", "Contact")]
    [InlineData("""{"name":"x","contact":"c","eventTypes":["forum.article.*"],"webhookUrl":"ftp://example.org/hook"}""", "webhookUrl")]
    [InlineData("""{"name":"x","contact":"c","eventTypes":["forum.article.*"],"webhookUrl":"https://user:pw@example.org/hook"}""", "webhookUrl")]
    [InlineData("""{"name":"x","contact":"c","eventTypes":["forum.article.*"],"filter":{"languages":["English!"]}}""", "filter.languages[0]")]
    [InlineData("""{"name":"x","contact":"c","eventTypes":["forum.indicator.*"],"filter":{"indicatorCodes":["_trade.usd"]}}""", "filter.indicatorCodes[0]")]
    [InlineData("""{"name":"x","contact":"c","eventTypes":["forum.article.*"],"filter":{"sessionIds":["not-a-guid"]}}""", "$.filter.sessionIds")]
    public async Task Bad_subscriptions_are_refused_naming_the_field(string json, string field)
    {
        using var anonymous = service.Anonymous();
        var response = await anonymous.PostAsync("/api/notifications/subscriptions",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(error => error.Name.StartsWith(field, StringComparison.OrdinalIgnoreCase)),
            $"expected an error for {field}, got {errors}");
    }
}

/// <summary>
/// The service as in production: private webhook targets not allowed. A broker of its own, so its consumers never
/// compete with the shared instance's for events.
/// </summary>
public sealed class StrictTargetsFixture() : NotificationsServiceFixture([new("Notifications:Webhooks:AllowPrivateTargets", "false")]);

/// <summary>With private targets not allowed (the production default), internal webhook URLs are refused at the API.</summary>
public sealed class WebhookTargetRefusalTests(StrictTargetsFixture strict) : IClassFixture<StrictTargetsFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://10.20.30.40/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("http://[::1]:5000/hook")]
    public async Task Internal_webhook_urls_are_refused_naming_the_field(string url)
    {
        using var anonymous = strict.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/notifications/subscriptions",
            new { name = "x", contact = "c", webhookUrl = url, eventTypes = new[] { "forum.article.*" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("internal address", errors.GetProperty("webhookUrl")[0].GetString());
    }
}
