using ForumPlatform.Contracts;

namespace ForumPlatform.Notifications.Tests;

/// <summary>Events as the other services publish them; the content is sample data around the Tianshan Forum 2025.</summary>
public static class SampleEvents
{
    private static readonly DateTimeOffset ForumOpens = new(2025, 12, 2, 1, 30, 0, TimeSpan.Zero);

    public static ArticlePublished ArticlePublished(string[]? tags = null, string? forum = "tianshan-forum-2025", string language = "en") => new(
        Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.NewGuid(), $"tianshan-forum-opens-{Guid.NewGuid():N}", "Tianshan Forum opens in Urumqi",
        "Sample summary.", language, tags ?? ["connectivity"], ["Sample Author"], forum, DateTimeOffset.UtcNow, ["finance"]);

    public static ArticleUpdated ArticleUpdated() => new(
        Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.NewGuid(), "tianshan-forum-opens", "Tianshan Forum opens in Urumqi", "en",
        ["connectivity"], "tianshan-forum-2025", 2, [new FieldChange("title", "Old", "Tianshan Forum opens in Urumqi")]);

    public static ArticleRetracted ArticleRetracted() => new(
        Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.NewGuid(), "sample-story", "Sample story", "en", ["sample"], null,
        "Sample reason.", Hidden: false);

    public static SessionScheduled SessionScheduled(string? track = "fiscal-cooperation", Guid? session = null) => new(
        Guid.CreateVersion7(), DateTimeOffset.UtcNow, session ?? Guid.NewGuid(), "tianshan-forum-2025", "1.0", "Opening plenary", "plenary",
        track, "Fiscal cooperation", "Main hall", ForumOpens, ForumOpens.AddHours(2), "en", ["Lan Fo'an"]);

    public static SessionRescheduled SessionRescheduled(string? track = "fiscal-cooperation", Guid? session = null) => new(
        Guid.CreateVersion7(), DateTimeOffset.UtcNow, session ?? Guid.NewGuid(), "tianshan-forum-2025", "1.1", "Opening plenary", track,
        ForumOpens, ForumOpens.AddHours(2), "Main hall", ForumOpens.AddHours(1), ForumOpens.AddHours(3), "Hall B");

    public static SessionCancelled SessionCancelled() => new(
        Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.NewGuid(), "tianshan-forum-2025", "1.1", "Sample workshop", "digital",
        ForumOpens, ForumOpens.AddHours(1), "Room 3");

    public static ScheduleReleased ScheduleReleased() => new(
        Guid.CreateVersion7(), DateTimeOffset.UtcNow, "tianshan-forum-2025", "1.1", "1.0", "Sample release", 1, 1, 1);

    public static IndicatorUpdated IndicatorUpdated() => new(
        Guid.CreateVersion7(), DateTimeOffset.UtcNow, "trade.total.usd", "China–Central Asia trade", "USD", "CHN", "CAS", "2024",
        null, 94_800_000_000m, "News reports on the Tianshan Forum 2025");
}
