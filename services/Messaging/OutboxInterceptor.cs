using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ForumPlatform.Messaging;

/// <summary>
/// Notices outbox rows being saved and signals the relay once they are committed: at the end of
/// SaveChanges when no transaction is open, or when the caller's transaction commits. A rollback drops them.
/// </summary>
internal sealed class OutboxInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stage(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stage(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommitIfNoTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommitIfNoTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => DropIfNoTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        DropIfNoTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Commit(eventData.Context);

    public Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Commit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

    public Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Stage(DbContext? context)
    {
        if (context is MessagingDbContext messaging)
        {
            messaging.UncommittedOutboxIds.AddRange(messaging.ChangeTracker.Entries<OutboxMessage>()
                .Where(entry => entry.State == EntityState.Added)
                .Select(entry => entry.Entity.Id));
        }
    }

    private void CommitIfNoTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Commit(context);
        }
    }

    private static void DropIfNoTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Drop(context);
        }
    }

    private void Commit(DbContext? context)
    {
        if (context is not MessagingDbContext messaging)
        {
            return;
        }

        if (messaging.UncommittedOutboxIds.Count > 0)
        {
            signal.Committed(messaging.UncommittedOutboxIds);
            messaging.UncommittedOutboxIds.Clear();
        }

        if (messaging.AfterCommitActions.Count > 0)
        {
            var actions = messaging.AfterCommitActions.ToList();
            messaging.AfterCommitActions.Clear();
            actions.ForEach(action => action());
        }
    }

    private static void Drop(DbContext? context)
    {
        if (context is MessagingDbContext messaging)
        {
            messaging.UncommittedOutboxIds.Clear();
            messaging.AfterCommitActions.Clear();
        }
    }
}
