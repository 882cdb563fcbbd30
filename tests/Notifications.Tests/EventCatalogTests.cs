using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ForumPlatform.Contracts;
using ForumPlatform.Testing;

namespace ForumPlatform.Notifications.Tests;

/// <summary>The event catalog: every type subscribers receive, with a schema of its data that what is sent keeps to.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class EventCatalogTests(NotificationsServiceFixture service)
{
    private async Task<Dictionary<string, JsonElement>> CatalogAsync()
    {
        using var anonymous = service.Anonymous();
        var catalog = await anonymous.GetFromJsonAsync<JsonElement>("/api/notifications/event-types");
        return catalog.EnumerateArray().ToDictionary(entry => entry.GetProperty("type").GetString()!, entry => entry);
    }

    [Fact]
    public async Task The_catalog_lists_every_type_anonymously_and_each_example_keeps_to_its_schema_while_broken_data_does_not()
    {
        var catalog = await CatalogAsync();

        Assert.Equal([.. EventTypes.All, EventTypes.Ping], catalog.Keys);
        Assert.All(EventTypes.All, type => Assert.True(catalog[type].GetProperty("subscribable").GetBoolean()));
        Assert.False(catalog[EventTypes.Ping].GetProperty("subscribable").GetBoolean());
        foreach (var (type, entry) in catalog)
        {
            var schema = entry.GetProperty("dataSchema");
            Assert.True(entry.GetProperty("description").GetString()!.Length > 10, type);
            Assert.Empty(EventSchemas.Problems(schema, entry.GetProperty("example")));
        }

        // The schema says what a subscriber may rely on: a field the contract always has, and its kind.
        var published = catalog[EventTypes.ArticlePublished];
        var example = JsonNode.Parse(published.GetProperty("example").GetRawText())!.AsObject();
        var withoutSlug = example.DeepClone().AsObject();
        withoutSlug.Remove("slug");
        Assert.NotEmpty(EventSchemas.Problems(published.GetProperty("dataSchema"), JsonSerializer.SerializeToElement(withoutSlug)));
        var nullTitle = example.DeepClone().AsObject();
        nullTitle["title"] = null;
        Assert.NotEmpty(EventSchemas.Problems(published.GetProperty("dataSchema"), JsonSerializer.SerializeToElement(nullTitle)));
        var numberAsText = JsonNode.Parse(catalog[EventTypes.ScheduleReleased].GetProperty("example").GetRawText())!.AsObject();
        numberAsText["newSessions"] = "two";
        Assert.NotEmpty(EventSchemas.Problems(catalog[EventTypes.ScheduleReleased].GetProperty("dataSchema"), JsonSerializer.SerializeToElement(numberAsText)));

        using var anonymous = service.Anonymous();
        var first = await anonymous.GetAsync("/api/notifications/event-types");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/event-types");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Every_kind_of_event_delivered_through_the_broker_keeps_to_the_catalogs_schema()
    {
        var catalog = await CatalogAsync();
        var hook = service.Receiver.NewEndpoint();
        var subscription = await service.SubscribeAsync(hook, [.. EventTypes.All]);
        using var owner = service.Owner(subscription);

        await service.PublishAsync(SampleEvents.ArticlePublished());
        await service.PublishAsync(SampleEvents.ArticleUpdated());
        await service.PublishAsync(SampleEvents.ArticleRetracted());
        await service.PublishAsync(SampleEvents.SessionScheduled());
        await service.PublishAsync(SampleEvents.SessionRescheduled());
        await service.PublishAsync(SampleEvents.SessionCancelled());
        await service.PublishAsync(SampleEvents.ScheduleReleased());
        await service.PublishAsync(SampleEvents.IndicatorUpdated());
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/notifications/subscriptions/{subscription.Id}/ping", null)).StatusCode);

        var delivered = await service.Receiver.WaitForAsync(hook, EventTypes.All.Count + 1, TimeSpan.FromSeconds(20));
        Assert.Equal(EventTypes.All.Append(EventTypes.Ping).Order(StringComparer.Ordinal),
            delivered.Select(webhook => webhook.CloudEvent.Type!).Order(StringComparer.Ordinal));
        foreach (var webhook in delivered)
        {
            var cloudEvent = webhook.CloudEvent;
            var problems = EventSchemas.Problems(catalog[cloudEvent.Type!].GetProperty("dataSchema"), (JsonElement)cloudEvent.Data!);
            Assert.True(problems.Count == 0, $"{cloudEvent.Type}: {string.Join("; ", problems)}");
        }
    }
}
