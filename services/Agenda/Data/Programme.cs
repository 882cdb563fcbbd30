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

public sealed class Room
{
    public Guid Id { get; init; }

    public Guid ForumId { get; init; }

    public required string Name { get; set; }

    public int Capacity { get; set; }

    /// <summary>Order of the room in schedule displays.</summary>
    public int Position { get; set; }
}

public sealed class Speaker
{
    public Guid Id { get; init; }

    public Guid ForumId { get; init; }

    public required string Name { get; set; }

    /// <summary>Honorific or role, e.g. "Minister of Finance of China".</summary>
    public string Role { get; set; } = "";

    public string Organization { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; set; }

    public string Bio { get; set; } = "";

    public string? PhotoUrl { get; set; }
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

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.HasKey(room => room.Id);
        builder.HasIndex(room => room.ForumId);
        builder.HasOne<Forum>().WithMany().HasForeignKey(room => room.ForumId);
        builder.Property(room => room.Name).HasMaxLength(200);
    }
}

internal sealed class SpeakerConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> builder)
    {
        builder.HasKey(speaker => speaker.Id);
        builder.HasIndex(speaker => speaker.ForumId);
        builder.HasOne<Forum>().WithMany().HasForeignKey(speaker => speaker.ForumId);
        builder.Property(speaker => speaker.Name).HasMaxLength(200);
        builder.Property(speaker => speaker.Country).HasMaxLength(2);
    }
}
