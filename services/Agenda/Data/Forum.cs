using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Agenda.Data;

/// <summary>One edition of a forum, held in one city over consecutive days.</summary>
public sealed class Forum
{
    public Guid Id { get; init; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public string Theme { get; set; } = "";

    public string HostOrganization { get; set; } = "";

    public required string City { get; set; }

    public string Venue { get; set; } = "";

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    /// <summary>IANA time zone id in which the forum's local times are shown.</summary>
    public required string TimeZone { get; set; }

    public string Description { get; set; } = "";

    public List<string> Languages { get; set; } = [];
}

internal sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> builder)
    {
        builder.HasKey(forum => forum.Id);
        builder.HasIndex(forum => forum.Slug).IsUnique();
        builder.Property(forum => forum.Slug).HasMaxLength(100);
        builder.Property(forum => forum.Name).HasMaxLength(300);
        builder.Property(forum => forum.TimeZone).HasMaxLength(64);
    }
}
