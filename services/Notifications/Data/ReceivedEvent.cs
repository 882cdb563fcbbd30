using ForumPlatform.Database;
using ForumPlatform.Messaging;
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
/// One event owed to one webhook subscription. Its id is the <c>webhook-id</c> header, the same on every attempt
/// and redelivery, so subscribers can de-duplicate.
/// </summary>
public sealed class Delivery
{
    public Guid Id { get; init; }

    public Guid SubscriptionId { get; init; }

    public Guid EventId { get; init; }

    public required string EventType { get; init; }

    public DeliveryStatus Status { get; set; }

    /// <summary>Attempts since the delivery was created or last redelivered; the retry schedule counts these.</summary>
    public int Attempts { get; set; }

    /// <summary>Every attempt ever made, which numbers the attempt log.</summary>
    public int TotalAttempts { get; set; }

    /// <summary>When the next attempt is due; null once delivered or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }
}

public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>One HTTP attempt of a delivery, as the delivery log shows it.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; init; }

    public Guid DeliveryId { get; init; }

    public int Number { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public double DurationMilliseconds { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }
}

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

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.HasKey(delivery => delivery.Id);
        builder.HasIndex(delivery => new { delivery.SubscriptionId, delivery.EventId }).IsUnique();
        builder.HasIndex(delivery => new { delivery.Status, delivery.NextAttemptAt });
        builder.HasIndex(delivery => delivery.EventId);
        builder.Property(delivery => delivery.EventType).HasMaxLength(100);
        builder.Property(delivery => delivery.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(delivery => delivery.LastError).HasMaxLength(500);
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.HasKey(attempt => attempt.Id);
        builder.HasIndex(attempt => attempt.DeliveryId);
        builder.Property(attempt => attempt.Error).HasMaxLength(500);
    }
}
