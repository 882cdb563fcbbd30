using ForumPlatform.Contracts;
using ForumPlatform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ForumPlatform.Messaging;

/// <summary>
/// Base of every service's DbContext: the outbox and inbox tables live in the service's own database,
/// so events and inbox records commit atomically with the service's data (in one <see cref="DatabaseWrite"/>).
/// </summary>
/// <param name="options">The service's database options.</param>
/// <param name="outbox">Where committed events are announced to the outbox relay; none where no relay runs (a command).</param>
public abstract class MessagingDbContext(DbContextOptions options, OutboxSignal? outbox) : ServiceDbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Adds an event to the outbox; the relay publishes it once the write commits.</summary>
    public void AddEvent<TEvent>(TEvent domainEvent) where TEvent : class, IForumEvent
    {
        var message = OutboxMessage.For(domainEvent);
        OutboxMessages.Add(message);
        OnCommitted(() => outbox?.Committed([message.Id]));
    }

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
        }

        var ids = domainEvents.Select(domainEvent => domainEvent.EventId).ToList();
        OnCommitted(() => outbox?.Committed(ids));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
    }
}
