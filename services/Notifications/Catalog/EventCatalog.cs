using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using ForumPlatform.Contracts;

namespace ForumPlatform.Notifications.Catalog;

/// <summary>
/// Every CloudEvent type subscribers receive, with a JSON Schema of its <c>data</c> generated from the contract the
/// data is serialized from (with the same serializer options), and an example. The schema cannot drift from what is
/// sent: both come from one type and one set of options.
/// </summary>
public static class EventCatalog
{
    /// <summary>How an event's <c>data</c> is written (<see cref="Subscriptions.Fanout"/>), and so how its schema is made.</summary>
    public static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web);

    /// <summary>The schema is stricter than the serializer needs to be: what a contract says is never null, never is.</summary>
    private static readonly JsonSerializerOptions SchemaJson = new(DataJson)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly DateTimeOffset ExampleTime = new(2025, 12, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid ExampleEvent = Guid.Parse("0193a8d2-7c4e-7d1a-9f3b-2c5e8a1b4d60");
    private static readonly Guid ExampleArticle = Guid.Parse("0193a8d2-6b10-7c22-8a41-5d9e0f3c2b17");
    private static readonly Guid ExampleSession = Guid.Parse("0193a8d2-5a77-71f0-b3c8-9e2d4f6a8c05");

    /// <summary>Each type: what it tells, whether a subscription can ask for it, its data's contract and an example of it.</summary>
    private static readonly (string Type, string Description, bool Subscribable, Type Data, object Example)[] Types =
    [
        (EventTypes.ArticlePublished, "An article was published (also when its scheduled time came).", true, typeof(ArticlePublished),
            new ArticlePublished(ExampleEvent, ExampleTime, ExampleArticle, "tianshan-forum-opens-in-urumqi", "Tianshan Forum opens in Urumqi",
                "Leaders of Central Asia met in Urumqi.", "en", ["connectivity"], ["Forum Newsroom"], "tianshan-forum-2025", ExampleTime,
                ["connectivity", "trade"])),
        (EventTypes.ArticleUpdated, "A published article was edited: the fields that changed, with their old and new values.", true,
            typeof(ArticleUpdated),
            new ArticleUpdated(ExampleEvent, ExampleTime, ExampleArticle, "tianshan-forum-opens-in-urumqi", "Tianshan Forum opens in Urumqi",
                "en", ["connectivity"], "tianshan-forum-2025", 3, [new FieldChange("title", "Forum opens", "Tianshan Forum opens in Urumqi")],
                ["connectivity"])),
        (EventTypes.ArticleRetracted, "A published article was retracted (or taken back to draft), with the reason readers see.", true,
            typeof(ArticleRetracted),
            new ArticleRetracted(ExampleEvent, ExampleTime, ExampleArticle, "tianshan-forum-opens-in-urumqi", "Tianshan Forum opens in Urumqi",
                "en", ["connectivity"], "tianshan-forum-2025", "The figures were for another corridor.", false, ["connectivity"])),
        (EventTypes.SessionScheduled, "A release added a session to the public programme.", true, typeof(SessionScheduled),
            new SessionScheduled(ExampleEvent, ExampleTime, ExampleSession, "tianshan-forum-2025", "1.2", "Transport corridors across Central Asia",
                "panel", "transport", "Transport", "Room A", ExampleTime.AddHours(4.5), ExampleTime.AddHours(6), "en", ["Ahsan Iqbal"])),
        (EventTypes.SessionRescheduled, "A release moved a session: its old and new times and rooms.", true, typeof(SessionRescheduled),
            new SessionRescheduled(ExampleEvent, ExampleTime, ExampleSession, "tianshan-forum-2025", "1.3", "Transport corridors across Central Asia",
                "transport", ExampleTime.AddHours(4.5), ExampleTime.AddHours(6), "Room A", ExampleTime.AddHours(5), ExampleTime.AddHours(6.5), "Room B")),
        (EventTypes.SessionCancelled, "A release cancelled a session.", true, typeof(SessionCancelled),
            new SessionCancelled(ExampleEvent, ExampleTime, ExampleSession, "tianshan-forum-2025", "1.4", "Transport corridors across Central Asia",
                "transport", ExampleTime.AddHours(5), ExampleTime.AddHours(6.5), "Room B")),
        (EventTypes.ScheduleReleased, "A new version of a forum's programme was released, with how many sessions it added, moved and cancelled.",
            true, typeof(ScheduleReleased),
            new ScheduleReleased(ExampleEvent, ExampleTime, "tianshan-forum-2025", "1.3", "1.2", "Moves the transport panel.", 0, 1, 0)),
        (EventTypes.IndicatorUpdated, "An economic figure was imported or revised: one series' value for one period, old and new.", true,
            typeof(IndicatorUpdated),
            new IndicatorUpdated(ExampleEvent, ExampleTime, "trade.china-bilateral.usd", "Trade with China", "USD", "KAZ", "CHN", "2024",
                41.2m, 43.8m, "Customs statistics")),
        (EventTypes.Ping, "A test event sent to one subscription when its owner asks for one; it cannot be subscribed to.", false,
            typeof(PingData), new PingData(ExampleEvent, "A test event you asked for.")),
    ];

    /// <summary>The catalog, made once: the contracts do not change while the service runs.</summary>
    public static IReadOnlyList<EventTypeDescription> All { get; } = [.. Types.Select(Describe)];

    /// <summary>The catalog's entry for <paramref name="type"/>, or null for a type this service never sends.</summary>
    public static EventTypeDescription? Find(string type) => All.FirstOrDefault(entry => entry.Type == type);

    private static EventTypeDescription Describe((string Type, string Description, bool Subscribable, Type Data, object Example) entry)
    {
        var schema = SchemaJson.GetJsonSchemaAsNode(entry.Data, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        if (schema is JsonObject root)
        {
            root.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
            root.Insert(1, "title", entry.Type);
        }

        return new EventTypeDescription(
            entry.Type, entry.Description, entry.Subscribable, schema, JsonSerializer.SerializeToNode(entry.Example, entry.Data, DataJson)!);
    }
}

/// <summary>One CloudEvent type: <c>dataSchema</c> is the JSON Schema of its <c>data</c>; <c>example</c> is such data.</summary>
public sealed record EventTypeDescription(string Type, string Description, bool Subscribable, JsonNode DataSchema, JsonNode Example);

/// <summary>The data of <c>forum.ping</c>: the subscription it was sent to, and a message.</summary>
public sealed record PingData(Guid SubscriptionId, string Message);
