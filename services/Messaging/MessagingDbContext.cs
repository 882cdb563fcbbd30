using System.Diagnostics;
using System.Text.Json;
using ForumPlatform.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

    /// <summary>
    /// A transaction that holds SQLite's write lock from its start (Microsoft.Data.Sqlite begins it IMMEDIATE). A check
    /// and the write that depends on it, run inside one, are serialised with every other writer: two requests booking
    /// one room, taking one slug or changing one subscription are checked one after the other, so the second gets the
    /// documented refusal instead of a double booking or a unique-index failure.
    /// </summary>
    public Task<IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(cancellationToken);

    /// <summary>Adds an event to the outbox; it is published after the surrounding transaction commits.</summary>
    public void AddEvent<TEvent>(TEvent domainEvent) where TEvent : class, IForumEvent =>
        OutboxMessages.Add(OutboxMessage.For(domainEvent));

    /// <summary>
    /// Adds many events with one prepared INSERT on the open transaction, for changes that raise thousands of
    /// events at once (an import): the change tracker would spend seconds on them. Published after the commit.
    /// </summary>
    public async Task AddEventsAsync<TEvent>(IReadOnlyCollection<TEvent> domainEvents, CancellationToken cancellationToken)
        where TEvent : class, IForumEvent
    {
        if (domainEvents.Count == 0)
        {
            return;
        }

        var transaction = Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk events are written inside the caller's transaction.");
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        // Values in EF Core's SQLite formats: GUIDs as upper-case text, times as UTC text.
        command.CommandText = """
            INSERT INTO "OutboxMessages" ("Id", "MessageType", "Body", "OccurredAt", "TraceParent", "TraceState", "Attempts", "NextAttemptAt")
            VALUES ($id, $type, $body, $occurredAt, $traceParent, $traceState, 0, $nextAttemptAt)
            """;
        var (id, type, body, occurredAt, traceParent, traceState, nextAttemptAt) = (
            command.AddParameter("$id"), command.AddParameter("$type"), command.AddParameter("$body"), command.AddParameter("$occurredAt"),
            command.AddParameter("$traceParent"), command.AddParameter("$traceState"), command.AddParameter("$nextAttemptAt"));
        await command.PrepareAsync(cancellationToken);
        foreach (var domainEvent in domainEvents)
        {
            // The row an entity would get (OutboxMessage.For), written without the change tracker.
            var message = OutboxMessage.For(domainEvent);
            id.Value = message.Id.ToString().ToUpperInvariant();
            type.Value = message.MessageType;
            body.Value = message.Body;
            occurredAt.Value = message.OccurredAt.UtcDateTime;
            traceParent.Value = (object?)message.TraceParent ?? DBNull.Value;
            traceState.Value = (object?)message.TraceState ?? DBNull.Value;
            nextAttemptAt.Value = message.NextAttemptAt.UtcDateTime;
            await command.ExecuteNonQueryAsync(cancellationToken);
            UncommittedOutboxIds.Add(domainEvent.EventId);
        }
    }

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
