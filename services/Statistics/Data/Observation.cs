using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Statistics.Data;

/// <summary>
/// One value of an indicator: what <see cref="Reporter"/> reported against <see cref="Partner"/> for a period.
/// Within an indicator the period strings sort chronologically (one frequency each), so ranges are string ranges.
/// </summary>
public sealed class Observation
{
    public long Id { get; init; }

    public required string IndicatorCode { get; init; }

    /// <summary>ISO 3166 alpha-3 country code or a region code (<see cref="Indicators.Areas"/>).</summary>
    public required string Reporter { get; init; }

    public required string Partner { get; init; }

    public required string Period { get; init; }

    /// <summary>Null where the value is not available.</summary>
    public decimal? Value { get; set; }

    /// <summary>Null for a final figure; otherwise <c>estimated</c>, <c>provisional</c> or <c>forecast</c>.</summary>
    public string? Status { get; set; }

    public string? SourceNote { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid ImportId { get; set; }
}

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.HasKey(observation => observation.Id);
        // Queries seek by indicator, then reporter, partner and the period range.
        builder.HasIndex(observation => new { observation.IndicatorCode, observation.Reporter, observation.Partner, observation.Period })
            .IsUnique();
        // Partner-first questions ("who reports trade with KAZ?") seek here instead of scanning the indicator.
        builder.HasIndex(observation => new { observation.IndicatorCode, observation.Partner, observation.Reporter, observation.Period });
        builder.Property(observation => observation.IndicatorCode).HasMaxLength(IndicatorLimits.Code);
        builder.Property(observation => observation.Reporter).HasMaxLength(10);
        builder.Property(observation => observation.Partner).HasMaxLength(10);
        builder.Property(observation => observation.Period).HasMaxLength(7);
        builder.Property(observation => observation.Status).HasMaxLength(20);
        builder.Property(observation => observation.SourceNote).HasMaxLength(IndicatorLimits.Note);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(observation => observation.IndicatorCode).OnDelete(DeleteBehavior.Restrict);
    }
}
