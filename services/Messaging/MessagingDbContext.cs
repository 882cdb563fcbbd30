using ForumPlatform.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ForumPlatform.Messaging;

/// <summary>
/// Base of every service's DbContext: the outbox and inbox tables live in the service's own database,
/// so events and inbox records commit atomically with the service's data.
/// </summary>
public abstract class MessagingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Ids of outbox rows saved but not yet committed; handed to the relay on commit.</summary>
    internal List<Guid> UncommittedOutboxIds { get; } = [];

    /// <summary>Work to run once the surrounding transaction commits (e.g. waking an in-process reader).</summary>
    internal List<Action> AfterCommitActions { get; } = [];

    /// <summary>
    /// Runs <paramref name="action"/> after the current transaction commits, or after the next SaveChanges when
    /// none is open; a rollback drops it. For signals only: the data is already durable when it runs.
    /// </summary>
    public void OnCommitted(Action action) => AfterCommitActions.Add(action);

    /// <summary>Adds an event to the outbox; it is published after the surrounding transaction commits.</summary>
    public void AddEvent<TEvent>(TEvent domainEvent) where TEvent : class, IForumEvent =>
        OutboxMessages.Add(OutboxMessage.For(domainEvent));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset columns; stored as UTC text they sort and compare correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
}
