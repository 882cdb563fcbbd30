using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ForumPlatform.Contracts;

namespace ForumPlatform.Statistics.Data;

/// <summary>
/// Records an event in the log and bumps its counters, in the consumer's transaction (the inbox commits it).
/// </summary>
public sealed class PlatformFigures(StatisticsDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RecordAsync<TEvent>(TEvent domainEvent, string eventType, CancellationToken cancellationToken, params string[] dimensions)
        where TEvent : class, IForumEvent
    {
        var now = clock.GetUtcNow();
        db.Events.Add(new RecordedEvent
        {
            EventId = domainEvent.EventId,
            EventType = eventType,
            OccurredAt = domainEvent.OccurredAt,
            RecordedAt = now,
            TraceId = Activity.Current?.TraceId.ToHexString(),
            Payload = JsonSerializer.Serialize(domainEvent, Json),
        });

        var metric = eventType["forum.".Length..];
        var day = $"day:{domainEvent.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        foreach (var dimension in dimensions.Prepend(day).Prepend("all").Distinct())
        {
            var counter = await db.Counters.FindAsync([metric, dimension], cancellationToken);
            if (counter is null)
            {
                counter = new PlatformCounter { Metric = metric, Dimension = dimension };
                db.Counters.Add(counter);
            }

            counter.Value++;
            counter.UpdatedAt = now;
        }
    }
}
