using System.Diagnostics;
using System.Text.Json;
using ForumPlatform.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Messaging;

/// <summary>
/// An event waiting to be published, written in the same transaction as the change that caused it.
/// Its id is the event id and becomes the broker message id.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; }

    /// <summary>Full name of the contract type in ForumPlatform.Contracts.</summary>
    public string MessageType { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>W3C trace context of the code that wrote the event, restored when it is published.</summary>
    public string? TraceParent { get; private set; }

    public string? TraceState { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A committed row is published at once by the relay; the re-sender takes over only rows still unpublished
    /// this long after they were written (the process stopped between commit and publish).
    /// </summary>
    internal static readonly TimeSpan ImmediatePublishGrace = TimeSpan.FromSeconds(5);

    public static OutboxMessage For<TEvent>(TEvent domainEvent) where TEvent : class, IForumEvent
    {
        var activity = Activity.Current;
        return new OutboxMessage
        {
            Id = domainEvent.EventId,
            MessageType = typeof(TEvent).FullName!,
            Body = JsonSerializer.Serialize(domainEvent, Json),
            OccurredAt = domainEvent.OccurredAt,
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            NextAttemptAt = domainEvent.OccurredAt + ImmediatePublishGrace,
        };
    }

    internal object Deserialize(Type contractType) =>
        JsonSerializer.Deserialize(Body, contractType, Json)
        ?? throw new InvalidOperationException($"Outbox message {Id} has an empty body.");

    internal void MarkPublished(DateTimeOffset now)
    {
        PublishedAt = now;
        Attempts++;
        LastError = null;
    }

    internal void MarkFailed(DateTimeOffset now, TimeSpan retryAfter, string error)
    {
        Attempts++;
        NextAttemptAt = now + retryAfter;
        LastError = error.Length > 2000 ? error[..2000] : error;
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(message => message.Id);
        builder.Property(message => message.MessageType).HasMaxLength(300);
        // The re-sender looks for unpublished rows that are due.
        builder.HasIndex(message => new { message.PublishedAt, message.NextAttemptAt });
    }
}
