using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Statistics.Data;

/// <summary>One delivered notification's latency, by UTC day, so each day's median and p95 can be read off an index.</summary>
public sealed class DeliveryLatency
{
    public long Id { get; init; }

    /// <summary><c>yyyy-MM-dd</c> of the delivery.</summary>
    public required string Day { get; init; }

    public double Milliseconds { get; init; }
}

internal sealed class DeliveryLatencyConfiguration : IEntityTypeConfiguration<DeliveryLatency>
{
    public void Configure(EntityTypeBuilder<DeliveryLatency> builder)
    {
        builder.HasKey(latency => latency.Id);
        builder.HasIndex(latency => new { latency.Day, latency.Milliseconds });
        builder.Property(latency => latency.Day).HasMaxLength(10);
    }
}
