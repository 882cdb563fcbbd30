using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Statistics.Data;

/// <summary>
/// One platform figure, counted from events: a metric (e.g. <c>articles.published</c>) split by a
/// dimension (<c>all</c>, <c>tag:energy</c>, <c>day:2025-12-02</c>, <c>language:en</c>, ...).
/// </summary>
public sealed class PlatformCounter
{
    public required string Metric { get; init; }

    public required string Dimension { get; init; }

    public long Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class PlatformCounterConfiguration : IEntityTypeConfiguration<PlatformCounter>
{
    public void Configure(EntityTypeBuilder<PlatformCounter> builder)
    {
        builder.HasKey(counter => new { counter.Metric, counter.Dimension });
        builder.Property(counter => counter.Metric).HasMaxLength(100);
        builder.Property(counter => counter.Dimension).HasMaxLength(200);
    }
}
