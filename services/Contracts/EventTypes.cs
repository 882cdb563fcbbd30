namespace ForumPlatform.Contracts;

/// <summary>The CloudEvents <c>type</c> names subscribers see, one per public event.</summary>
public static class EventTypes
{
    public const string ArticlePublished = "forum.article.published";
    public const string ArticleUpdated = "forum.article.updated";
    public const string ArticleRetracted = "forum.article.retracted";
    public const string SessionScheduled = "forum.session.scheduled";
    public const string SessionRescheduled = "forum.session.rescheduled";
    public const string SessionCancelled = "forum.session.cancelled";
    public const string ScheduleReleased = "forum.schedule.released";
    public const string IndicatorUpdated = "forum.indicator.updated";

    /// <summary>A test event sent to one subscription on request; not subscribable.</summary>
    public const string Ping = "forum.ping";

    /// <summary>Every type a subscription may ask for.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ArticlePublished, ArticleUpdated, ArticleRetracted,
        SessionScheduled, SessionRescheduled, SessionCancelled, ScheduleReleased,
        IndicatorUpdated,
    ];
}
