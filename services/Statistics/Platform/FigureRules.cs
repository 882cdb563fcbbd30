using System.Globalization;
using System.Text.Json;
using ForumPlatform.Contracts;

namespace ForumPlatform.Statistics.Platform;

/// <summary>A change to one counter: a metric split by a dimension (<c>all</c>, <c>day:2025-12-02</c>, <c>tag:energy</c>, ...).</summary>
public readonly record struct CounterDelta(string Metric, string Dimension, long Delta);

/// <summary>
/// What each event does to the platform figures. Pure, so the live consumers and the rebuild from the event log
/// count exactly alike. Days are UTC days of when the thing happened (an article's publication, a session's start).
/// </summary>
public static class FigureRules
{
    public const string All = "all";

    /// <summary>The log's name for each event it records, and the contract it is read back as.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Contracts = new Dictionary<string, Type>
    {
        [EventTypes.ArticlePublished] = typeof(ArticlePublished),
        [EventTypes.ArticleUpdated] = typeof(ArticleUpdated),
        [EventTypes.ArticleRetracted] = typeof(ArticleRetracted),
        [EventTypes.SessionScheduled] = typeof(SessionScheduled),
        [EventTypes.SessionRescheduled] = typeof(SessionRescheduled),
        [EventTypes.SessionCancelled] = typeof(SessionCancelled),
        [EventTypes.ScheduleReleased] = typeof(ScheduleReleased),
        [EventTypes.IndicatorUpdated] = typeof(IndicatorUpdated),
        ["forum.notification.delivered"] = typeof(NotificationDelivered),
        ["forum.notification.failed"] = typeof(NotificationFailed),
        ["forum.subscription.status-changed"] = typeof(SubscriptionStatusChanged),
    };

    private static readonly Dictionary<Type, string> Names = Contracts.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NameOf(IForumEvent domainEvent) => Names[domainEvent.GetType()];

    public static IForumEvent? Read(string eventType, string payload) =>
        Contracts.TryGetValue(eventType, out var contract) ? (IForumEvent?)JsonSerializer.Deserialize(payload, contract, Json) : null;

    public static IEnumerable<CounterDelta> For(IForumEvent domainEvent) => domainEvent switch
    {
        ArticlePublished published => Count("articles.published",
            [All, Day(published.PublishedAt), Language(published.Language), .. Tags(published.Tags), .. Themes(published.Themes)]),
        ArticleUpdated updated => Count("articles.updated", [All, Day(updated.OccurredAt), Language(updated.Language)]),
        ArticleRetracted retracted => Count("articles.retracted",
            [All, Day(retracted.OccurredAt), Language(retracted.Language), .. Tags(retracted.Tags)]),
        SessionScheduled scheduled =>
            [
                .. Count("sessions.scheduled", [All, Forum(scheduled.ForumSlug), Track(scheduled.TrackSlug), Day(scheduled.Start)]),
                .. Sessions(scheduled.ForumSlug, scheduled.TrackSlug, scheduled.Start, +1),
            ],
        SessionRescheduled rescheduled =>
            [
                .. Count("sessions.rescheduled",
                    [All, Forum(rescheduled.ForumSlug), Release(rescheduled.ForumSlug, rescheduled.ScheduleVersion), Track(rescheduled.TrackSlug)]),
                .. Sessions(rescheduled.ForumSlug, rescheduled.TrackSlug, rescheduled.OldStart, -1),
                .. Sessions(rescheduled.ForumSlug, rescheduled.TrackSlug, rescheduled.NewStart, +1),
            ],
        SessionCancelled cancelled =>
            [
                .. Count("sessions.cancelled",
                    [All, Forum(cancelled.ForumSlug), Release(cancelled.ForumSlug, cancelled.ScheduleVersion), Track(cancelled.TrackSlug)]),
                .. Sessions(cancelled.ForumSlug, cancelled.TrackSlug, cancelled.Start, -1),
            ],
        ScheduleReleased released => Count("schedule.releases", [All, Forum(released.ForumSlug)]),
        IndicatorUpdated indicator => Count("indicators.updated", [All, Day(indicator.OccurredAt), $"indicator:{indicator.IndicatorCode}"]),
        NotificationDelivered delivered => Count("notifications.delivered",
            [All, Day(delivered.OccurredAt), $"channel:{delivered.Channel}", $"type:{delivered.EventType}"]),
        // Only a delivery that gave up has failed; a failed attempt that will be retried is counted apart.
        NotificationFailed failed => Count(failed.GaveUp ? "notifications.failed" : "notifications.failed-attempts",
            [All, Day(failed.OccurredAt), $"channel:{failed.Channel}", $"type:{failed.EventType}"]),
        SubscriptionStatusChanged changed => Subscriptions(changed),
        _ => [],
    };

    /// <summary>The latency a delivered notification adds to its day, if it is one.</summary>
    public static (string Day, double Milliseconds)? Latency(IForumEvent domainEvent) =>
        domainEvent is NotificationDelivered delivered ? (DayOf(delivered.OccurredAt), delivered.LatencyMilliseconds) : null;

    public static string DayOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Sessions on the programme: a gauge by forum, track, day and track × day, moved by reschedules.</summary>
    private static IEnumerable<CounterDelta> Sessions(string forum, string? track, DateTimeOffset start, long delta) =>
        Count("sessions", [All, Forum(forum), Track(track), Day(start), $"track-day:{track ?? "none"}/{DayOf(start)}"], delta);

    private static IEnumerable<CounterDelta> Subscriptions(SubscriptionStatusChanged changed)
    {
        var active = (changed.NewStatus == "active" ? 1 : 0) - (changed.OldStatus == "active" ? 1 : 0);
        if (active != 0)
        {
            yield return new CounterDelta("subscriptions.active", All, active);
        }

        var happened = (changed.OldStatus, changed.NewStatus) switch
        {
            (null, _) => "subscriptions.created",
            (_, null) => "subscriptions.deleted",
            (_, "disabled") => "subscriptions.disabled",
            _ => null,
        };
        if (happened is not null)
        {
            foreach (var delta in Count(happened, [All, Day(changed.OccurredAt), $"channel:{changed.Channel}"]))
            {
                yield return delta;
            }
        }
    }

    private static IEnumerable<CounterDelta> Count(string metric, string[] dimensions, long delta = 1) =>
        dimensions.Distinct().Select(dimension => new CounterDelta(metric, dimension, delta));

    private static string Day(DateTimeOffset time) => $"day:{DayOf(time)}";

    private static string Language(string language) => $"language:{language}";

    private static string Forum(string forum) => $"forum:{forum}";

    private static string Track(string? track) => $"track:{track ?? "none"}";

    private static string Release(string forum, string version) => $"release:{forum}/{version}";

    private static IEnumerable<string> Tags(IEnumerable<string> tags) => tags.Select(tag => $"tag:{tag}");

    private static IEnumerable<string> Themes(IEnumerable<string>? themes) => (themes ?? []).Select(theme => $"theme:{theme}");
}
