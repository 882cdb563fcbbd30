using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Statistics.Data;

/// <summary>
/// Every event the service counted, as received: the log the figures can be rebuilt from, and the place
/// to see when (and in which trace) an event arrived.
/// </summary>
public sealed class RecordedEvent
{
    public Guid EventId { get; init; }

    public required string EventType { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public string? TraceId { get; init; }

    public required string Payload { get; init; }
}

internal sealed class RecordedEventConfiguration : IEntityTypeConfiguration<RecordedEvent>
{
    public void Configure(EntityTypeBuilder<RecordedEvent> builder)
    {
        builder.HasKey(recorded => recorded.EventId);
        builder.HasIndex(recorded => recorded.RecordedAt);
        builder.Property(recorded => recorded.EventType).HasMaxLength(100);
        builder.Property(recorded => recorded.TraceId).HasMaxLength(32);
    }
}
