namespace ForumPlatform.Web.Api;

// The website's view of the API's answers: only the fields its pages show. It is a client of the public API, so it keeps
// its own records rather than the services' types.

public sealed record CoverImage(string Url, string Alt);

public sealed record Retraction(string Reason, DateTimeOffset RetractedAt);

public sealed record ArticleSummary(
    Guid Id, string Slug, string Title, string Summary, string Language, IReadOnlyList<string> Tags, IReadOnlyList<string> Themes,
    IReadOnlyList<string> Authors, CoverImage? CoverImage, DateTimeOffset? PublishedAt, Retraction? Retraction);

public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, string? NextCursor);

public sealed record Forum(
    string Slug, string Name, string Theme, string HostOrganization, string City, string Venue, DateOnly StartDate,
    DateOnly EndDate, string TimeZone, string Description, IReadOnlyList<string> Languages);

public sealed record SessionSpeaker(Guid Id, string Name, string Role);

public sealed record IndicatorSource(string? Organization, string? Url);

public sealed record Indicator(
    string Code, string Name, string Unit, int Scale, string? Description, IndicatorSource Source, string Frequency, bool SampleData);

public sealed record Observation(string Reporter, string Partner, string Period, decimal? Value, string? Status, string? Note);

public sealed record ObservationPage(Indicator Indicator, IReadOnlyList<Observation> Observations);

public sealed record ArticleSource(string Title, string Url);

public sealed record Translation(string Language, string Slug);

public sealed record Article(
    Guid Id, string Slug, string Title, string Summary, string BodyHtml, string Language, IReadOnlyList<string> Tags,
    IReadOnlyList<string> Themes, IReadOnlyList<string> Authors, IReadOnlyList<ArticleSource> Sources, string? ForumSlug,
    CoverImage? CoverImage, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, Retraction? Retraction,
    IReadOnlyList<Translation> Translations);

/// <summary>A search result; the snippet is HTML, escaped by the articles service but for its &lt;mark&gt; around matches.</summary>
public sealed record SearchHit(ArticleSummary Article, string Snippet);

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, int? NextOffset);

/// <summary>Which articles a list shows (the API's filters).</summary>
public sealed record ArticleFilter(string? Tag = null, string? Theme = null, string? Language = null, string? Cursor = null);

public sealed record Track(string Slug, string Name, string Color);

public sealed record Room(Guid Id, string Name, int Capacity, int Position);

public sealed record Speaker(Guid Id, string Name, string Role, string Organization, string? Country, string Bio, string? PhotoUrl);

public sealed record SessionLink(string Title, string Url);

/// <summary>A released schedule: the forum, its tracks, rooms and speakers, and every session (cancelled ones too).</summary>
public sealed record Schedule(
    string Version, DateTimeOffset ReleasedAt, Forum Forum, IReadOnlyList<Track> Tracks, IReadOnlyList<Room> Rooms,
    IReadOnlyList<Speaker> Speakers, IReadOnlyList<ScheduledSession> Sessions);

/// <summary>A session as a release has it; <see cref="Sequence"/> counts the releases that changed it.</summary>
public sealed record ScheduledSession(
    Guid Id, string Title, string? Subtitle, string Abstract, string Type, string? Track, Guid? RoomId, string? Room,
    DateTimeOffset Start, DateTimeOffset End, string Language, IReadOnlyList<SessionSpeaker> Speakers,
    IReadOnlyList<SessionLink> Links, string Status, int Sequence)
{
    public bool IsCancelled => Status == "cancelled";
}

public sealed record ScheduleChange(
    string Kind, Guid SessionId, string Title, DateTimeOffset? OldStart, DateTimeOffset? OldEnd, string? OldRoom,
    DateTimeOffset? NewStart, DateTimeOffset? NewEnd, string? NewRoom);

public sealed record Release(
    string Version, string? Comment, DateTimeOffset ReleasedAt, int NewSessions, int MovedSessions, int CancelledSessions,
    IReadOnlyList<ScheduleChange> Changes);

public sealed record DailyLatency(string Day, int Deliveries, double MedianMilliseconds, double P95Milliseconds);

/// <summary>Counters by metric and dimension (<c>all</c> is the total), counted by the statistics service from every event.</summary>
public sealed record PlatformFigures(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Metrics, IReadOnlyList<DailyLatency> DeliveryLatency)
{
    public long Total(string metric) => Metrics.TryGetValue(metric, out var counts) && counts.TryGetValue("all", out var total) ? total : 0;
}

public sealed record SubscriptionFilter(
    IReadOnlyList<string>? Tags = null, IReadOnlyList<string>? Themes = null, IReadOnlyList<string>? Forums = null,
    IReadOnlyList<string>? Tracks = null, IReadOnlyList<string>? Languages = null, IReadOnlyList<Guid>? SessionIds = null,
    IReadOnlyList<string>? IndicatorCodes = null);

public sealed record SubscriptionRequest(string Name, string Contact, IReadOnlyList<string> EventTypes, string? WebhookUrl, SubscriptionFilter? Filter);

public sealed record CreatedSubscriptionSummary(Guid Id, string Name);

/// <summary>A new subscription with its signing secret and management token, shown once.</summary>
public sealed record CreatedSubscription(CreatedSubscriptionSummary Subscription, string? Secret, string ManagementToken);

/// <summary>One CloudEvent type of the notifications service's catalog: its data's JSON Schema and an example.</summary>
public sealed record EventTypeEntry(string Type, string Description, bool Subscribable, System.Text.Json.JsonElement DataSchema, System.Text.Json.JsonElement Example);
