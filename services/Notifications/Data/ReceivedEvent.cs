using ForumPlatform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Notifications.Data;

/// <summary>
/// An event as subscribers see it (a CloudEvent's parts), kept for webhook deliveries, the stream's replay and the
/// broker exchange.
/// </summary>
public sealed class ReceivedEvent
{
    /// <summary>The source event's id, which becomes the CloudEvent id.</summary>
    public Guid Id { get; init; }

    public required string Type { get; init; }

    /// <summary>The CloudEvent source: the service the event came from, e.g. <c>/articles</c>.</summary>
    public required string Source { get; init; }

    /// <summary>What the event is about, e.g. <c>articles/tianshan-forum-opens</c>.</summary>
    public required string Subject { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>When this service committed it; with <see cref="Id"/> it orders the stream.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    public string? TraceId { get; init; }

    /// <summary>The W3C traceparent of the consumer, so delivery attempts join the event's trace.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The event's content as JSON (the CloudEvent's <c>data</c>).</summary>
    public required string Data { get; init; }

    /// <summary>What stream and subscription filters look at.</summary>
    public required NotificationFacts Facts { get; init; }

    /// <summary>When it was confirmed by the broker exchange; null until then.</summary>
    public DateTimeOffset? ExchangePublishedAt { get; set; }
}

/// <summary>
/// What an event offers filters, null where the event has no such attribute (a session has no tags, an
/// article no track).
/// </summary>
public sealed record NotificationFacts(
    string Type,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Themes = null,
    string? Forum = null,
    string? Track = null,
    Guid? SessionId = null,
    string? IndicatorCode = null,
    string? Language = null);

internal sealed class ReceivedEventConfiguration : IEntityTypeConfiguration<ReceivedEvent>
{
    public void Configure(EntityTypeBuilder<ReceivedEvent> builder)
    {
        builder.HasKey(received => received.Id);
        builder.HasIndex(received => new { received.ReceivedAt, received.Id });
        builder.Property(received => received.Type).HasMaxLength(100);
        builder.Property(received => received.Source).HasMaxLength(100);
        builder.Property(received => received.Subject).HasMaxLength(300);
        builder.Property(received => received.TraceId).HasMaxLength(32);
        builder.Property(received => received.TraceParent).HasMaxLength(64);
        builder.Property(received => received.Facts).HasJsonConversion();
        builder.HasIndex(received => received.ExchangePublishedAt);
    }
}
