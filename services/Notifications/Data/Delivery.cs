using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Notifications.Data;

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
