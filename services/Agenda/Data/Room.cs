using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Agenda.Data;

public sealed class Room
{
    public Guid Id { get; init; }

    public Guid ForumId { get; init; }

    public required string Name { get; set; }

    public int Capacity { get; set; }

    /// <summary>Order of the room in schedule displays.</summary>
    public int Position { get; set; }
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
