using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Agenda.Data;

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
