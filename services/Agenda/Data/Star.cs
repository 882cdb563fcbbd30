using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Agenda.Data;

/// <summary>
/// A session a signed-in person marked for their own agenda. Kept by the token's <c>sub</c>, nothing else about the
/// person: the identity service owns who they are, and its account-deleted event removes their stars.
/// </summary>
public sealed class Star
{
    public required string Subject { get; init; }

    public Guid SessionId { get; init; }

    /// <summary>The session's forum, so a person's stars and a forum's counts are read by index.</summary>
    public Guid ForumId { get; init; }

    public DateTimeOffset StarredAt { get; init; }
}

internal sealed class StarConfiguration : IEntityTypeConfiguration<Star>
{
    public void Configure(EntityTypeBuilder<Star> builder)
    {
        builder.HasKey(star => new { star.Subject, star.SessionId });
        builder.HasIndex(star => new { star.ForumId, star.SessionId });
        builder.Property(star => star.Subject).HasMaxLength(PersonalCalendar.MaxSubjectLength);
        builder.HasOne<Session>().WithMany().HasForeignKey(star => star.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Forum>().WithMany().HasForeignKey(star => star.ForumId);
    }
}
