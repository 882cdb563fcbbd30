using ForumPlatform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Agenda.Data;

public enum SessionType
{
    Plenary,
    Panel,
    Keynote,
    Workshop,
    Launch,
    Break,
}

public enum SessionRole
{
    Chair,
    Speaker,
    Moderator,
}

public enum SessionStatus
{
    Confirmed,
    Cancelled,
}

public sealed record SessionSpeaker(Guid SpeakerId, SessionRole Role);

public sealed record SessionLink(string Title, string Url);

/// <summary>
/// A session in the organizers' working copy. The public sees it only as part of a schedule release;
/// cancelling (rather than deleting) keeps a released session in the next release, marked cancelled.
/// </summary>
public sealed class Session
{
    public Guid Id { get; init; }

    public Guid ForumId { get; init; }

    /// <summary>1, 2, ... in the order sessions were added to the forum: the numeric id schedule apps expect.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public string? Subtitle { get; set; }

    public string Abstract { get; set; } = "";

    public SessionType Type { get; set; }

    public Guid? TrackId { get; set; }

    /// <summary>None for a forum-wide break.</summary>
    public Guid? RoomId { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public string Language { get; set; } = "en";

    public List<SessionSpeaker> Speakers { get; set; } = [];

    public List<SessionLink> Links { get; set; } = [];

    public SessionStatus Status { get; set; }

    /// <summary>Whether the session has been part of a release (then it can be cancelled, not deleted).</summary>
    public bool Released { get; set; }

    /// <summary>1, 2, ... counting the organizers' edits (a release leaves it): with the id, the session's ETag.</summary>
    public int Revision { get; set; } = 1;

    /// <summary>A break with no room and no speakers holds for the whole forum: nothing may overlap it.</summary>
    public bool IsForumWideBreak => Type == SessionType.Break && RoomId is null && Speakers.Count == 0;

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasKey(session => session.Id);
        builder.HasIndex(session => new { session.ForumId, session.Start });
        builder.HasIndex(session => new { session.ForumId, session.Number }).IsUnique();
        builder.HasOne<Forum>().WithMany().HasForeignKey(session => session.ForumId);
        builder.HasOne<Track>().WithMany().HasForeignKey(session => session.TrackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Room>().WithMany().HasForeignKey(session => session.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(session => session.Title).HasMaxLength(300);
        builder.Property(session => session.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(session => session.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(session => session.Speakers).HasJsonConversion();
        builder.Property(session => session.Links).HasJsonConversion();
        builder.Property(session => session.Revision).IsConcurrencyToken();
        builder.Ignore(session => session.IsForumWideBreak);
    }
}
