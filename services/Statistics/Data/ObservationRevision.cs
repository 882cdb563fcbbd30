using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Statistics.Data;

/// <summary>A value an import replaced, kept so a revision can be traced.</summary>
public sealed class ObservationRevision
{
    public long Id { get; init; }

    public long ObservationId { get; init; }

    public decimal? Value { get; init; }

    public string? Status { get; init; }

    public string? SourceNote { get; init; }

    /// <summary>When the replaced value was stored, and by which import.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public Guid ImportId { get; init; }

    public DateTimeOffset ReplacedAt { get; init; }

    public Guid ReplacedByImportId { get; init; }
}

internal sealed class ObservationRevisionConfiguration : IEntityTypeConfiguration<ObservationRevision>
{
    public void Configure(EntityTypeBuilder<ObservationRevision> builder)
    {
        builder.HasKey(revision => revision.Id);
        builder.HasIndex(revision => revision.ObservationId);
        builder.Property(revision => revision.Status).HasMaxLength(20);
        builder.Property(revision => revision.SourceNote).HasMaxLength(IndicatorLimits.Note);
        builder.HasOne<Observation>().WithMany().HasForeignKey(revision => revision.ObservationId).OnDelete(DeleteBehavior.Cascade);
    }
}
