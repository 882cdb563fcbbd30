using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Messaging;

/// <summary>
/// A message a consumer has processed, written in the same transaction as the consumer's own changes,
/// so a redelivery of the same message id to the same consumer has no second effect.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    /// <summary>The receive endpoint (queue) name; one consumer per endpoint.</summary>
    public string Consumer { get; init; } = "";

    public string MessageType { get; init; } = "";

    public DateTimeOffset ProcessedAt { get; init; }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("InboxMessages");
        builder.HasKey(message => new { message.MessageId, message.Consumer });
        builder.Property(message => message.Consumer).HasMaxLength(200);
        builder.Property(message => message.MessageType).HasMaxLength(300);
    }
}
