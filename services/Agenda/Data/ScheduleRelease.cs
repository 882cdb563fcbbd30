using ForumPlatform.Agenda.Releases;
using ForumPlatform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Agenda.Data;

/// <summary>A frozen version of a forum's schedule, with the changes it made public.</summary>
public sealed class ScheduleRelease
{
    public Guid Id { get; init; }

    public Guid ForumId { get; init; }

    /// <summary>Major.minor, e.g. <c>1.0</c>, <c>1.1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>Position of the release in its forum's history (1, 2, ...), for ordering versions.</summary>
    public int Sequence { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset ReleasedAt { get; init; }

    public required string ReleasedBy { get; init; }

    public List<ScheduleChange> Changes { get; init; } = [];

    public required PublishedSchedule Schedule { get; init; }
}

internal sealed class ScheduleReleaseConfiguration : IEntityTypeConfiguration<ScheduleRelease>
{
    public void Configure(EntityTypeBuilder<ScheduleRelease> builder)
    {
        builder.HasKey(release => release.Id);
        builder.HasIndex(release => new { release.ForumId, release.Version }).IsUnique();
        builder.HasIndex(release => new { release.ForumId, release.Sequence }).IsUnique();
        builder.HasOne<Forum>().WithMany().HasForeignKey(release => release.ForumId);
        builder.Property(release => release.Version).HasMaxLength(20);
        builder.Property(release => release.Changes).HasJsonConversion();
        builder.Property(release => release.Schedule).HasJsonConversion();
    }
}
