using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Agenda.Data;

/// <summary>A thematic line of the forum (Transport, Energy, Digital connectivity), with its display colour.</summary>
public sealed class Track
{
    public Guid Id { get; init; }

    public Guid ForumId { get; init; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary><c>#rrggbb</c>.</summary>
    public required string Color { get; set; }
}

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> builder)
    {
        builder.HasKey(track => track.Id);
        builder.HasIndex(track => new { track.ForumId, track.Slug }).IsUnique();
        builder.HasOne<Forum>().WithMany().HasForeignKey(track => track.ForumId);
        builder.Property(track => track.Slug).HasMaxLength(100);
        builder.Property(track => track.Name).HasMaxLength(200);
        builder.Property(track => track.Color).HasMaxLength(7);
    }
}
