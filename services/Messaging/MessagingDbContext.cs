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
    /// Adds many events with one prepared INSERT (<see cref="BulkInsert{TEntity}"/>) on the open write, for changes
    /// that raise thousands of events at once (an import): the change tracker would spend seconds on them. Published
    /// after the commit.
    /// </summary>
    public async Task AddEventsAsync<TEvent>(IReadOnlyCollection<TEvent> domainEvents, CancellationToken cancellationToken)
        where TEvent : class, IForumEvent
    {
        if (domainEvents.Count == 0)
        {
            return;
        }

        // The rows AddEvent would add (OutboxMessage.For), written without the change tracker.
        await using var insert = await BulkInsert<OutboxMessage>.PrepareAsync(this, cancellationToken);
        foreach (var domainEvent in domainEvents)
        {
            await insert.AddAsync(OutboxMessage.For(domainEvent), cancellationToken);
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
