using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Notifications.Data;

/// <summary>An event as subscribers will see it (a CloudEvent's parts), kept for delivery and replay.</summary>
public sealed class ReceivedEvent
{
    /// <summary>The source event's id, which becomes the CloudEvent id.</summary>
    public Guid Id { get; init; }

    public required string Type { get; init; }

    /// <summary>What the event is about, e.g. <c>articles/tianshan-forum-opens</c>.</summary>
    public required string Subject { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public string? TraceId { get; init; }

    /// <summary>The event's content as JSON.</summary>
    public required string Data { get; init; }
}

/// <summary>One event owed to one subscription. Sending comes with the webhook channel.</summary>
public sealed class Delivery
{
    public Guid Id { get; init; }

    public Guid SubscriptionId { get; init; }

    public Guid EventId { get; init; }

    public required string EventType { get; init; }

    public DeliveryStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

internal sealed class ReceivedEventConfiguration : IEntityTypeConfiguration<ReceivedEvent>
{
    public void Configure(EntityTypeBuilder<ReceivedEvent> builder)
    {
        builder.HasKey(received => received.Id);
        builder.HasIndex(received => received.ReceivedAt);
        builder.Property(received => received.Type).HasMaxLength(100);
        builder.Property(received => received.Subject).HasMaxLength(300);
        builder.Property(received => received.TraceId).HasMaxLength(32);
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.HasKey(delivery => delivery.Id);
        builder.HasIndex(delivery => new { delivery.SubscriptionId, delivery.EventId }).IsUnique();
        builder.Property(delivery => delivery.EventType).HasMaxLength(100);
        builder.Property(delivery => delivery.Status).HasConversion<string>().HasMaxLength(20);
    }
}
