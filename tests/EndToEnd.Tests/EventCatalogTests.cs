using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>
/// The event catalog against what the services really send: one event of every kind, made through the gateway and
/// delivered through the broker, and every other webhook this run's tests received, each keeps to its type's schema.
/// </summary>
[Collection(ForumPlatformCollection.Name)]
public sealed class EventCatalogTests(ForumPlatformFixture platform)
{
    private const string Forum = "/api/agenda/forums/tianshan-forum-2025";

    [Fact]
    public async Task Every_event_the_services_publish_keeps_to_the_catalogs_schema_for_its_type()
    {
        using var anyone = platform.Gateway();
        var catalog = (await anyone.GetFromJsonAsync<JsonElement>("/api/notifications/event-types")).EnumerateArray().ToList();
        var schemas = catalog.ToDictionary(entry => entry.GetProperty("type").GetString()!, entry => entry.GetProperty("dataSchema"));
        var subscribable = catalog.Where(entry => entry.GetProperty("subscribable").GetBoolean()).Select(entry => entry.GetProperty("type").GetString()!).ToArray();
        var hook = platform.Receiver.NewEndpoint();
        var (subscription, _, owner) = await platform.SubscribeAsync(hook, subscribable);
        using var owners = new Owners(owner);
        var tag = $"catalog-{Guid.NewGuid():N}"[..16];

        // Articles: published, updated, retracted.
        using var editor = platform.Gateway(ForumRoles.Editor);
        var created = await editor.PostAsJsonAsync("/api/articles", new { title = $"Catalog story {tag}", language = "en", tags = new[] { tag } });
        var id = (await Read(created)).GetProperty("id").GetString();
        var etag = await WriteAsync(editor, HttpMethod.Post, $"/api/articles/{id}/publish", created.Headers.ETag!, null);
        etag = await WriteAsync(editor, HttpMethod.Put, $"/api/articles/{id}", etag, new { title = $"Catalog story, revised {tag}", language = "en", tags = new[] { tag } });
        await WriteAsync(editor, HttpMethod.Post, $"/api/articles/{id}/retract", etag, new { reason = "Written for the catalog test." });

        // The agenda: a session scheduled, moved and cancelled, each by a release.
        using var organizer = platform.Gateway(ForumRoles.Organizer);
        var room = (await Read(await organizer.PostAsJsonAsync($"{Forum}/rooms", new { name = $"Room {tag}", capacity = 10 }))).GetProperty("id").GetString()!;
        var session = (await Read(await organizer.PostAsJsonAsync($"{Forum}/sessions",
            Session(tag, "2025-12-03T21:00:00+08:00", "2025-12-03T21:30:00+08:00", room)))).GetProperty("id").GetString()!;
        await Read(await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = $"Adds {tag}" }));
        await Read(await SessionWrites.EditAsync(organizer, Forum, session, Session(tag, "2025-12-03T21:30:00+08:00", "2025-12-03T22:00:00+08:00", room)));
        await Read(await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = $"Moves {tag}" }));
        await Read(await SessionWrites.CancelAsync(organizer, Forum, session));
        await Read(await organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = $"Cancels {tag}" }));

        // Statistics: a value imported.
        using var analyst = platform.Gateway(ForumRoles.Analyst);
        var code = $"catalog.{Guid.NewGuid():N}"[..20];
        (await analyst.PutAsJsonAsync($"/api/stats/indicators/{code}", new
        {
            name = "Catalog indicator (sample data)", unit = "USD", scale = 6, frequency = "annual", source = new { organization = "Test suite" },
        })).EnsureSuccessStatusCode();
        using var csv = new StringContent($"indicator,reporter,partner,period,value\n{code},KAZ,CHN,2024,12.5\n", Encoding.UTF8, "text/csv");
        await Read(await analyst.PostAsync("/api/stats/imports", csv));

        // And the test event a subscriber asks for.
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/notifications/subscriptions/{subscription}/ping", null)).StatusCode);

        await Eventually.TrueAsync(
            () => Task.FromResult(schemas.Keys.All(type => platform.Receiver.At(hook).Any(webhook => webhook.CloudEvent.Type == type))),
            TimeSpan.FromSeconds(30), "one event of every type in the catalog");

        var checkedEvents = 0;
        foreach (var webhook in platform.Receiver.Received)
        {
            var cloudEvent = webhook.CloudEvent;
            Assert.True(schemas.TryGetValue(cloudEvent.Type!, out var schema), $"{cloudEvent.Type} is not in the catalog");
            var problems = EventSchemas.Problems(schema, (JsonElement)cloudEvent.Data!);
            Assert.True(problems.Count == 0, $"{cloudEvent.Type} {cloudEvent.Id}: {string.Join("; ", problems)}");
            checkedEvents++;
        }

        Assert.True(checkedEvents >= schemas.Count);
    }

    private static object Session(string tag, string start, string end, string roomId) =>
        new { title = $"Catalog session {tag}", type = "panel", start, end, roomId, language = "en" };

    private static async Task<EntityTagHeaderValue> WriteAsync(HttpClient client, HttpMethod method, string path, EntityTagHeaderValue etag, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(etag);
        var response = await client.SendAsync(request);
        await Read(response);
        return response.Headers.ETag!;
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
